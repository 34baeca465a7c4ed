package org.leakscan.program;

import java.util.Arrays;

/**
 * One instruction of the register form both front-ends produce.
 *
 * <p>Registers are numbered from 0 to {@link MethodBody#registerCount()}. A wide value (long,
 * double) lives in its first register. Branch targets are indices into the method's instruction
 * list. The form keeps only what data flow needs: dex {@code move-result} is folded into the
 * {@link Invoke} before it, and monitors, nops and payload pseudo-instructions are dropped.
 * {@link #kind()} lets hot loops switch on an enum instead of testing types.
 */
public sealed interface Insn {

    /** What an instruction is, for switches in hot loops. */
    enum Kind {
        INVOKE, CONST_STRING, CONST, CONST_CLASS, MOVE, MOVE_EXCEPTION, FIELD_GET, FIELD_PUT,
        ARRAY_GET, ARRAY_PUT, NEW_INSTANCE, NEW_ARRAY, FILLED_NEW_ARRAY, CHECK_CAST, OPERATION,
        RETURN, THROW, GOTO, IF, SWITCH
    }

    Kind kind();

    /** How a call is dispatched. */
    enum InvokeKind { VIRTUAL, INTERFACE, STATIC, DIRECT, SUPER, POLYMORPHIC, DYNAMIC }

    /**
     * A call. {@code args} holds one register per argument, receiver first for non-static calls
     * (a wide argument is its first register only). {@code result} is -1 when the result is not
     * kept. For {@link InvokeKind#DYNAMIC} the method is the bootstrap's name and type.
     */
    record Invoke(InvokeKind invokeKind, MethodRef method, int[] args, int result) implements Insn {
        public Kind kind() {
            return Kind.INVOKE;
        }

        public boolean isStatic() {
            return invokeKind == InvokeKind.STATIC || invokeKind == InvokeKind.DYNAMIC;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Invoke i && i.invokeKind == invokeKind && i.method.equals(method)
                    && Arrays.equals(i.args, args) && i.result == result;
        }

        @Override
        public int hashCode() {
            return method.hashCode() * 31 + Arrays.hashCode(args);
        }

        @Override
        public String toString() {
            return (result >= 0 ? "r" + result + " = " : "") + "invoke-" + invokeKind.name().toLowerCase()
                    + " " + method + " " + Arrays.toString(args);
        }
    }

    /** {@code dst = "value"}. */
    record ConstString(int dst, String value) implements Insn {
        public Kind kind() {
            return Kind.CONST_STRING;
        }
    }

    /** {@code dst = number} (int, long, float and double bits, or null as 0). */
    record Const(int dst, long value) implements Insn {
        public Kind kind() {
            return Kind.CONST;
        }
    }

    /** {@code dst = Type.class}. */
    record ConstClass(int dst, String type) implements Insn {
        public Kind kind() {
            return Kind.CONST_CLASS;
        }
    }

    /** {@code dst = src}. */
    record Move(int dst, int src) implements Insn {
        public Kind kind() {
            return Kind.MOVE;
        }
    }

    /** {@code dst = caught exception}, first instruction of a handler. */
    record MoveException(int dst) implements Insn {
        public Kind kind() {
            return Kind.MOVE_EXCEPTION;
        }
    }

    /** {@code dst = object.field}, or a static field when {@code object} is -1. */
    record FieldGet(int dst, int object, FieldRef field) implements Insn {
        public Kind kind() {
            return Kind.FIELD_GET;
        }

        public boolean isStatic() {
            return object < 0;
        }
    }

    /** {@code object.field = src}, or a static field when {@code object} is -1. */
    record FieldPut(int src, int object, FieldRef field) implements Insn {
        public Kind kind() {
            return Kind.FIELD_PUT;
        }

        public boolean isStatic() {
            return object < 0;
        }
    }

    /** {@code dst = array[index]}. */
    record ArrayGet(int dst, int array, int index) implements Insn {
        public Kind kind() {
            return Kind.ARRAY_GET;
        }
    }

    /** {@code array[index] = src}. */
    record ArrayPut(int src, int array, int index) implements Insn {
        public Kind kind() {
            return Kind.ARRAY_PUT;
        }
    }

    /** {@code dst = new type} (not yet initialised; the {@code <init>} call follows). */
    record NewInstance(int dst, String type) implements Insn {
        public Kind kind() {
            return Kind.NEW_INSTANCE;
        }
    }

    /** {@code dst = new type[size]}; {@code type} is the array type, e.g. {@code [B}. */
    record NewArray(int dst, int size, String type) implements Insn {
        public Kind kind() {
            return Kind.NEW_ARRAY;
        }
    }

    /** {@code dst = new type[]{elements...}}. */
    record FilledNewArray(int dst, int[] elements, String type) implements Insn {
        public Kind kind() {
            return Kind.FILLED_NEW_ARRAY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FilledNewArray f && f.dst == dst && Arrays.equals(f.elements, elements)
                    && f.type.equals(type);
        }

        @Override
        public int hashCode() {
            return dst * 31 + Arrays.hashCode(elements);
        }

        @Override
        public String toString() {
            return "FilledNewArray[dst=" + dst + ", elements=" + Arrays.toString(elements) + ", type=" + type + "]";
        }
    }

    /** {@code reg = (type) reg}; the value is unchanged, only its static type narrows. */
    record CheckCast(int reg, String type) implements Insn {
        public Kind kind() {
            return Kind.CHECK_CAST;
        }
    }

    /** What an {@link Operation} computes; data flow treats them alike, other passes may not. */
    enum OpKind { ARITHMETIC, CONVERSION, COMPARISON, INSTANCE_OF, ARRAY_LENGTH }

    /** {@code dst = op(srcs...)}: arithmetic, conversions, comparisons, instance-of, array length. */
    record Operation(OpKind op, int dst, int[] srcs) implements Insn {
        public Kind kind() {
            return Kind.OPERATION;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Operation p && p.op == op && p.dst == dst && Arrays.equals(p.srcs, srcs);
        }

        @Override
        public int hashCode() {
            return dst * 31 + Arrays.hashCode(srcs);
        }

        @Override
        public String toString() {
            return "Operation[" + op + ", dst=" + dst + ", srcs=" + Arrays.toString(srcs) + "]";
        }
    }

    /** Return {@code src}, or nothing when {@code src} is -1. */
    record Return(int src) implements Insn {
        public Kind kind() {
            return Kind.RETURN;
        }
    }

    /** Throw the exception in {@code src}. */
    record Throw(int src) implements Insn {
        public Kind kind() {
            return Kind.THROW;
        }
    }

    /** Jump to {@code target}. */
    record Goto(int target) implements Insn {
        public Kind kind() {
            return Kind.GOTO;
        }
    }

    /** Jump to {@code target} when a test on {@code a} (and {@code b}, or zero when -1) holds; else fall through. */
    record If(int a, int b, int target) implements Insn {
        public Kind kind() {
            return Kind.IF;
        }
    }

    /** Jump to one of {@code targets} depending on {@code src}, or fall through. */
    record Switch(int src, int[] targets) implements Insn {
        public Kind kind() {
            return Kind.SWITCH;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Switch s && s.src == src && Arrays.equals(s.targets, targets);
        }

        @Override
        public int hashCode() {
            return src * 31 + Arrays.hashCode(targets);
        }

        @Override
        public String toString() {
            return "Switch[src=" + src + ", targets=" + Arrays.toString(targets) + "]";
        }
    }
}
