package org.leakscan.analysis.taint;

import org.leakscan.program.ClassDef;
import org.leakscan.program.MethodDef;

/**
 * Where personal data enters: one taint label per source call site, source field read, callback
 * parameter or content-provider read.
 *
 * @param label    the taint label (bit number in a {@link TaintSet})
 * @param dataType the fine-grained data type, e.g. {@code device-id.imei}
 * @param api      the API called (DEX descriptor) or the callback method
 * @param uri      for a content-provider read, the content URI that decides the data; else null
 * @param owner    the class whose code reads it
 * @param method   the method whose code reads it (the callback itself, for callback sources)
 * @param index    the instruction index, or negative for a callback parameter
 */
public record SourceSite(int label, String dataType, String api, String uri, ClassDef owner, MethodDef method,
                         int index) {
}
