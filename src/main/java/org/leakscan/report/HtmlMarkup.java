package org.leakscan.report;

/**
 * Builds HTML text where every string is escaped unless it is one of the writer's own constants.
 * App strings are hostile input (a version name, a URL or a string constant may hold
 * {@code <script>}, quotes or {@code </style>}), so the only ways to put text in are
 * {@link #text} and the attribute values of {@link #open}, both escaped; {@link #raw} takes
 * markup the writer itself wrote and must never see an app string.
 */
final class HtmlMarkup {

    private final StringBuilder out = new StringBuilder(1 << 16);

    /** {@code <tag a="v" ...>} from name/value pairs; a null value leaves the attribute out. */
    HtmlMarkup open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** {@code <tag a="v" ...>} without content or end tag ({@code <meta>}, {@code <input>}...). */
    HtmlMarkup empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    HtmlMarkup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag ...>text</tag>}, the text escaped. */
    HtmlMarkup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text; null writes nothing. */
    HtmlMarkup text(String s) {
        out.append(escape(s));
        return this;
    }

    /** A number, as digits. */
    HtmlMarkup number(long n) {
        out.append(n);
        return this;
    }

    /** The writer's own markup, never an app string. */
    HtmlMarkup raw(String markup) {
        out.append(markup);
        return this;
    }

    HtmlMarkup newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come as name/value pairs");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            out.append(' ').append(pairs[i]);
            if (!pairs[i + 1].isEmpty() || !isBoolean(pairs[i])) {
                out.append("=\"").append(escape(pairs[i + 1])).append('"');
            }
        }
    }

    private static boolean isBoolean(String name) {
        return name.equals("hidden") || name.equals("selected") || name.equals("open");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * The string as HTML text or attribute value: {@code & < > " '} become references, so it can
     * neither close an element or attribute nor open one. Characters a reader could not see or
     * that would mislead are written as visible {@code \}{@code uXXXX} escapes: control
     * characters (the HTML parser drops or replaces some), lone surrogates (not encodable in
     * UTF-8), and bidirectional overrides and isolates, which could reorder what is shown
     * ("Trojan Source").
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> needsVisibleEscape(s, i) ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement == null) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            b.append(replacement);
        }
        return b == null ? s : b.toString();
    }

    private static boolean needsVisibleEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if ((c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff) {
            return true;
        }
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
