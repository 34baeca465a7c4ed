package org.leakscan.report.datasafety;

import java.util.Optional;

/**
 * The 38 data types of Google Play's Data safety form, in the form's order, with the machine
 * readable ids Play Console's CSV uses: the category's question ({@code PSL_DATA_TYPES_LOCATION})
 * and the type's response ({@code PSL_PRECISE_LOCATION}), which also names the type in its usage
 * questions ({@code PSL_DATA_USAGE_RESPONSES:PSL_PRECISE_LOCATION:…}). {@code name} and
 * {@code category} are the form's English names, the ones {@code datatypes.json} maps
 * leakscan's data types to.
 */
public enum PlayDataType {
    NAME("PSL_DATA_TYPES_PERSONAL", "PSL_NAME", "Personal info", "Name"),
    EMAIL("PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL", "Personal info", "Email address"),
    USER_IDS("PSL_DATA_TYPES_PERSONAL", "PSL_USER_ACCOUNT", "Personal info", "User IDs"),
    ADDRESS("PSL_DATA_TYPES_PERSONAL", "PSL_ADDRESS", "Personal info", "Address"),
    PHONE("PSL_DATA_TYPES_PERSONAL", "PSL_PHONE", "Personal info", "Phone number"),
    RACE_ETHNICITY("PSL_DATA_TYPES_PERSONAL", "PSL_RACE_ETHNICITY", "Personal info", "Race and ethnicity"),
    POLITICAL_RELIGIOUS("PSL_DATA_TYPES_PERSONAL", "PSL_POLITICAL_RELIGIOUS", "Personal info",
            "Political or religious beliefs"),
    SEXUAL_ORIENTATION("PSL_DATA_TYPES_PERSONAL", "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY", "Personal info",
            "Sexual orientation"),
    OTHER_PERSONAL("PSL_DATA_TYPES_PERSONAL", "PSL_OTHER_PERSONAL", "Personal info", "Other info"),
    PAYMENT_INFO("PSL_DATA_TYPES_FINANCIAL", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER", "Financial info", "User payment info"),
    PURCHASE_HISTORY("PSL_DATA_TYPES_FINANCIAL", "PSL_PURCHASE_HISTORY", "Financial info", "Purchase history"),
    CREDIT_SCORE("PSL_DATA_TYPES_FINANCIAL", "PSL_CREDIT_SCORE", "Financial info", "Credit score"),
    OTHER_FINANCIAL("PSL_DATA_TYPES_FINANCIAL", "PSL_OTHER", "Financial info", "Other financial info"),
    APPROXIMATE_LOCATION("PSL_DATA_TYPES_LOCATION", "PSL_APPROX_LOCATION", "Location", "Approximate location"),
    PRECISE_LOCATION("PSL_DATA_TYPES_LOCATION", "PSL_PRECISE_LOCATION", "Location", "Precise location"),
    WEB_BROWSING("PSL_DATA_TYPES_SEARCH_AND_BROWSING", "PSL_WEB_BROWSING_HISTORY", "Web browsing", "Web browsing history"),
    EMAILS("PSL_DATA_TYPES_EMAIL_AND_TEXT", "PSL_EMAILS", "Messages", "Emails"),
    SMS_MMS("PSL_DATA_TYPES_EMAIL_AND_TEXT", "PSL_SMS_CALL_LOG", "Messages", "SMS or MMS"),
    OTHER_MESSAGES("PSL_DATA_TYPES_EMAIL_AND_TEXT", "PSL_OTHER_MESSAGES", "Messages", "Other in-app messages"),
    PHOTOS("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_PHOTOS", "Photos and videos", "Photos"),
    VIDEOS("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_VIDEOS", "Photos and videos", "Videos"),
    RECORDINGS("PSL_DATA_TYPES_AUDIO", "PSL_AUDIO", "Audio files", "Voice or sound recordings"),
    MUSIC("PSL_DATA_TYPES_AUDIO", "PSL_MUSIC", "Audio files", "Music files"),
    OTHER_AUDIO("PSL_DATA_TYPES_AUDIO", "PSL_OTHER_AUDIO", "Audio files", "Other audio files"),
    HEALTH("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_HEALTH", "Health and fitness", "Health info"),
    FITNESS("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_FITNESS", "Health and fitness", "Fitness info"),
    CONTACTS("PSL_DATA_TYPES_CONTACTS", "PSL_CONTACTS", "Contacts", "Contacts"),
    CALENDAR("PSL_DATA_TYPES_CALENDAR", "PSL_CALENDAR", "Calendar", "Calendar events"),
    CRASH_LOGS("PSL_DATA_TYPES_APP_PERFORMANCE", "PSL_CRASH_LOGS", "App info and performance", "Crash logs"),
    DIAGNOSTICS("PSL_DATA_TYPES_APP_PERFORMANCE", "PSL_PERFORMANCE_DIAGNOSTICS", "App info and performance", "Diagnostics"),
    OTHER_PERFORMANCE("PSL_DATA_TYPES_APP_PERFORMANCE", "PSL_OTHER_PERFORMANCE", "App info and performance",
            "Other app performance data"),
    FILES_DOCS("PSL_DATA_TYPES_FILES_AND_DOCS", "PSL_FILES_AND_DOCS", "Files and docs", "Files and docs"),
    APP_INTERACTIONS("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_USER_INTERACTION", "App activity", "App interactions"),
    SEARCH_HISTORY("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_IN_APP_SEARCH_HISTORY", "App activity", "In-app search history"),
    INSTALLED_APPS("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_APPS_ON_DEVICE", "App activity", "Installed apps"),
    USER_CONTENT("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_USER_GENERATED_CONTENT", "App activity", "Other user-generated content"),
    OTHER_ACTIONS("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_OTHER_APP_ACTIVITY", "App activity", "Other actions"),
    DEVICE_IDS("PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID", "Device or other IDs", "Device or other IDs");

    private final String question;
    private final String response;
    private final String category;
    private final String label;

    PlayDataType(String question, String response, String category, String label) {
        this.question = question;
        this.response = response;
        this.category = category;
        this.label = label;
    }

    /** The category's question id, e.g. {@code PSL_DATA_TYPES_LOCATION}. */
    public String question() {
        return question;
    }

    /** The type's response id, e.g. {@code PSL_PRECISE_LOCATION}. */
    public String response() {
        return response;
    }

    /** The form's category name, e.g. {@code Location}. */
    public String category() {
        return category;
    }

    /** The form's type name, e.g. {@code Precise location}. */
    public String label() {
        return label;
    }

    /** The type a data-type row names (its question and response ids). */
    public static Optional<PlayDataType> of(String question, String response) {
        return find(t -> t.question.equals(question) && t.response.equals(response));
    }

    /** The type with this response id, as usage questions name it. */
    public static Optional<PlayDataType> byResponse(String response) {
        return find(t -> t.response.equals(response));
    }

    /** The type with this English name ({@code datatypes.json}'s {@code playType}) in this category. */
    public static Optional<PlayDataType> byName(String category, String name) {
        return find(t -> t.label.equalsIgnoreCase(name) && t.category.equalsIgnoreCase(category));
    }

    private static Optional<PlayDataType> find(java.util.function.Predicate<PlayDataType> test) {
        return java.util.Arrays.stream(values()).filter(test).findFirst();
    }
}
