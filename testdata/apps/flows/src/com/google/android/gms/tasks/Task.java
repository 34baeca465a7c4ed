package com.google.android.gms.tasks;

/** Stand-in for Play services' Task, the result type of Firebase calls. */
public abstract class Task<T> {
}
