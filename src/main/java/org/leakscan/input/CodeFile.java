package org.leakscan.input;

/**
 * One unit of code inside an input: a DEX file or a JVM class file.
 *
 * @param name  where it came from, e.g. {@code classes2.dex} or {@code classes.jar!com/x/A.class}
 * @param bytes its content
 */
public record CodeFile(String name, byte[] bytes) {
}
