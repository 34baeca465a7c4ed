package com.example.weatherbuddy;

import android.app.Application;
import io.tinymetrics.sdk.TinyMetrics;

/** Starts the analytics SDK when the process starts, as SDK quick-start guides tell apps to. */
public class WeatherApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        TinyMetrics.init(this, "tm_live_4f1c9a");
    }
}
