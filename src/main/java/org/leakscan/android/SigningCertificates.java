package org.leakscan.android;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signing certificates of an APK: the v1 (JAR) scheme's PKCS#7 blocks in {@code META-INF/*.RSA},
 * {@code *.DSA} and {@code *.EC}, and the v2, v3 and v3.1 schemes' entries in the APK Signing
 * Block. The JDK's X.509 factory reads both. This says who signed, not whether the signature
 * verifies (leakscan reports, it does not install).
 */
public final class SigningCertificates {

    /**
     * One certificate.
     *
     * @param scheme    {@code v1}, {@code v2}, {@code v3} or {@code v3.1}
     * @param sha256    hex SHA-256 of the DER certificate (what {@code apksigner} prints)
     * @param subject   subject name (RFC 2253)
     * @param issuer    issuer name (RFC 2253); equal to the subject for a self-signed certificate
     * @param notBefore start of validity, ISO 8601 UTC
     * @param notAfter  end of validity, ISO 8601 UTC
     * @param debug     whether it is the Android SDK's debug certificate
     */
    public record Certificate(String scheme, String sha256, String subject, String issuer, String notBefore,
                              String notAfter, boolean debug) {
    }

    /** APK Signing Block ids of the schemes whose certificates are reported. */
    private static final Map<Integer, String> SCHEME_IDS = Map.of(
            0x7109871a, "v2",
            0xf05368c0, "v3",
            0x1b93ad61, "v3.1");

    /** Certificates read from one block, at most: more is hostile. */
    private static final int MAX_CERTIFICATES = 64;

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
                out.add(describe("v1", x));
            }
        }
        return out;
    }

    /**
     * The signers' certificates of the v2, v3 and v3.1 schemes found in an APK Signing Block.
     *
     * <p>Layout (all lengths little-endian): the block's pairs are {@code uint64 length, uint32 id,
     * value}; a scheme's value is a length-prefixed sequence of length-prefixed signers; a signer
     * starts with its length-prefixed signed data, which holds a length-prefixed sequence of digests
     * and then a length-prefixed sequence of length-prefixed DER certificates.
     *
     * @param pairs the block's ID-value pairs (without its size fields and magic)
     * @throws CertificateException when the block or a certificate is malformed
     */
    public static List<Certificate> fromSigningBlock(byte[] pairs) throws CertificateException {
        List<Certificate> out = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        ByteBuffer block = ByteBuffer.wrap(pairs).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (block.remaining() >= 12) {
                long length = block.getLong();
                if (length < 4 || length > block.remaining()) {
                    throw new CertificateException("APK Signing Block: pair of " + length + " bytes with "
                            + block.remaining() + " left");
                }
                int id = block.getInt();
                ByteBuffer value = slice(block, (int) length - 4);
                String scheme = SCHEME_IDS.get(id);
                if (scheme == null) {
                    continue;
                }
                ByteBuffer signers = lengthPrefixed(value);
                while (signers.hasRemaining() && out.size() < MAX_CERTIFICATES) {
                    ByteBuffer signer = lengthPrefixed(signers);
                    ByteBuffer signedData = lengthPrefixed(signer);
                    lengthPrefixed(signedData); // digests
                    ByteBuffer certificates = lengthPrefixed(signedData);
                    while (certificates.hasRemaining() && out.size() < MAX_CERTIFICATES) {
                        ByteBuffer der = lengthPrefixed(certificates);
                        byte[] bytes = new byte[der.remaining()];
                        der.get(bytes);
                        java.security.cert.Certificate c =
                                factory.generateCertificate(new ByteArrayInputStream(bytes));
                        if (c instanceof X509Certificate x) {
                            out.add(describe(scheme, x));
                        }
                    }
                }
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new CertificateException("APK Signing Block: truncated length-prefixed field", e);
        }
        return out;
    }

    private static ByteBuffer lengthPrefixed(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("field of " + length + " bytes with " + in.remaining() + " left");
        }
        return slice(in, length);
    }

    private static ByteBuffer slice(ByteBuffer in, int length) {
        ByteBuffer out = in.slice(in.position(), length).order(ByteOrder.LITTLE_ENDIAN);
        in.position(in.position() + length);
        return out;
    }

    private static Certificate describe(String scheme, X509Certificate x) throws CertificateEncodingException {
        String subject = x.getSubjectX500Principal().getName();
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        return new Certificate(scheme, sha256(x), subject, x.getIssuerX500Principal().getName(),
                iso.format(x.getNotBefore().toInstant().atOffset(ZoneOffset.UTC)),
                iso.format(x.getNotAfter().toInstant().atOffset(ZoneOffset.UTC)), isDebugSubject(subject));
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
