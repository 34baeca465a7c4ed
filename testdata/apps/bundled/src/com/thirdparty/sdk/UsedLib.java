package com.thirdparty.sdk;

import android.os.Build;
import android.util.Log;

/** A bundled library the app calls: its static initialiser runs once the analysis reaches it. */
public final class UsedLib {
    private static final String SERIAL = Build.SERIAL;

    private UsedLib() {
    }

    public static void report() {
        Log.d("used", SERIAL); // EXPECT flow device-id.serial log
    }
}
