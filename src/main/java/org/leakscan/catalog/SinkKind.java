package org.leakscan.catalog;

import java.util.Locale;

/** Where data goes when it reaches a sink; the {@code kind} of a {@code sinks.json} entry. */
public enum SinkKind {
    /** Off the device over the network: HTTP clients, sockets, DNS, WebView, cloud SDKs. */
    NETWORK,
    /** A text, multipart or data SMS (or an MMS) to a phone number. */
    SMS,
    /** The system log (logcat, readable by privileged apps and over adb) or standard output. */
    LOG,
    /** Local storage: files, shared preferences, SQLite databases, shared documents. */
    FILE,
    /** Another component or app: intents, content providers, messengers, the WebView JavaScript bridge. */
    IPC,
    /** The clipboard, readable by other apps and input methods. */
    CLIPBOARD,
    /** A Bluetooth socket, GATT write or advertisement. */
    BLUETOOTH,
    /** Google Nearby connections and messages. */
    NEARBY,
    /**
     * A write to a stream or writer whose channel is not known from the call alone. The data
     * leaves through whatever the stream was opened on: an entry with {@code opens} (for example
     * {@code URLConnection.getOutputStream()} gives NETWORK, {@code FileOutputStream.<init>} gives
     * FILE), reached through the wrapper constructors marked {@code wraps} in {@code models.json}.
     * A stream that is neither (a {@code ByteArrayOutputStream}, a {@code StringWriter}) is not a
     * channel; its content moves on through the models.
     */
    STREAM,
    /**
     * A sink named by a user's source/sink list ({@code --sources-sinks}) whose class does not
     * tell where the data goes (a generic stream, a reflective call, an app's own method).
     */
    OTHER;

    /** The JSON name, e.g. {@code network}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind with this JSON name.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static SinkKind fromId(String id) {
        for (SinkKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a sink kind: " + id);
    }
}
