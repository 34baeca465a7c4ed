package com.amazonaws.services.s3.model;

/** Stand-in for the AWS SDK's upload result. */
public class PutObjectResult {
}
