package com.example.weatherbuddy;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import io.tinymetrics.sdk.TinyMetrics;

/** Re-arms the analytics upload after a reboot. */
public class BootReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        TinyMetrics.init(context, "tm_live_4f1c9a");
    }
}
