/**
 * The findings of one app: the per-app part of the {@code leakscan-report/1} contract as records,
 * with the contract's field names. Analysis passes fill them; report writers serialise them as
 * they are (JSON) or render them (text). Field names are part of the contract: a rename needs a
 * new schema version and a CHANGELOG entry.
 */
package org.leakscan.analysis.findings;
