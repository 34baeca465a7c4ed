package org.leakscan.bench;

import android.app.Activity;
import android.content.Context;
import android.content.Intent;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;
import com.google.gson.Gson;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

public class FeedActivity extends Activity {
    private String deviceId;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        deviceId = tm.getDeviceId();
        startService(new Intent(this, SyncService.class).putExtra("id", deviceId));
    }

    @Override
    protected void onResume() {
        super.onResume();
        Map<String, String> event = new HashMap<>();
        event.put("device", deviceId);
        event.put("screen", "feed");
        String json = new Gson().toJson(event);
        OkHttpClient client = BenchApplication.client != null ? BenchApplication.client : new OkHttpClient();
        Request request = new Request.Builder().url("https://events.bench-social.example/v1/track")
                .post(RequestBody.create(json, MediaType.get("application/json"))).build();
        try {
            client.newCall(request).execute().close();
        } catch (IOException e) {
            Log.w("feed", "upload failed for " + deviceId, e);
        }
    }
}
