package org.leakscan.program;

import java.util.List;

/** The direct supertypes of one type: its superclass (or null) and its interfaces. */
public record Supertypes(String superType, List<String> interfaces) {

    public Supertypes {
        interfaces = List.copyOf(interfaces);
    }

    /** Where supertypes of types outside the app (the Android framework, the JDK) come from. */
    @FunctionalInterface
    public interface Source {
        /** The supertypes of {@code type}, or null when the source does not know the type. */
        Supertypes of(String type);

        Source NONE = type -> null;
    }
}
