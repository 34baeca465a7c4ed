package org.leakscan.analysis.permissions;

import java.util.List;

/** What one API (or provider access, intent, broadcast) requires, by platform level and target SDK. */
public interface RequirementHistory {

    /** The requirements in force on platform level {@code level} for an app targeting {@code targetSdk}. */
    List<Part> at(int level, int targetSdk);

    /** Where the facts come from, for the report. */
    List<String> sources();
}
