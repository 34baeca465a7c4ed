package org.leakscan.analysis;

import java.util.List;
import java.util.Map;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * The content URI a provider call's {@code Uri} argument holds, when the instructions before the
 * call in its method show it: a static {@code CONTENT_URI} field, {@code Uri.parse("content://…")},
 * or one of those extended by {@code Uri.withAppendedPath} or {@code ContentUris.withAppendedId}.
 * Decodes the method into register form, for provider calls only.
 */
final class UriArguments {

    private static final String URI = "Landroid/net/Uri;";
    private static final int MAX_DEPTH = 4;
    private static final int MAX_MOVES = 8;

    private UriArguments() {
    }

    /**
     * The URI of the call at {@code site}, or null when the method alone does not show it.
     *
     * @param fieldUris the URIs of the static {@code Uri} fields the code reads
     */
    static String at(CodeSite site, Map<FieldRef, String> fieldUris) {
        MethodBody body = site.method().body();
        int index = body == null ? -1 : body.indexAt(site.offset());
        if (index < 0 || !(body.insns().get(index) instanceof Insn.Invoke call)) {
            return null;
        }
        List<String> params = Types.parameterTypes(call.method().descriptor());
        int param = params.indexOf(URI);
        int arg = param + (call.isStatic() ? 0 : 1);
        if (param < 0 || arg >= call.args().length) {
            return null;
        }
        return value(body.insns(), index, call.args()[arg], fieldUris, 0);
    }

    private static String value(List<Insn> insns, int index, int register, Map<FieldRef, String> fieldUris, int depth) {
        int reg = register;
        int moves = 0;
        for (int i = index - 1; i >= 0; i--) {
            Insn insn = insns.get(i);
            if (insn instanceof Insn.Move m && m.dst() == reg) {
                if (++moves > MAX_MOVES) {
                    return null;
                }
                reg = m.src();
            } else if (insn instanceof Insn.FieldGet g && g.dst() == reg) {
                return g.isStatic() ? fieldUris.get(g.field()) : null;
            } else if (insn instanceof Insn.Invoke call && call.result() == reg) {
                return depth >= MAX_DEPTH ? null : built(insns, i, call, fieldUris, depth);
            } else if (LocalConstants.writes(insn, reg) || insn instanceof Insn.ConstString c && c.dst() == reg
                    || insn instanceof Insn.Const k && k.dst() == reg) {
                return null;
            }
        }
        return null;
    }

    /** What {@code Uri.parse}, {@code Uri.withAppendedPath} or {@code ContentUris.withAppendedId} returns. */
    private static String built(List<Insn> insns, int i, Insn.Invoke call, Map<FieldRef, String> fieldUris, int depth) {
        MethodRef m = call.method();
        String key = m.owner() + "->" + m.name();
        switch (key) {
            case URI + "->parse" -> {
                return LocalConstants.before(insns, i, call.args()[0]) instanceof String s ? s : null;
            }
            case URI + "->withAppendedPath" -> {
                String base = value(insns, i, call.args()[0], fieldUris, depth + 1);
                Object segment = LocalConstants.before(insns, i, call.args()[1]);
                return base == null ? null : segment instanceof String s ? base + "/" + s : base;
            }
            case "Landroid/content/ContentUris;->withAppendedId" -> {
                return value(insns, i, call.args()[0], fieldUris, depth + 1);
            }
            default -> {
                return null;
            }
        }
    }
}
