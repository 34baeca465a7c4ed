package org.leakscan.analysis.findings;

import java.util.List;

/**
 * A network endpoint written as a constant in the app.
 *
 * @param kind      {@code url}, {@code host}, {@code ip} or {@code email}
 * @param url       the URL when the constant is one, else null
 * @param host      host name or IP address (the e-mail's domain for an e-mail address)
 * @param scheme    {@code https}, {@code http}, {@code ws}... ; null for bare hosts, IPs and e-mails
 * @param cleartext true when the scheme sends in clear ({@code http}, {@code ws}, {@code ftp})
 * @param value     the string as found (e-mail addresses and hosts have no URL)
 * @param owner     who owns the host, when the entities catalogue knows; else null
 * @param foundIn   where it was found, sorted
 */
public record Endpoint(String kind, String url, String host, String scheme, boolean cleartext, String value,
                       Owner owner, List<Location> foundIn) {

    public Endpoint {
        foundIn = List.copyOf(foundIn);
    }

    /**
     * A place a constant was found: code ({@code class} and {@code method}) or a file of the
     * package ({@code file}, with {@code resource} naming the resource entry when it came from
     * {@code resources.arsc}).
     */
    public record Location(@com.google.gson.annotations.SerializedName("class") String className, String method,
                           String file, String resource) implements Comparable<Location> {

        public static Location code(CodeLocation c) {
            return new Location(c.className(), c.method(), null, null);
        }

        public static Location file(String file, String resource) {
            return new Location(null, null, file, resource);
        }

        @Override
        public int compareTo(Location o) {
            return java.util.Comparator.comparing((Location l) -> l.file == null ? "" : l.file)
                    .thenComparing(l -> l.resource == null ? "" : l.resource)
                    .thenComparing(l -> l.className == null ? "" : l.className)
                    .thenComparing(l -> l.method == null ? "" : l.method)
                    .compare(this, o);
        }
    }
}
