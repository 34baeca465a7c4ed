package org.leakscan.analysis;

import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodDef;
import org.leakscan.program.Types;

/**
 * One instruction of one method: where a call, a field read or a constant sits.
 *
 * @param offset the instruction's bytecode offset ({@link org.leakscan.program.CodeRefs#offset})
 */
public record CodeSite(ClassDef owner, MethodDef method, int offset) {

    /**
     * The instruction in register form, decoding the method's body if it was not yet; null when the
     * body cannot be decoded.
     */
    public Insn insn() {
        MethodBody body = method.body();
        int index = body == null ? -1 : body.indexAt(offset);
        return index < 0 ? null : body.insns().get(index);
    }

    /** The report's view: dotted class name and {@code name(descriptor)}. */
    public CodeLocation location() {
        return new CodeLocation(Types.toJavaName(owner.type()), method.signature());
    }
}
