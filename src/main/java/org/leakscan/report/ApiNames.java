package org.leakscan.report;

/** Short, readable names for the DEX method descriptors the report carries. */
public final class ApiNames {

    private ApiNames() {
    }

    /** {@code Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;} to {@code TelephonyManager.getDeviceId()}. */
    public static String shortApi(String api) {
        return org.leakscan.program.Types.shortMember(api);
    }
}
