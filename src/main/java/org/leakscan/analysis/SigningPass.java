package org.leakscan.analysis;

import org.leakscan.diagnostics.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.leakscan.analysis.findings.Signing;
import org.leakscan.android.SigningCertificates;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.InputFormat;

/**
 * Who signed the app: certificates of the v1 JAR signature ({@code META-INF/*.RSA|DSA|EC}) and of
 * the v2, v3 and v3.1 schemes in the APK Signing Block. For a split set, the base APK's.
 */
public final class SigningPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("signing",
            "certificates of the APK's v1 signature and of its APK Signing Block (v2, v3)");

    /** Formats that are (or hold) signed Android packages; a signed JAR's signer says nothing about an app. */
    private static final Set<InputFormat> SIGNED_FORMATS = Set.of(InputFormat.APK, InputFormat.XAPK,
            InputFormat.APKS, InputFormat.SPLIT_APKS, InputFormat.AAB);

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        if (!SIGNED_FORMATS.contains(context.app().format())) {
            return;
        }
        List<Signing> out = new ArrayList<>();
        for (String name : context.app().entries().names()) {
            if (!SigningCertificates.isV1SignatureBlock(name)) {
                continue;
            }
            try {
                add(out, SigningCertificates.fromV1Block(context.app().entries().read(name)));
            } catch (Exception e) {
                context.diagnostics().unit(Stage.ANDROID, name, "signature block unreadable: " + Messages.describe(e));
            }
        }
        if (context.app().signingBlock() != null) {
            try {
                add(out, SigningCertificates.fromSigningBlock(context.app().signingBlock()));
            } catch (Exception e) {
                context.diagnostics().unit(Stage.ANDROID, "APK Signing Block", "unreadable: " + Messages.describe(e));
            }
        }
        out.sort(Comparator.comparing(Signing::scheme).thenComparing(Signing::sha256));
        context.setSigning(out);
    }

    private static void add(List<Signing> out, List<SigningCertificates.Certificate> certificates) {
        for (SigningCertificates.Certificate c : certificates) {
            Signing s = new Signing(c.scheme(), c.sha256(), c.subject(), c.issuer(), c.notBefore(), c.notAfter(),
                    c.debug());
            if (!out.contains(s)) {
                out.add(s);
            }
        }
    }
}
