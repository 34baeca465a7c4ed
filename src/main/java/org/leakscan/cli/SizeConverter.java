package org.leakscan.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Reads a byte size: a number with an optional K, M or G suffix (binary: 1K = 1024). */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.endsWith("B")) {
            v = v.substring(0, v.length() - 1);
        }
        long unit = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 1 || n > Long.MAX_VALUE / unit) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size from 1 byte up");
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 1048576, 512K, 64M, 2G)");
        }
    }
}
