package io.tinymetrics.sdk;

import android.content.Context;
import android.provider.Settings;
import android.telephony.TelephonyManager;

/**
 * A small analytics SDK of the kind many apps embed: it identifies the device by its Android ID
 * and carrier and uploads events to its own collector, over cleartext http.
 */
public final class TinyMetrics {

    private static final String COLLECTOR = "http://collect.tinymetrics.io/v2/events";

    private static String deviceId;
    private static String carrier;
    private static String apiKey;

    private TinyMetrics() {
    }

    public static void init(Context context, String key) {
        apiKey = key;
        deviceId = Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID);
        TelephonyManager phone = (TelephonyManager) context.getSystemService(Context.TELEPHONY_SERVICE);
        carrier = phone.getNetworkOperatorName();
    }

    public static void track(String event) {
        String payload = "{\"key\":\"" + apiKey + "\",\"device\":\"" + deviceId + "\",\"carrier\":\"" + carrier
                + "\",\"event\":\"" + event + "\"}";
        new Uploader(COLLECTOR).post(payload);
    }
}
