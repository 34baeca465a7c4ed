package org.leakscan.android;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Certificates of the v1 (JAR) signature scheme: the PKCS#7 blocks in {@code META-INF/*.RSA},
 * {@code *.DSA} and {@code *.EC}. The JDK's X.509 factory reads PKCS#7 directly. This says who
 * signed, not whether the signature verifies (leakscan reports, it does not install).
 */
public final class SigningCertificates {

    /** One certificate: hex SHA-256 of its DER form, subject, and whether it is the SDK's debug key. */
    public record Certificate(String scheme, String sha256, String subject, boolean debug) {
    }

    private SigningCertificates() {
    }

    /** True for signature block entries of the v1 scheme. */
    public static boolean isV1SignatureBlock(String entryName) {
        String n = entryName.toUpperCase(Locale.ROOT);
        return n.startsWith("META-INF/") && n.indexOf('/', 9) < 0
                && (n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"));
    }

    /**
     * The certificates in one PKCS#7 signature block.
     *
     * @throws CertificateException when the block cannot be read
     */
    public static List<Certificate> fromV1Block(byte[] pkcs7) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Collection<? extends java.security.cert.Certificate> certs =
                factory.generateCertificates(new ByteArrayInputStream(pkcs7));
        List<Certificate> out = new ArrayList<>();
        for (java.security.cert.Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                String subject = x.getSubjectX500Principal().getName();
                out.add(new Certificate("v1", sha256(x), subject, isDebugSubject(subject)));
            }
        }
        return out;
    }

    /** The Android SDK's debug keystore always uses this subject. */
    static boolean isDebugSubject(String rfc2253Subject) {
        return rfc2253Subject.replace(" ", "").equalsIgnoreCase("CN=AndroidDebug,O=Android,C=US");
    }

    private static String sha256(java.security.cert.Certificate c) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
