package org.leakscan.catalog;

import java.util.Objects;

/**
 * A constant-argument condition: the source applies only when argument {@code argument}
 * (1-based, receiver not counted) is {@code value} at the call site, as resolved by constant
 * propagation. {@code Settings$Secure.getString(cr, "android_id")} is argument 2 = "android_id";
 * {@code SensorManager.getDefaultSensor(21)} is argument 1 = 21.
 *
 * @param argument 1-based argument number
 * @param value    a {@link String} or a {@link Long}
 */
public record ArgEquals(int argument, Object value) {

    public ArgEquals {
        if (argument < 1) {
            throw new IllegalArgumentException("argument numbers start at 1");
        }
        Objects.requireNonNull(value, "value");
        if (!(value instanceof String) && !(value instanceof Long)) {
            throw new IllegalArgumentException("value must be a String or a Long, not " + value.getClass().getName());
        }
    }

    /** True when the condition compares against an integer constant. */
    public boolean isInteger() {
        return value instanceof Long;
    }

    /**
     * True when {@code constant}, the value resolved for the argument, satisfies the condition.
     * Integral numbers of any boxed type compare by value; null (unknown) never matches.
     */
    public boolean matches(Object constant) {
        if (constant == null) {
            return false;
        }
        if (value instanceof Long expected) {
            return (constant instanceof Long || constant instanceof Integer || constant instanceof Short
                    || constant instanceof Byte) && ((Number) constant).longValue() == expected;
        }
        return constant instanceof CharSequence text && value.equals(text.toString());
    }

    /** {@code arg2=="android_id"} or {@code arg1==21}, for messages. */
    @Override
    public String toString() {
        return "arg" + argument + "==" + (value instanceof String s ? "\"" + s + "\"" : value);
    }
}
