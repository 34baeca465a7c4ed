package com.amazonaws.services.s3;

import com.amazonaws.services.s3.model.PutObjectRequest;
import com.amazonaws.services.s3.model.PutObjectResult;

/**
 * Stand-in for the AWS SDK's S3 client, bundled in the fixture as real SDKs are bundled in apps.
 * The catalogue names its putObject as a sink: the body is never followed.
 */
public class AmazonS3Client {

    public PutObjectResult putObject(PutObjectRequest request) {
        return new PutObjectResult();
    }
}
