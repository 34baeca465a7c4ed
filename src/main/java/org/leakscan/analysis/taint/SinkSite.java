package org.leakscan.analysis.taint;

/**
 * A call through which data leaves the app, as the report names it.
 *
 * @param site    the calling method and instruction
 * @param api     the sink API (DEX descriptor)
 * @param kind    {@code network}, {@code sms}, {@code log}, {@code file}, {@code ipc}, ...
 * @param channel the finer channel, e.g. {@code network.http}
 * @param unlessHandled intent actions: the data leaves only if no receiver of the app handles one of
 *                      them (a broadcast), decided when all receivers are known; empty otherwise
 */
record SinkSite(Site site, String api, String kind, String channel, java.util.Set<String> unlessHandled) {

    SinkSite(Site site, String api, String kind, String channel) {
        this(site, api, kind, channel, java.util.Set.of());
    }
}
