/**
 * The data catalogues from {@code signatures/}: personal-data sources, data types, sinks, library
 * models, permissions, the API to permission map, the framework supertypes, and the companies that
 * own hosts. Data, not code. {@link org.leakscan.catalog.SourceSinkList} reads one more format, a
 * FlowDroid source/sink list, into the same source and sink records ({@code --sources-sinks}).
 * Used by the analysis stage; depends on {@code program} for descriptors, and on Gson.
 *
 * <p>Every catalogue is loaded by the same rules, implemented once in
 * {@link org.leakscan.catalog.CatalogJson.CatalogFile}:
 * <ul>
 *   <li><b>Built in.</b> Each file ships in the jar under {@code /org/leakscan/signatures/}.
 *       {@code loadDefault()} parses it on first use and then returns the same instance; this is
 *       thread-safe, and a broken shipped file is reported by every call, never cached.</li>
 *   <li><b>Overridable per file.</b> {@code loadFrom(dir)}, behind {@code --signatures DIR}, reads
 *       {@code dir/<file name>} when that file exists and falls back to the built-in file when it
 *       does not, each file on its own. ({@code sources.json} is always checked against the
 *       {@code datatypes.json} in effect, so a user taxonomy also applies to the built-in sources.)</li>
 *   <li><b>Strict.</b> A file is strict JSON (no comments, single quotes or trailing text); its top
 *       level is an object whose {@code "schema"} names the file's schema and version; each loader
 *       then checks the members it reads (types, descriptors, duplicates). The JSON Schemas in
 *       {@code signatures/schema/} describe the same files for editors and tests.</li>
 *   <li><b>One exception type.</b> Whatever is wrong with a catalogue (unreadable, malformed, wrong
 *       schema, bad entry) is a {@link org.leakscan.catalog.CatalogException} with a one-line message
 *       that starts with the file's name or path and, for a bad entry, its position:
 *       {@code sinks.json: sinks[12]: ...}. {@code load(InputStream)} names the document by its file
 *       name, except in the permissions, API-permissions and framework-types loaders, which keep
 *       their older labels ({@code permissions}, {@code api permissions}, {@code framework types}).</li>
 * </ul>
 */
package org.leakscan.catalog;
