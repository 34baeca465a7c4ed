package org.leakscan.android;

/**
 * A package chunk of {@code resources.arsc}.
 *
 * @param id   package id, the {@code PP} of resource ids ({@code 0x7f} for apps, {@code 0x01} for
 *             the framework, 0 for shared libraries)
 * @param name package name from the chunk header
 */
public record ResourcePackage(int id, String name) {
}
