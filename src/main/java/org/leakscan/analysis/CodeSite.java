package org.leakscan.analysis;

import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.Types;

/** One instruction of one method: where a call, a field read or a constant sits. */
public record CodeSite(ClassDef owner, MethodDef method, int index) {

    public Insn insn() {
        return method.body().insns().get(index);
    }

    /** The report's view: dotted class name and {@code name(descriptor)}. */
    public CodeLocation location() {
        return new CodeLocation(Types.toJavaName(owner.type()), method.signature());
    }
}
