package com.example.weatherbuddy;

import android.app.Activity;

/** Units and refresh interval; reads nothing personal. */
public class SettingsActivity extends Activity {
}
