package org.leakscan.android;

/**
 * A string-valued entry of {@code resources.arsc} in one configuration.
 *
 * @param id     resource id {@code 0xPPTTEEEE}
 * @param name   {@code type/name}, e.g. {@code string/app_name}; {@code null} when the table's
 *               type or key names cannot be read
 * @param config configuration qualifiers as in a resource folder name ({@code fr-rCA},
 *               {@code night-v21}), or {@code default}
 * @param value  the string
 */
public record StringResource(int id, String name, String config, String value) {
}
