package org.leakscan.bench;

import android.app.Application;
import okhttp3.OkHttpClient;

public class BenchApplication extends Application {
    static OkHttpClient client;

    @Override
    public void onCreate() {
        super.onCreate();
        client = new OkHttpClient.Builder().build();
    }
}
