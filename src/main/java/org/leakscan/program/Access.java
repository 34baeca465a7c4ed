package org.leakscan.program;

/**
 * Access flag bits. DEX and JVM class files share these values for everything we read.
 */
public final class Access {
    public static final int PUBLIC = 0x0001;
    public static final int PRIVATE = 0x0002;
    public static final int PROTECTED = 0x0004;
    public static final int STATIC = 0x0008;
    public static final int FINAL = 0x0010;
    public static final int NATIVE = 0x0100;
    public static final int INTERFACE = 0x0200;
    public static final int ABSTRACT = 0x0400;
    public static final int SYNTHETIC = 0x1000;
    public static final int ANNOTATION = 0x2000;
    public static final int ENUM = 0x4000;

    private Access() {
    }

    public static boolean is(int flags, int bit) {
        return (flags & bit) != 0;
    }
}
