/**
 * Stage 1: open the container. Reads an APK, AAR, JAR, a raw DEX or a folder of {@code .class}
 * and {@code .dex} files into an {@link org.leakscan.input.AppPackage}: entries by path, read in
 * memory (never extracted to disk), with limits against zip bombs, traversal names and huge entry
 * counts applied before anything is inflated. Depends on nothing but Commons Compress and the JDK.
 */
package org.leakscan.input;
