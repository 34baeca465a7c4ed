package com.thirdparty.sdk;

import android.os.Build;
import android.util.Log;

/** A bundled library nothing calls: its static initialiser never runs. */
public final class UnusedLib {
    static {
        Log.d("unused", Build.SERIAL); // EXPECT none (unreachable)
    }

    private UnusedLib() {
    }
}
