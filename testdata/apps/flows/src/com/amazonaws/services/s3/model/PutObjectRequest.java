package com.amazonaws.services.s3.model;

import java.io.File;

/** Stand-in for the AWS SDK's upload request: what it holds is sent. */
public class PutObjectRequest {

    private final String bucketName;
    private final String key;
    private final File file;

    public PutObjectRequest(String bucketName, String key, File file) {
        this.bucketName = bucketName;
        this.key = key;
        this.file = file;
    }

    public String getKey() {
        return key;
    }
}
