package org.leakscan.analysis.taint;

/**
 * A call through which data leaves the app, as the report names it.
 *
 * @param site    the calling method and instruction
 * @param api     the sink API (DEX descriptor)
 * @param kind    {@code network}, {@code sms}, {@code log}, {@code file}, {@code ipc}, ...
 * @param channel the finer channel, e.g. {@code network.http}
 */
record SinkSite(Site site, String api, String kind, String channel) {
}
