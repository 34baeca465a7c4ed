package org.leakscan.program;

import java.util.Arrays;
import java.util.List;

/**
 * The code of one method in register form.
 *
 * @param registerCount      registers used, numbered from 0
 * @param parameterRegisters the register holding each incoming argument at entry, receiver first
 *                           for instance methods (one entry per argument, wide or not)
 * @param insns              the instructions; branch targets index this list
 * @param tryBlocks          exception ranges over {@code insns}
 * @param offsets            the bytecode offset each instruction was decoded from, ascending (DEX code
 *                           units), or null when the offset of an instruction is its index
 */
public record MethodBody(int registerCount, int[] parameterRegisters, List<Insn> insns, List<TryBlock> tryBlocks,
                         int[] offsets) {

    public MethodBody {
        parameterRegisters = parameterRegisters.clone();
        insns = List.copyOf(insns);
        tryBlocks = List.copyOf(tryBlocks);
        if (offsets != null && offsets.length != insns.size()) {
            throw new IllegalArgumentException(insns.size() + " instructions but " + offsets.length + " offsets");
        }
    }

    /** A body whose instructions' offsets are their indices (JVM class files, hand-built code). */
    public MethodBody(int registerCount, int[] parameterRegisters, List<Insn> insns, List<TryBlock> tryBlocks) {
        this(registerCount, parameterRegisters, insns, tryBlocks, null);
    }

    @Override
    public int[] parameterRegisters() {
        return parameterRegisters.clone();
    }

    @Override
    public int[] offsets() {
        return offsets == null ? null : offsets.clone();
    }

    /** The register of argument {@code i} (0 is the receiver of an instance method). */
    public int parameterRegister(int i) {
        return parameterRegisters[i];
    }

    public int parameterCount() {
        return parameterRegisters.length;
    }

    /** The bytecode offset instruction {@code index} was decoded from. */
    public int offsetOf(int index) {
        return offsets == null ? index : offsets[index];
    }

    /**
     * The instruction decoded from the bytecode instruction at {@code offset}, or -1 when none was
     * (a {@link CodeRefs} offset always finds its instruction).
     */
    public int indexAt(int offset) {
        if (offsets == null) {
            return offset >= 0 && offset < insns.size() ? offset : -1;
        }
        int i = Arrays.binarySearch(offsets, offset);
        if (i < 0) {
            return -1;
        }
        // Offsets ascend but one dex instruction may become several: take the first.
        while (i > 0 && offsets[i - 1] == offset) {
            i--;
        }
        return i;
    }
}
