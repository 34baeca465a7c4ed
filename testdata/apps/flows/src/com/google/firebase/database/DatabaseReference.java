package com.google.firebase.database;

import com.google.android.gms.tasks.Task;

/**
 * Stand-in for Firebase Realtime Database's reference, bundled in the fixture as the SDK is in
 * apps. setValue serialises the object it is given, fields and all.
 */
public class DatabaseReference {

    public Task<Void> setValue(Object value) {
        return null;
    }
}
