package com.mixpanel.android.mpmetrics;

import android.content.Context;
import android.provider.Settings;

/** Stand-in with the Mixpanel SDK's package and entry point (not Mixpanel's code). */
public final class MixpanelAPI {

    private final Context context;

    private MixpanelAPI(Context context) {
        this.context = context;
    }

    public static MixpanelAPI getInstance(Context context) {
        return new MixpanelAPI(context);
    }

    public void track(String event) {
        String distinctId = Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID);
        AnalyticsMessages.send("event=" + event + "&distinct_id=" + distinctId);
    }
}
