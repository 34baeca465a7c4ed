package org.leakscan.program;

import java.util.List;

/**
 * What one method's code names, in instruction order: the methods it calls ({@link MethodRef}),
 * the fields it reads ({@link FieldRef}) and the string constants it loads ({@link String}), each
 * with the bytecode offset of its instruction. This is all the inventory needs from code, and a
 * front-end can list it straight from the bytecode without building the register form
 * ({@link MethodCode#body()}), which is decoded only when an analysis asks for it.
 *
 * <p>Two arrays rather than one object per reference: a large app has millions of call sites.
 */
public final class CodeRefs {

    public static final CodeRefs NONE = new CodeRefs(new Object[0], new int[0], 0);

    private final Object[] refs;
    private final int[] offsets;
    private final int instructionCount;

    /**
     * @param refs             {@link MethodRef}, {@link FieldRef} or {@link String} per entry
     * @param offsets          the bytecode offset of each entry's instruction (see {@link MethodBody#indexAt})
     * @param instructionCount bytecode instructions in the method
     */
    public CodeRefs(Object[] refs, int[] offsets, int instructionCount) {
        if (refs.length != offsets.length) {
            throw new IllegalArgumentException(refs.length + " references but " + offsets.length + " offsets");
        }
        this.refs = refs;
        this.offsets = offsets;
        this.instructionCount = instructionCount;
    }

    /** The references of a decoded body, at the offsets the body records; its size as the instruction count. */
    public static CodeRefs of(MethodBody body) {
        return of(body, body.insns().size());
    }

    /** The references of a decoded body, at the offsets the body records. */
    public static CodeRefs of(MethodBody body, int instructionCount) {
        List<Insn> insns = body.insns();
        int n = 0;
        for (Insn insn : insns) {
            if (insn instanceof Insn.Invoke || insn instanceof Insn.FieldGet || insn instanceof Insn.ConstString) {
                n++;
            }
        }
        Object[] refs = new Object[n];
        int[] offsets = new int[n];
        int k = 0;
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            Object ref = null;
            if (insn instanceof Insn.Invoke call) {
                ref = call.method();
            } else if (insn instanceof Insn.FieldGet get) {
                ref = get.field();
            } else if (insn instanceof Insn.ConstString c) {
                ref = c.value();
            }
            if (ref != null) {
                refs[k] = ref;
                offsets[k++] = body.offsetOf(i);
            }
        }
        return new CodeRefs(refs, offsets, instructionCount);
    }

    public int size() {
        return refs.length;
    }

    /** A {@link MethodRef}, {@link FieldRef} or {@link String}. */
    public Object ref(int i) {
        return refs[i];
    }

    public int offset(int i) {
        return offsets[i];
    }

    /** Bytecode instructions in the method (payload pseudo-instructions not counted). */
    public int instructionCount() {
        return instructionCount;
    }
}
