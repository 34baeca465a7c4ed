package io.tinymetrics.sdk;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** Posts one JSON event to the collector. */
final class Uploader {

    private final String endpoint;

    Uploader(String endpoint) {
        this.endpoint = endpoint;
    }

    void post(String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(endpoint).openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            OutputStream out = connection.getOutputStream();
            out.write(json.getBytes("UTF-8"));
            out.close();
            connection.getResponseCode();
        } catch (java.io.IOException e) {
            // Keep the event for the next batch.
        }
    }
}
