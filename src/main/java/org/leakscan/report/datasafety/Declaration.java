package org.leakscan.report.datasafety;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.leakscan.analysis.findings.DataSafety;

/**
 * What an app's Data safety declaration says, as far as the code can be checked against it.
 *
 * @param file               the CSV as named
 * @param collectsData       "Does your app collect or share any of the required user data types?"; null when unanswered
 * @param encryptedInTransit "Is all of the user data collected by your app encrypted in transit?"; null when unanswered
 * @param dataTypes          the declared data types, in the form's order
 * @param unknown            answers to questions leakscan does not know, as read
 * @param notes              what is odd about the declaration (a selected type without usage answers, …)
 */
public record Declaration(String file, Boolean collectsData, Boolean encryptedInTransit,
                          Map<PlayDataType, DataSafety.Declared> dataTypes, List<DataSafety.Answer> unknown,
                          List<String> notes) {

    public Declaration {
        Map<PlayDataType, DataSafety.Declared> inFormOrder = new EnumMap<>(PlayDataType.class);
        inFormOrder.putAll(dataTypes);
        dataTypes = Collections.unmodifiableMap(inFormOrder);
        unknown = List.copyOf(unknown);
        notes = List.copyOf(notes);
    }

    /** What the declaration says of a type, or null when it does not declare it. */
    public DataSafety.Declared declared(PlayDataType type) {
        return dataTypes.get(type);
    }
}
