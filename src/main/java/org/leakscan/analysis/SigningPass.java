package org.leakscan.analysis;

import org.leakscan.diagnostics.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.leakscan.analysis.findings.Signing;
import org.leakscan.android.SigningCertificates;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.InputFormat;

/** Who signed the APK (v1 JAR-signature certificates). */
public final class SigningPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("signing", "certificates of the APK's v1 signature");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        if (context.app().format() != InputFormat.APK) {
            return;
        }
        List<Signing> out = new ArrayList<>();
        for (String name : context.app().entries().names()) {
            if (!SigningCertificates.isV1SignatureBlock(name)) {
                continue;
            }
            try {
                for (SigningCertificates.Certificate c : SigningCertificates.fromV1Block(context.app().entries().read(name))) {
                    Signing s = new Signing(c.scheme(), c.sha256(), c.subject(), c.debug());
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
            } catch (Exception e) {
                context.diagnostics().unit(Stage.ANDROID, name, "signature block unreadable: " + Messages.describe(e));
            }
        }
        out.sort(Comparator.comparing(Signing::scheme).thenComparing(Signing::sha256));
        context.setSigning(out);
    }
}
