package org.leakscan.analysis.findings;

/**
 * One signing certificate.
 *
 * @param scheme           {@code v1} (JAR signature), {@code v2} or {@code v3} (APK signing block)
 * @param sha256           hex SHA-256 of the DER certificate (what {@code apksigner} prints)
 * @param subject          the certificate's subject name
 * @param debugCertificate true for the Android SDK's well-known debug certificate
 */
public record Signing(String scheme, String sha256, String subject, boolean debugCertificate) {
}
