/**
 * Stage 3: two front-ends, one model. {@code bytecode.dex} decodes DEX with dexlib2 and
 * {@code bytecode.jvm} decodes JVM class files with ASM; both emit {@link org.leakscan.program}
 * records, so the same source compiled either way gives the same findings. May use {@code input}
 * and {@code program}.
 */
package org.leakscan.bytecode;
