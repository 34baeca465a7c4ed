/**
 * The DEX front-end: dexlib2 views over the bytes, converted straight into
 * {@link org.leakscan.program} records. The opcode table comes from each file's header version.
 */
package org.leakscan.bytecode.dex;
