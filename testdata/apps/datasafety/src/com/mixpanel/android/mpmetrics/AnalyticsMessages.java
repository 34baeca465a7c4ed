package com.mixpanel.android.mpmetrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** Posts events to the vendor's host, as analytics SDKs do. */
final class AnalyticsMessages {

    private static final String ENDPOINT = "https://api.mixpanel.com/track";

    private AnalyticsMessages() {
    }

    static void send(String body) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(ENDPOINT).openConnection();
            c.setDoOutput(true);
            OutputStream out = c.getOutputStream();
            out.write(body.getBytes()); // EXPECT data-safety PSL_DEVICE_ID shared mixpanel
            out.close();
        } catch (IOException e) {
            // the fixture only needs the calls to exist
        }
    }
}
