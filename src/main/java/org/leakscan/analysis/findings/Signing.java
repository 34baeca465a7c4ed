package org.leakscan.analysis.findings;

/**
 * One signing certificate.
 *
 * @param scheme           {@code v1} (JAR signature), {@code v2}, {@code v3} or {@code v3.1} (APK Signing Block)
 * @param sha256           hex SHA-256 of the DER certificate (what {@code apksigner} prints)
 * @param subject          the certificate's subject name (RFC 2253)
 * @param issuer           the issuer's name (RFC 2253)
 * @param notBefore        start of validity, ISO 8601 UTC
 * @param notAfter         end of validity, ISO 8601 UTC
 * @param debugCertificate true for the Android SDK's well-known debug certificate
 */
public record Signing(String scheme, String sha256, String subject, String issuer, String notBefore, String notAfter,
                      boolean debugCertificate) {
}
