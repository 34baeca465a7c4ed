package org.leakscan.catalog;

/**
 * A fine-grained kind of personal data a source produces ({@code device-id.imei},
 * {@code location.precise}, {@code contacts}, ...), rolled up to one Play Data safety category
 * and one of that category's Play data types, so a report can be read against the app's own
 * Data safety declaration.
 *
 * @param id          stable id named by {@code sources.json}
 * @param name        a human name
 * @param category    the category it rolls up to
 * @param playType    the Play data type within {@code category}, e.g. {@code Precise location}
 * @param description what the data is and, where the Play mapping is a judgment, why; may be empty
 */
public record DataType(String id, String name, DataCategory category, String playType, String description) {
}
