package org.leakscan.program;

import java.util.List;

/**
 * The code of one method in register form.
 *
 * @param registerCount      registers used, numbered from 0
 * @param parameterRegisters the register holding each incoming argument at entry, receiver first
 *                           for instance methods (one entry per argument, wide or not)
 * @param insns              the instructions; branch targets index this list
 * @param tryBlocks          exception ranges over {@code insns}
 */
public record MethodBody(int registerCount, int[] parameterRegisters, List<Insn> insns, List<TryBlock> tryBlocks) {

    public MethodBody {
        parameterRegisters = parameterRegisters.clone();
        insns = List.copyOf(insns);
        tryBlocks = List.copyOf(tryBlocks);
    }

    @Override
    public int[] parameterRegisters() {
        return parameterRegisters.clone();
    }

    /** The register of argument {@code i} (0 is the receiver of an instance method). */
    public int parameterRegister(int i) {
        return parameterRegisters[i];
    }

    public int parameterCount() {
        return parameterRegisters.length;
    }
}
