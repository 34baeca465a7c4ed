package io.tinymetrics.sdk;

import android.app.IntentService;
import android.content.Intent;

/** Uploads queued events in the background. */
public class UploadService extends IntentService {
    public UploadService() {
        super("TinyMetricsUpload");
    }

    @Override
    protected void onHandleIntent(Intent intent) {
        TinyMetrics.track("upload_batch");
    }
}
