package o;

import android.content.Context;
import android.util.Log;

/**
 * What R8 leaves of an SDK: renamed classes, but its endpoint and a distinctive string
 * (AppsFlyer's class name, kept as its log tag) as constants.
 */
public final class a {

    private static final String TAG = "AppsFlyerLib";
    private static final String ENDPOINT = "https://t.appsflyer.com/api/v6.9/androidevent?app=";

    private a() {
    }

    public static String b(Context context) {
        Log.d(TAG, "start");
        return ENDPOINT + context.getPackageName();
    }
}
