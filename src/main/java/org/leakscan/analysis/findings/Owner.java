package org.leakscan.analysis.findings;

/** Who owns a host: company and headquarters country (ISO 3166 alpha-2); fields null when unknown. */
public record Owner(String entity, String country) {
}
