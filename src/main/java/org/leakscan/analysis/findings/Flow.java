package org.leakscan.analysis.findings;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * Personal data that can reach a sink: one (source site, sink call site) pair, the unit DroidBench
 * counts.
 *
 * @param dataType     the source's data type
 * @param source       where the data enters
 * @param sink         where it leaves
 * @param destinations where it goes, when constants say so (filled by destination resolution)
 * @param library      whose code does the sending, or null for the app's own code
 * @param path         the methods the data passes through, from the source's method to the
 *                     sink's, as {@code class.name(descriptor)}
 * @param implicit     {@code true} when only a test of the data reaches the sink (the sink reveals
 *                     something about the data, not the data itself); null otherwise, so the JSON
 *                     field is there only when it says something
 */
public record Flow(String dataType, Source source, Sink sink, List<Destination> destinations, String library,
                   List<String> path, Boolean implicit) {

    public Flow {
        destinations = List.copyOf(destinations);
        path = List.copyOf(path);
        implicit = Boolean.TRUE.equals(implicit) ? Boolean.TRUE : null;
    }

    /** An explicit flow: the data itself reaches the sink. */
    public Flow(String dataType, Source source, Sink sink, List<Destination> destinations, String library,
                List<String> path) {
        this(dataType, source, sink, destinations, library, path, null);
    }

    /** True when only a test of the data reaches the sink. */
    public boolean isImplicit() {
        return Boolean.TRUE.equals(implicit);
    }

    /** The same flow going to {@code to}: every other part kept as it is. */
    public Flow withDestinations(List<Destination> to) {
        return new Flow(dataType, source, sink, to, library, path, implicit);
    }

    /**
     * The source side: the API called (or the callback), the method that reads it, which call of
     * that API in the method it is ({@code occurrence}, from 1, in code order, so two reads in one
     * method stay two sources), and for a content-provider read the content URI that decides the
     * data ({@code uri}, else null and absent from JSON).
     */
    public record Source(String api, @SerializedName("class") String className, String method, int occurrence,
                         String uri) {

        public Source(String api, String className, String method, int occurrence) {
            this(api, className, method, occurrence, null);
        }
    }

    /**
     * The sink side: API, kind ({@code network}, {@code sms}, {@code log}...), channel, the calling
     * method, and which call of that API in the method it is ({@code occurrence}, from 1).
     */
    public record Sink(String api, String kind, String channel, @SerializedName("class") String className,
                       String method, int occurrence) {
    }

    /**
     * Where the data goes. For a network sink: {@code host}, the {@code url} as far as constants
     * give it ({@code …} marks a part that is not constant) and the host's {@code owner}; or
     * {@code unresolved: true} when constants do not give the host. For other sinks: the
     * {@code target} they name (a phone number, an intent action, a file name), when constant.
     */
    public record Destination(String host, String url, Owner owner, String target, Boolean unresolved) {

        public static Destination network(String host, String url, Owner owner) {
            return new Destination(host, url, owner, null, null);
        }

        public static Destination target(String target) {
            return new Destination(null, null, null, target, null);
        }

        public static final Destination UNRESOLVED = new Destination(null, null, null, null, Boolean.TRUE);

        public boolean isUnresolved() {
            return Boolean.TRUE.equals(unresolved);
        }
    }
}
