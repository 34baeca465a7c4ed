package org.leakscan.analysis;

import java.util.List;
import org.leakscan.program.Insn;

/**
 * The constant an argument register holds at a call, found by walking back from the call to the
 * instruction that last wrote the register (through moves). Enough for the inventory's argument
 * conditions ({@code Settings$Secure.getString(cr, "android_id")}: javac and D8 put the constant
 * right before the call); the data-flow analysis tracks constants across branches and calls.
 */
final class LocalConstants {

    /** Moves followed before giving up. */
    private static final int MAX_MOVES = 8;

    private LocalConstants() {
    }

    /** The String, or Long for an integer constant, in {@code register} just before {@code index}; else null. */
    static Object before(List<Insn> insns, int index, int register) {
        int reg = register;
        int moves = 0;
        for (int i = index - 1; i >= 0; i--) {
            Insn insn = insns.get(i);
            switch (insn.kind()) {
                case CONST_STRING -> {
                    if (((Insn.ConstString) insn).dst() == reg) {
                        return ((Insn.ConstString) insn).value();
                    }
                }
                case CONST -> {
                    if (((Insn.Const) insn).dst() == reg) {
                        return ((Insn.Const) insn).value();
                    }
                }
                case MOVE -> {
                    Insn.Move m = (Insn.Move) insn;
                    if (m.dst() == reg) {
                        if (++moves > MAX_MOVES) {
                            return null;
                        }
                        reg = m.src();
                    }
                }
                default -> {
                    if (writes(insn, reg)) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** True when {@code insn} (not a constant or a move) writes {@code reg}. */
    static boolean writes(Insn insn, int reg) {
        return switch (insn.kind()) {
            case INVOKE -> ((Insn.Invoke) insn).result() == reg;
            case CONST_CLASS -> ((Insn.ConstClass) insn).dst() == reg;
            case MOVE_EXCEPTION -> ((Insn.MoveException) insn).dst() == reg;
            case FIELD_GET -> ((Insn.FieldGet) insn).dst() == reg;
            case ARRAY_GET -> ((Insn.ArrayGet) insn).dst() == reg;
            case NEW_INSTANCE -> ((Insn.NewInstance) insn).dst() == reg;
            case NEW_ARRAY -> ((Insn.NewArray) insn).dst() == reg;
            case FILLED_NEW_ARRAY -> ((Insn.FilledNewArray) insn).dst() == reg;
            case OPERATION -> ((Insn.Operation) insn).dst() == reg;
            default -> false;
        };
    }
}
