package org.leakscan.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What every task needs to analyse an app the way {@code leakscan scan} would, shipped from the
 * driver: the options, and the contents of the files the user named (catalogues, policy), since
 * executors may not see the driver's disk.
 *
 * @param flows               run the data-flow analysis ({@code --no-flows} turns it off)
 * @param flowTimeLimitMillis {@code --flow-time-limit} (0: none)
 * @param timeoutMillis       {@code --timeout} per app (0: none)
 * @param signatures          catalogue file name to content ({@code --signatures}), or null for the built-in ones
 * @param signaturesKey       a digest of {@code signatures}, so each executor parses one set once
 * @param policyName          the policy file's name, for messages; null without {@code --policy}
 * @param policyText          the policy's text, or null
 * @param failOn              {@code --fail-on}, or null
 * @param reports             also write each app's full JSON report
 * @param redoFailed          analyse again the apps whose earlier row says {@code failed}
 * @param output              the output folder (a Hadoop path)
 */
record ScanSettings(boolean flows, long flowTimeLimitMillis, long timeoutMillis, Map<String, String> signatures,
                    String signaturesKey, String policyName, String policyText, String failOn, boolean reports,
                    boolean redoFailed, String output) implements Serializable {

    ScanSettings {
        signatures = signatures == null ? null : Map.copyOf(signatures);
    }
}
