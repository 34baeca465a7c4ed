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
 */
public record Flow(String dataType, Source source, Sink sink, List<Destination> destinations, String library,
                   List<String> path) {

    public Flow {
        destinations = List.copyOf(destinations);
        path = List.copyOf(path);
    }

    /**
     * The source side: catalogue API (or callback, or content URI), the method that reads it, and
     * which call of that API in the method it is ({@code occurrence}, from 1, in code order), so
     * two reads in one method stay two sources.
     */
    public record Source(String api, @SerializedName("class") String className, String method, int occurrence) {
    }

    /**
     * The sink side: API, kind ({@code network}, {@code sms}, {@code log}...), channel, the calling
     * method, and which call of that API in the method it is ({@code occurrence}, from 1).
     */
    public record Sink(String api, String kind, String channel, @SerializedName("class") String className,
                       String method, int occurrence) {
    }

    /** A destination: host and, when known, the URL (or phone number, intent target, file). */
    public record Destination(String host, String url) {
    }
}
