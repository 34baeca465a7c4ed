package org.leakscan.report.rules;

import java.util.List;

/**
 * One finding of a built-in rule in one app: the unit SARIF reports as a result, baselines
 * remember and policies judge.
 *
 * @param rule        the rule
 * @param app         the app's key ({@code ReportJson.appKey}: package, or input file name)
 * @param message     one sentence for people
 * @param where       the primary location (for a flow, where the data leaves)
 * @param related     other locations (for a flow, where the data is read)
 * @param fingerprint what makes this finding the same finding in another run or version: stable
 *                    under reordering and under changes elsewhere in the app
 * @param evidence    the report record it was made from (a {@code Flow}, {@code PermissionFinding},
 *                    {@code TrackerFinding}, {@code Endpoint}, {@code ComponentFinding},
 *                    {@code AppInfo}, {@code Signing}, {@code Unanalysed} or
 *                    {@code DataSafety.Finding}), which policies read
 */
public record Issue(Rule rule, String app, String message, Where where, List<Where> related, String fingerprint,
                    Record evidence) {

    public Issue {
        related = List.copyOf(related);
    }

    /**
     * A place: code ({@code className} and maybe {@code method}), a file of the package
     * ({@code file}: {@code AndroidManifest.xml}, {@code assets/x.json}), or a Java package
     * ({@code namespace}, for trackers). Unused parts are null.
     */
    public record Where(String className, String method, String file, String namespace) {

        public static Where code(String className, String method) {
            return new Where(className, method, null, null);
        }

        public static Where file(String file) {
            return new Where(null, null, file, null);
        }

        public static Where namespace(String namespace) {
            return new Where(null, null, null, namespace);
        }

        /** {@code com.x.Cls.method(desc)}, {@code com.x.Cls}, the namespace, or the file. */
        public String display() {
            if (className != null) {
                return method == null ? className : className + "." + method;
            }
            return namespace != null ? namespace : file;
        }
    }
}
