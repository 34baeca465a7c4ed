package org.leakscan.analysis.findings;

import java.util.List;

/**
 * The answer first: which data types the app's code reads, which of them can leave and how, and
 * which destinations data can reach, with their owners and countries.
 *
 * @param dataTypes    one entry per data type read or leaving, in the order of Play's Data safety form
 * @param destinations one entry per network destination a flow reaches (and one for flows whose
 *                     destination is unresolved)
 * @param countries    the answer by country: per country the data types that can go there, and
 *                     its hosts with their owners, data types and whose code sends
 */
public record Summary(List<DataTypeSummary> dataTypes, List<DestinationSummary> destinations,
                      List<CountrySummary> countries) {

    public Summary {
        dataTypes = List.copyOf(dataTypes);
        destinations = List.copyOf(destinations);
        countries = List.copyOf(countries);
    }

    public Summary(List<DataTypeSummary> dataTypes, List<DestinationSummary> destinations) {
        this(dataTypes, destinations, List.of());
    }

    /**
     * Data that can leave to one country ({@code unknown} when no evidence gives one): the data
     * types, and each host there with its owner, the data types sent to it and whose code sends.
     */
    public record CountrySummary(String country, List<String> dataTypes, List<CountryHost> hosts) {
        public CountrySummary {
            dataTypes = List.copyOf(dataTypes);
            hosts = List.copyOf(hosts);
        }
    }

    /** One host of a {@link CountrySummary}. */
    public record CountryHost(String host, Owner owner, List<String> dataTypes, List<String> sentBy) {
        public CountryHost {
            dataTypes = List.copyOf(dataTypes);
            sentBy = List.copyOf(sentBy);
        }
    }

    /**
     * One data type: its id, name, Play category, how many call sites read it, whose code reads it
     * ({@code app} for the app's own), the sink kinds flows of it reach, and the destinations.
     */
    public record DataTypeSummary(String id, String name, String category, int callSites, List<String> readBy,
                                  List<String> sinks, List<DestinationSummary> destinations) {
        public DataTypeSummary {
            readBy = List.copyOf(readBy);
            sinks = List.copyOf(sinks);
            destinations = List.copyOf(destinations);
        }
    }

    /**
     * A destination host with its owner ({@code entity} id or {@code unknown}, company {@code name},
     * {@code country} or {@code unknown}), or {@code unresolved: true}; in the top-level list, also
     * the data types sent there, the sink kinds and whose code sends ({@code app} or a library).
     */
    public record DestinationSummary(String host, String entity, String name, String country, Boolean unresolved,
                                     List<String> dataTypes, List<String> sentBy) {
    }
}
