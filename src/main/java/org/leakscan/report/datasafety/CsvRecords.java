package org.leakscan.report.datasafety;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them (and Play Console writes them): fields separated by
 * commas, records by CRLF or LF, a field in double quotes may hold commas, quotes (doubled) and
 * line breaks. Reading keeps the line each record starts on, for messages; a malformed record is
 * an error naming that line.
 */
final class CsvRecords {

    /** One record and the (1-based) line it starts on. */
    record Line(int number, List<String> fields) {
    }

    private CsvRecords() {
    }

    /**
     * The records of {@code text} (a byte order mark, blank lines and a missing final line break
     * are fine).
     *
     * @throws DataSafetyCsvException naming the line of a quoted field left open or text after a
     *                                closing quote
     */
    static List<Line> read(String name, String text) throws DataSafetyCsvException {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Line> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean end = false;
            while (!end) {
                if (i < s.length() && s.charAt(i) == '"' && field.isEmpty()) {
                    int opened = line;
                    i++;
                    while (true) {
                        if (i >= s.length()) {
                            throw new DataSafetyCsvException(name, opened, "a quoted field is not closed");
                        }
                        char c = s.charAt(i++);
                        if (c == '"') {
                            if (i < s.length() && s.charAt(i) == '"') {
                                field.append('"');
                                i++;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    if (i < s.length() && ",\r\n".indexOf(s.charAt(i)) < 0) {
                        throw new DataSafetyCsvException(name, opened, "a quoted field is not closed where the field ends"
                                + (line == opened ? "" : " (its closing quote is on line " + line + ")")
                                + ": text follows the closing quote");
                    }
                }
                while (i < s.length() && ",\r\n".indexOf(s.charAt(i)) < 0) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        throw new DataSafetyCsvException(name, line, "a quote inside a field that does not start with one");
                    }
                    field.append(c);
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < s.length() && s.charAt(i) == '\r') {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '\n') {
                    i++;
                }
                line++;
                end = true;
            }
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                out.add(new Line(start, List.copyOf(fields)));
            }
        }
        return out;
    }

    /** One record: fields quoted where they hold a comma, quote or line break; ends with CRLF. */
    static String write(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append("\r\n").toString();
    }
}
