package org.leakscan.report.rules;

import java.util.Locale;

/**
 * How much a finding or a policy violation matters, lowest first. {@code --fail-on} compares
 * against it; SARIF gets a level and GitHub's {@code security-severity} score from it.
 */
public enum Severity {
    INFO("note", "0.0"),
    LOW("note", "3.0"),
    MEDIUM("warning", "5.0"),
    HIGH("error", "7.5"),
    CRITICAL("error", "9.5");

    private final String sarifLevel;
    private final String securitySeverity;

    Severity(String sarifLevel, String securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** The JSON and command-line name, e.g. {@code high}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's {@code level}: {@code error}, {@code warning} or {@code note}. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** GitHub code scanning's score (0.0 to 10.0) for this severity. */
    public String securitySeverity() {
        return securitySeverity;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /**
     * The severity with this name, any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Severity fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "' (expected info, low, medium, high or critical)");
    }
}
