package org.leakscan.report;

/** Short, readable names for the DEX method descriptors the report carries. */
public final class ApiNames {

    private ApiNames() {
    }

    /** {@code Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;} to {@code TelephonyManager.getDeviceId()}. */
    public static String shortApi(String api) {
        int arrow = api.indexOf("->");
        if (arrow < 0 || !api.startsWith("L")) {
            return api;
        }
        String owner = api.substring(1, arrow - 1);
        owner = owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
        String member = api.substring(arrow + 2);
        int paren = member.indexOf('(');
        if (paren >= 0) {
            return owner + "." + member.substring(0, paren) + "()";
        }
        int colon = member.indexOf(':');
        return owner + "." + (colon >= 0 ? member.substring(0, colon) : member);
    }

    /** A flow's source for people: the short API, and the content URI it read when there is one. */
    public static String source(org.leakscan.analysis.findings.Flow.Source source) {
        String api = source.api() == null ? "?" : shortApi(source.api());
        return source.uri() == null ? api : api + " of " + source.uri();
    }
}
