/**
 * The JVM front-end: ASM reads class files and the stack machine is turned into the register
 * form (locals are registers, each stack depth is a register), so both front-ends give one model.
 */
package org.leakscan.bytecode.jvm;
