/**
 * The program model: classes, hierarchy, methods and a small register-based instruction form.
 *
 * <p>Both bytecode front-ends ({@code bytecode.dex} over dexlib2 and {@code bytecode.jvm} over ASM)
 * produce these immutable records, so every analysis sees one model whatever the input was.
 * Types, methods and fields are named the DEX way ({@code Lpkg/Cls;}, {@code Lpkg/Cls;->m(I)V},
 * {@code Lpkg/Cls;->f:I}); reports turn them into dotted Java names. This package depends on
 * nothing but the JDK.
 */
package org.leakscan.program;
