package org.leakscan.analysis.findings;

import java.util.List;

/**
 * The app's Google Play Data safety declaration (the Play Console CSV) read against what the
 * code shows: per Play data type what was declared and what was found, and the differences as
 * findings, each with its evidence. Static analysis shows what code can do, never that it does
 * not: a declared type without evidence is information, not an error.
 *
 * @param declaration        the CSV as named on the command line
 * @param collectsData       the answer to "Does your app collect or share any of the required
 *                           user data types?", or null when unanswered
 * @param encryptedInTransit the answer to "Is all of the user data collected by your app
 *                           encrypted in transit?", or null when unanswered
 * @param dataTypes          one row per Play data type declared or found, in the form's order
 * @param findings           the differences, by kind and data type
 * @param unknownQuestions   answers to questions leakscan does not know, kept as read
 * @param notes              what limits the comparison (no data flow run, a time limit reached, …)
 */
public record DataSafety(String declaration, Boolean collectsData, Boolean encryptedInTransit,
                         List<DataTypeRow> dataTypes, List<Finding> findings, List<Answer> unknownQuestions,
                         List<String> notes) {

    /** A type that can leave the device is not declared as collected. */
    public static final String UNDECLARED_COLLECTION = "undeclared-collection";
    /** A type that can reach a third party is not declared as shared. */
    public static final String UNDECLARED_SHARING = "undeclared-sharing";
    /** Encryption in transit is declared, but personal data can travel in cleartext. */
    public static final String CLEARTEXT = "cleartext-despite-declaration";
    /** A declared type the code shows no evidence of (information only). */
    public static final String NO_EVIDENCE = "declared-without-evidence";

    public DataSafety {
        dataTypes = List.copyOf(dataTypes);
        findings = List.copyOf(findings);
        unknownQuestions = List.copyOf(unknownQuestions);
        notes = List.copyOf(notes);
    }

    /**
     * One Play data type.
     *
     * @param id       the form's response id, e.g. {@code PSL_PRECISE_LOCATION}
     * @param name     the form's name, e.g. {@code Precise location}
     * @param category the form's category, e.g. {@code Location}
     * @param declared what the declaration says, or null when it does not declare the type
     * @param found    what the code shows
     */
    public record DataTypeRow(String id, String name, String category, Declared declared, Found found) {
    }

    /** Declared as collected, as shared (or both). */
    public record Declared(boolean collected, boolean shared) {
    }

    /**
     * What the code shows for one Play data type.
     *
     * @param dataTypes  leakscan's fine-grained types that roll up to it, read or sent, sorted
     * @param callSites  call sites that read it
     * @param flows      flows of it that leave the device (explicit ones only)
     * @param collected  some flow of it can leave the device
     * @param shared     some flow of it can reach a third party
     * @param cleartext  some flow of it can leave in cleartext ({@code http}, {@code ws}, {@code ftp})
     * @param sharedWith the third parties it can reach
     */
    public record Found(List<String> dataTypes, int callSites, int flows, boolean collected, boolean shared,
                        boolean cleartext, List<Receiver> sharedWith) {
        public Found {
            dataTypes = List.copyOf(dataTypes);
            sharedWith = List.copyOf(sharedWith);
        }
    }

    /**
     * One difference between the declaration and the code.
     *
     * @param kind      {@link #UNDECLARED_COLLECTION}, {@link #UNDECLARED_SHARING}, {@link #CLEARTEXT}
     *                  or {@link #NO_EVIDENCE}
     * @param dataType  the Play data type's response id; null for {@link #CLEARTEXT}, which is per destination
     * @param name      the Play data type's name (for {@link #CLEARTEXT}: the types sent, joined)
     * @param category  the Play category; null for {@link #CLEARTEXT}
     * @param message   one sentence for people
     * @param receiver  who receives the data ({@link #UNDECLARED_SHARING}: the third party;
     *                  {@link #CLEARTEXT}: the host); else null
     * @param flows     the evidence: flows as in {@code flows[]} (the first few)
     * @param flowCount how many flows show it in all
     */
    public record Finding(String kind, String dataType, String name, String category, String message,
                          Receiver receiver, List<Flow> flows, int flowCount) {
        public Finding {
            flows = List.copyOf(flows);
        }
    }

    /**
     * Who receives data: the SDK whose code sends it ({@code library}: the tracker id or the
     * library's package; {@code sdk}: its name when the tracker catalogue knows it) and the host
     * it goes to with the host's owner. {@code basis} says why it is a third party:
     * {@code sdk} (a library's code sends it), {@code owner} (the host belongs to another company)
     * or {@code unknown-owner} (no company is known to own the host, and it is not the app's own).
     */
    public record Receiver(String library, String sdk, String host, Owner owner, String basis) {
    }

    /** An answer as read from the CSV: its line, question and response ids, and value. */
    public record Answer(int line, String question, String response, String value) {
    }
}
