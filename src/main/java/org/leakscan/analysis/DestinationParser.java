package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leakscan.analysis.findings.Flow.Destination;
import org.leakscan.analysis.findings.Owner;

/**
 * Turns the texts the data-flow engine recovered for a sink's destination into report
 * destinations: for network sinks the host (when the constant parts give all of it), the URL as
 * far as it is known and the host's owner; otherwise "unresolved". For other sinks, the target
 * they name (number, action, file). A text's unknown parts are written {@code …}; nothing is
 * guessed.
 */
final class DestinationParser {

    /** The engine's marker for an unknown part of a text. */
    static final char UNKNOWN = '\u0002';
    private static final String ELLIPSIS = "…";
    private static final Pattern URL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)(.*)$", Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$");

    private final Function<String, Owner> owners;

    DestinationParser(Function<String, Owner> owners) {
        this.owners = owners;
    }

    /** The destinations of one flow, sorted; a network flow always has at least one. */
    List<Destination> destinations(String sinkKind, Collection<String> texts) {
        Set<String> kept = withoutSubsumed(texts);
        Set<Destination> out = new LinkedHashSet<>();
        boolean network = sinkKind.equals("network");
        for (String text : kept) {
            if (network) {
                out.add(network(text));
            } else if (!text.isEmpty() && !isAllUnknown(text)) {
                out.add(Destination.target(display(text)));
            }
        }
        if (network && out.isEmpty()) {
            out.add(Destination.UNRESOLVED);
        }
        List<Destination> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing((Destination d) -> d.isUnresolved())
                .thenComparing(d -> String.valueOf(d.host())).thenComparing(d -> String.valueOf(d.url()))
                .thenComparing(d -> String.valueOf(d.target())));
        return sorted;
    }

    private Destination network(String text) {
        Matcher m = URL.matcher(text);
        if (m.matches()) {
            String authority = m.group(2);
            if (authority.indexOf(UNKNOWN) >= 0) {
                return Destination.UNRESOLVED;
            }
            String host = hostOf(authority);
            if (host == null) {
                return Destination.UNRESOLVED;
            }
            return Destination.network(host, display(text), owners.apply(host));
        }
        if (text.indexOf(UNKNOWN) < 0) {
            String host = hostOf(text.trim());
            if (host != null) {
                return Destination.network(host, null, owners.apply(host));
            }
        }
        return Destination.UNRESOLVED;
    }

    /** The host of {@code user@host:port}, lower case, or null when it is not a host name or IPv4 address. */
    static String hostOf(String authority) {
        String a = authority;
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1);
        }
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            return close > 1 ? a.substring(1, close).toLowerCase(Locale.ROOT) : null; // IPv6 literal
        }
        int colon = a.indexOf(':');
        if (colon >= 0) {
            a = a.substring(0, colon);
        }
        a = a.toLowerCase(Locale.ROOT);
        if (a.endsWith(".")) {
            a = a.substring(0, a.length() - 1);
        }
        return HOST.matcher(a).matches() || IPV4.matcher(a).matches() || a.equals("localhost") ? a : null;
    }

    /**
     * The texts without those a more complete one explains: {@code …/track} is dropped when
     * {@code https://api.example.com/track} is there (the same request seen before a constant
     * was known), and "nothing known" when anything is.
     */
    static Set<String> withoutSubsumed(Collection<String> texts) {
        Set<String> all = new TreeSet<>(texts);
        Set<String> out = new TreeSet<>();
        for (String t : all) {
            if (t.indexOf(UNKNOWN) < 0 && !t.isEmpty()) {
                out.add(t);
                continue;
            }
            boolean explained = false;
            Pattern p = pattern(t);
            for (String other : all) {
                if (!other.equals(t) && other.indexOf(UNKNOWN) < 0 && !other.isEmpty() && p.matcher(other).matches()) {
                    explained = true;
                    break;
                }
            }
            if (!explained) {
                out.add(t);
            }
        }
        if (out.size() > 1) {
            out.removeIf(t -> t.isEmpty() || isAllUnknown(t));
        }
        return out;
    }

    private static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split(String.valueOf(UNKNOWN), -1)) {
            if (regex.length() > 0 || text.startsWith(String.valueOf(UNKNOWN))) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean isAllUnknown(String text) {
        return text.chars().allMatch(c -> c == UNKNOWN);
    }

    private static String display(String text) {
        return text.replace(String.valueOf(UNKNOWN), ELLIPSIS);
    }
}
