package org.leakscan.catalog;

import java.util.List;

/**
 * What an app says about who made it, as host classification needs it.
 *
 * @param packageName              the manifest package ({@code com.example.app}), or null
 * @param certificateOrganisations the {@code O=} of each signing certificate's subject, the
 *                                 Android debug certificate's left out
 * @param certificateCountry       the {@code C=} of the first such subject that has one, or null
 * @param manifestDomains          host names the manifest and its resources name as the app's own:
 *                                 app-link hosts (http/https intent filters) and network security
 *                                 config domains ({@code *.} prefixes allowed)
 */
public record AppFacts(String packageName, List<String> certificateOrganisations, String certificateCountry,
                       List<String> manifestDomains) {

    /** Nothing known about the app. */
    public static final AppFacts NONE = new AppFacts(null, List.of(), null, List.of());

    public AppFacts {
        certificateOrganisations = List.copyOf(certificateOrganisations);
        manifestDomains = List.copyOf(manifestDomains);
    }
}
