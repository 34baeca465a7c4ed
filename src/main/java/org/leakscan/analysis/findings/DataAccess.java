package org.leakscan.analysis.findings;

import java.util.List;

/**
 * Code that reads personal data through one API.
 *
 * @param dataType   fine-grained data type id, e.g. {@code device-id.imei}
 * @param category   the Play Data safety category it rolls up to, e.g. {@code Device or other IDs}
 * @param api        the catalogue's API (DEX descriptor), a content URI, or a field
 * @param permission the permissions the API needs ({@code A}, {@code A|B} for any of, {@code A+B}
 *                   for all of), or null when none
 * @param callSites  the methods that call it, sorted
 * @param library    the library whose code calls it, or null for the app's own code
 */
public record DataAccess(String dataType, String category, String api, String permission,
                         List<CodeLocation> callSites, String library) {

    public DataAccess {
        callSites = List.copyOf(callSites);
    }

}
