package com.adjust.sdk;

import android.content.Context;

/** Stand-in with the Adjust SDK's package name and entry point (not Adjust's code). */
public final class Adjust {

    private Adjust() {
    }

    public static void onCreate(Context context) {
        new ActivityHandler(context).sendSession();
    }
}
