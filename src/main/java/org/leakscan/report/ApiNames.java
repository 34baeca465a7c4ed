package org.leakscan.report;

/** Short, readable names for the DEX method descriptors the report carries. */
public final class ApiNames {

    private ApiNames() {
    }

    /** {@code Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;} to {@code TelephonyManager.getDeviceId()}. */
    public static String shortApi(String api) {
        return org.leakscan.program.Types.shortMember(api);
    }

    /** A flow's source for people: the short API, and the content URI it read when there is one. */
    public static String source(org.leakscan.analysis.findings.Flow.Source source) {
        String api = source.api() == null ? "?" : shortApi(source.api());
        return source.uri() == null ? api : api + " of " + source.uri();
    }
}
