/**
 * Stage 2: Android's own file formats. Binary XML (AXML) and text XML into one element tree,
 * {@code resources.arsc} string values, and the manifest facts read from them. Parsers are as
 * lenient as Android's where Android is lenient, because malware bends these formats to break
 * analysers. May use {@code input}.
 */
package org.leakscan.android;
