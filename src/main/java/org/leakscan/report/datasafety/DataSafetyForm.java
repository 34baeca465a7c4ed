package org.leakscan.report.datasafety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questions of Google Play's Data safety form as Play Console's CSV lists them ("Export to
 * CSV" / "Import from CSV"): one row per question and response, in the export's order, with
 * the answer requirement and an English label. The ids are the form's; the labels are for people
 * (Play Console writes them in the console's language and reads only the ids).
 */
final class DataSafetyForm {

    /** The header line of the CSV. */
    static final List<String> HEADER = List.of("Question ID (machine readable)", "Response ID (machine readable)",
            "Response value", "Answer requirement", "Human-friendly question label");

    static final String COLLECTS = "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA";
    static final String ENCRYPTED = "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT";
    /** Usage questions are {@code PSL_DATA_USAGE_RESPONSES:<type response id>:<question>}. */
    static final String USAGE = "PSL_DATA_USAGE_RESPONSES";
    static final String COLLECTION_AND_SHARING = "PSL_DATA_USAGE_COLLECTION_AND_SHARING";
    static final String COLLECTED = "PSL_DATA_USAGE_ONLY_COLLECTED";
    static final String SHARED = "PSL_DATA_USAGE_ONLY_SHARED";
    static final String EPHEMERAL = "PSL_DATA_USAGE_EPHEMERAL";
    static final String USER_CONTROL = "DATA_USAGE_USER_CONTROL";
    static final String COLLECTION_PURPOSE = "DATA_USAGE_COLLECTION_PURPOSE";
    static final String SHARING_PURPOSE = "DATA_USAGE_SHARING_PURPOSE";

    /** One row: a question, its response (empty for yes/no and text questions), requirement, label. */
    record Row(String question, String response, String requirement, String label) {
    }

    /** Why data is collected or shared: the same seven purposes for both questions. */
    private static final Map<String, String> PURPOSES = linked(
            "PSL_APP_FUNCTIONALITY", "App functionality",
            "PSL_ANALYTICS", "Analytics",
            "PSL_DEVELOPER_COMMUNICATIONS", "Developer communications",
            "PSL_FRAUD_PREVENTION_SECURITY", "Fraud prevention, security, and compliance",
            "PSL_ADVERTISING", "Advertising or marketing",
            "PSL_PERSONALIZATION", "Personalization",
            "PSL_ACCOUNT_MANAGEMENT", "Account management");

    /** Questions answered with text (links, descriptions), not true or false. */
    private static final Set<String> TEXT_QUESTIONS = Set.of("PSL_ACM_SPECIFY", "PSL_ACCOUNT_DELETION_URL",
            "PSL_DATA_DELETION_URL", "PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY");

    /**
     * Asked by earlier versions of the form and still found in exported files; known, so not
     * reported as unknown, and not written into drafts.
     */
    private static final Set<String> EARLIER_QUESTIONS = Set.of("PSL_DATA_COLLECTION_USER_REQUEST_DELETE");

    private static final List<Row> ROWS = build();
    private static final Set<String> KNOWN = ROWS.stream().map(r -> r.question() + "\n" + r.response())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private DataSafetyForm() {
    }

    /** Every row of the form, in the export's order. */
    static List<Row> rows() {
        return ROWS;
    }

    /** True when the question takes text; every other question takes {@code true}, {@code false} or nothing. */
    static boolean isText(String question) {
        return TEXT_QUESTIONS.contains(question);
    }

    /** True when (question, response) is a row of the form, or of an earlier form. */
    static boolean isKnown(String question, String response) {
        return EARLIER_QUESTIONS.contains(question) && response.isEmpty() || KNOWN.contains(question + "\n" + response);
    }

    /** The usage question id for a data type: {@code PSL_DATA_USAGE_RESPONSES:PSL_NAME:<question>}. */
    static String usage(PlayDataType type, String question) {
        return USAGE + ":" + type.response() + ":" + question;
    }

    private static List<Row> build() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(COLLECTS, "", "REQUIRED", "Does your app collect or share any of the required user data types?"));
        rows.add(new Row(ENCRYPTED, "", "MAYBE_REQUIRED", "Is all of the user data collected by your app encrypted in transit?"));
        String methods = "Which of the following methods of account creation does your app support? Select all that apply / ";
        choices(rows, "PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", "MULTIPLE_CHOICE", methods, linked(
                "PSL_ACM_USER_ID_PASSWORD", "Username and password",
                "PSL_ACM_USER_ID_OTHER_AUTH", "Username and other authentication",
                "PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH", "Username, password, and other authentication",
                "PSL_ACM_OAUTH", "OAuth",
                "PSL_ACM_OTHER", "Other",
                "PSL_ACM_NONE", "My app does not allow users to create an account"));
        rows.add(new Row("PSL_ACM_SPECIFY", "", "MAYBE_REQUIRED", "Describe the method of account creation that your app supports"));
        rows.add(new Row("PSL_ACCOUNT_DELETION_URL", "", "MAYBE_REQUIRED",
                "Add a link that users can use to request that their account and associated data is deleted"));
        choices(rows, "PSL_SUPPORT_DATA_DELETION_BY_USER", "SINGLE_CHOICE",
                "Do you provide a way for users to request that their data is deleted? / ", linked(
                        "DATA_DELETION_YES", "Yes",
                        "DATA_DELETION_NO", "No",
                        "DATA_DELETION_NO_AUTO_DELETED", "No, but user data is automatically deleted within 90 days"));
        rows.add(new Row("PSL_DATA_DELETION_URL", "", "MAYBE_REQUIRED", "Delete data URL"));
        rows.add(new Row("PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY", "", "OPTIONAL",
                "Only answer this question if your app's target age group includes children, or you've opted into the"
                        + " Designed for Families program: do you want to let users know about your commitment to the"
                        + " Google Play Families Policy in the Data safety section on your store listing?"));
        rows.add(new Row("PSL_INDEPENDENTLY_VALIDATED", "", "OPTIONAL",
                "Has your app successfully completed an independent security review, according to the Mobile Application"
                        + " Security Assessment (MASA) framework? Only answer \"yes\" if the review is in good standing."));
        rows.add(new Row("PSL_UPI_BADGE_OPT_IN", "", "OPTIONAL", "Do you want to show this badge on your store listing?"));
        rows.add(new Row("PSL_HAS_OUTSIDE_APP_ACCOUNTS", "", "OPTIONAL",
                "Can users login to your app with accounts created outside of the app?"));
        choices(rows, "PSL_OUTSIDE_APP_ACCOUNT_TYPES", "MULTIPLE_CHOICE", "How are these accounts created? / ", linked(
                "PSL_LOGIN_WITH_OUTSIDE_APP_ID", "Identification outside the app (for example, a SIM or a service subscription)",
                "PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT", "Through employment or enterprise accounts",
                "PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER", "Other"));
        rows.add(new Row("PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY", "", "MAYBE_REQUIRED", "Describe how these accounts are created"));
        for (PlayDataType t : PlayDataType.values()) {
            rows.add(new Row(t.question(), t.response(), "MULTIPLE_CHOICE", t.category() + " / " + t.label()));
        }
        for (PlayDataType t : PlayDataType.values()) {
            String about = "Data usage and handling (" + t.label() + ") / ";
            choices(rows, usage(t, COLLECTION_AND_SHARING), "MULTIPLE_CHOICE",
                    about + "Is this data collected, shared, or both? / ", linked(COLLECTED, "Collected", SHARED, "Shared"));
            rows.add(new Row(usage(t, EPHEMERAL), "", "MAYBE_REQUIRED", about + "Is this data processed ephemerally?"));
            choices(rows, usage(t, USER_CONTROL), "SINGLE_CHOICE",
                    about + "Is this data required for your app, or can users choose whether it's collected? / ", linked(
                            "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL", "Users can choose whether this data is collected",
                            "PSL_DATA_USAGE_USER_CONTROL_REQUIRED",
                            "Data collection is required (users can't turn off this data collection)"));
            choices(rows, usage(t, COLLECTION_PURPOSE), "MULTIPLE_CHOICE",
                    about + "Why is this user data collected? Select all that apply. / ", PURPOSES);
            choices(rows, usage(t, SHARING_PURPOSE), "MULTIPLE_CHOICE",
                    about + "Why is this user data shared? Select all that apply. / ", PURPOSES);
        }
        return List.copyOf(rows);
    }

    private static void choices(List<Row> rows, String question, String requirement, String label,
                                Map<String, String> responses) {
        responses.forEach((id, text) -> rows.add(new Row(question, id, requirement, label + text)));
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
