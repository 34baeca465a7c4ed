package com.example.weatherbuddy;

import android.app.Activity;
import android.content.Context;
import android.location.Location;
import android.location.LocationListener;
import android.location.LocationManager;
import android.os.Bundle;
import io.tinymetrics.sdk.TinyMetrics;

/** Shows the weather where the user is: reads the last known location and listens for updates. */
public class MainActivity extends Activity implements LocationListener {

    private final ForecastClient forecasts = new ForecastClient();

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        LocationManager locations = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        Location last = locations.getLastKnownLocation(LocationManager.GPS_PROVIDER);
        if (last != null) {
            showForecast(last);
        }
        locations.requestLocationUpdates(LocationManager.NETWORK_PROVIDER, 600000L, 1000f, this);
    }

    private void showForecast(Location where) {
        forecasts.fetch(where.getLatitude(), where.getLongitude());
        TinyMetrics.track("forecast_shown");
    }

    @Override
    public void onLocationChanged(Location location) {
        showForecast(location);
    }

    @Override
    public void onStatusChanged(String provider, int status, Bundle extras) {
    }

    @Override
    public void onProviderEnabled(String provider) {
    }

    @Override
    public void onProviderDisabled(String provider) {
    }
}
