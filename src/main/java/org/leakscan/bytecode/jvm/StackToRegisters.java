package org.leakscan.bytecode.jvm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.bytecode.RefPool;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.Insn.InvokeKind;
import org.leakscan.program.Insn.OpKind;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodRef;
import org.leakscan.program.TryBlock;
import org.leakscan.program.Types;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Turns one JVM method (a stack machine) into the register form.
 *
 * <p>Local slot {@code i} becomes register {@code i}; the stack entry at depth {@code d} becomes
 * register {@code maxLocals + d}; three scratch registers follow. ASM's {@link Analyzer} gives the
 * stack depth and value sizes before each instruction, so pushes, pops and the {@code DUP}/
 * {@code SWAP} family become plain moves. Two JVM idioms are rewritten to look like D8's output,
 * so both front-ends give the same findings:
 * <ul>
 *   <li>{@code new T; dup; ...; invokespecial T.<init>} initialises every copy of the new object:
 *       after the call, the other stack slots and locals holding the same uninitialised value get a
 *       move from the receiver register (D8 has a single register there).</li>
 *   <li>{@code invokedynamic makeConcatWithConstants} (javac 9+ string concatenation) becomes the
 *       {@code StringBuilder} calls D8 desugars it to, with the recipe's literals as constants.</li>
 * </ul>
 */
final class StackToRegisters {

    private static final String SB = "Ljava/lang/StringBuilder;";
    private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";

    private final RefPool pool;
    private final String ownerInternalName;
    private final MethodNode method;
    private final List<Insn> out = new ArrayList<>();
    private final Map<LabelNode, Integer> labels = new IdentityHashMap<>();
    private final List<int[]> pendingJumps = new ArrayList<>();
    private final List<LabelNode[]> pendingLabels = new ArrayList<>();
    private final Map<AbstractInsnNode, BasicValue> uninitialised = new IdentityHashMap<>();
    private int maxLocals;
    private int scratch;

    StackToRegisters(RefPool pool, String ownerInternalName, MethodNode method) {
        this.pool = pool;
        this.ownerInternalName = ownerInternalName;
        this.method = method;
    }

    /** An uninitialised object made by one NEW instruction; equal only to itself. */
    private static final class Uninitialised extends BasicValue {
        Uninitialised(Type type) {
            super(type);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private final class TrackingInterpreter extends BasicInterpreter {
        TrackingInterpreter() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.NEW) {
                return uninitialised.computeIfAbsent(insn,
                        k -> new Uninitialised(Type.getObjectType(((TypeInsnNode) k).desc)));
            }
            return super.newOperation(insn);
        }
    }

    MethodBody convert() throws AnalyzerException {
        Frame<BasicValue>[] frames = new Analyzer<>(new TrackingInterpreter()).analyze(ownerInternalName, method);
        maxLocals = method.maxLocals;
        scratch = maxLocals + method.maxStack;
        java.util.Set<LabelNode> handlerStarts = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (TryCatchBlockNode t : method.tryCatchBlocks) {
            handlerStarts.add(t.handler);
        }
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            AbstractInsnNode insn = insns[i];
            if (insn instanceof LabelNode l) {
                labels.put(l, out.size());
                if (handlerStarts.contains(l) && frames[i] != null) {
                    out.add(new Insn.MoveException(maxLocals));
                }
                continue;
            }
            Frame<BasicValue> f = frames[i];
            if (f == null || insn.getOpcode() < 0) {
                continue; // unreachable code, line numbers, frames
            }
            emit(insn, f);
        }
        for (int[] p : pendingJumps) {
            // p = {irIndex, labelSlot}
            LabelNode[] ls = pendingLabels.get(p[1]);
            Insn insn = out.get(p[0]);
            if (insn instanceof Insn.Goto) {
                out.set(p[0], new Insn.Goto(labelIndex(ls[0])));
            } else if (insn instanceof Insn.If c) {
                out.set(p[0], new Insn.If(c.a(), c.b(), labelIndex(ls[0])));
            } else if (insn instanceof Insn.Switch s) {
                int[] targets = new int[ls.length];
                for (int k = 0; k < ls.length; k++) {
                    targets[k] = labelIndex(ls[k]);
                }
                out.set(p[0], new Insn.Switch(s.src(), targets));
            }
        }
        List<TryBlock> tries = new ArrayList<>();
        for (TryCatchBlockNode t : method.tryCatchBlocks) {
            int start = labelIndex(t.start);
            int end = labelIndex(t.end);
            if (start < end) {
                String type = t.type == null ? null : pool.string(Types.fromClassName(t.type));
                tries.add(new TryBlock(start, end, List.of(new TryBlock.Handler(type, labelIndex(t.handler)))));
            }
        }
        return new MethodBody(scratch + 3, parameterRegisters(), out, tries);
    }

    private int labelIndex(LabelNode l) {
        Integer i = labels.get(l);
        return i == null ? out.size() : i;
    }

    private int[] parameterRegisters() {
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        Type[] args = Type.getArgumentTypes(method.desc);
        int[] regs = new int[args.length + (isStatic ? 0 : 1)];
        int slot = 0;
        int k = 0;
        if (!isStatic) {
            regs[k++] = slot++;
        }
        for (Type t : args) {
            regs[k++] = slot;
            slot += t.getSize();
        }
        return regs;
    }

    /** Register of stack entry {@code depth}. */
    private int s(int depth) {
        return maxLocals + depth;
    }

    private void jump(Insn placeholder, LabelNode... targets) {
        out.add(placeholder);
        pendingLabels.add(targets);
        pendingJumps.add(new int[] {out.size() - 1, pendingLabels.size() - 1});
    }

    private void emit(AbstractInsnNode insn, Frame<BasicValue> f) {
        int h = f.getStackSize();
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.NOP, Opcodes.POP, Opcodes.POP2, Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> {
            }
            case Opcodes.ACONST_NULL -> out.add(new Insn.Const(s(h), 0));
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                 Opcodes.ICONST_4, Opcodes.ICONST_5 -> out.add(new Insn.Const(s(h), op - Opcodes.ICONST_0));
            case Opcodes.LCONST_0, Opcodes.LCONST_1 -> out.add(new Insn.Const(s(h), op - Opcodes.LCONST_0));
            case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 ->
                    out.add(new Insn.Const(s(h), Float.floatToIntBits(op - Opcodes.FCONST_0)));
            case Opcodes.DCONST_0, Opcodes.DCONST_1 ->
                    out.add(new Insn.Const(s(h), Double.doubleToLongBits(op - Opcodes.DCONST_0)));
            case Opcodes.BIPUSH, Opcodes.SIPUSH -> out.add(new Insn.Const(s(h), ((IntInsnNode) insn).operand));
            case Opcodes.LDC -> ldc(((LdcInsnNode) insn).cst, s(h));
            case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD ->
                    out.add(new Insn.Move(s(h), ((VarInsnNode) insn).var));
            case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE ->
                    out.add(new Insn.Move(((VarInsnNode) insn).var, s(h - 1)));
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                 Opcodes.CALOAD, Opcodes.SALOAD -> out.add(new Insn.ArrayGet(s(h - 2), s(h - 2), s(h - 1)));
            case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                 Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE ->
                    out.add(new Insn.ArrayPut(s(h - 1), s(h - 3), s(h - 2)));
            case Opcodes.DUP -> out.add(new Insn.Move(s(h), s(h - 1)));
            case Opcodes.DUP_X1 -> dupX1(h);
            case Opcodes.DUP_X2 -> {
                if (size(f, h - 2) == 2) {
                    dupX1(h);
                } else {
                    dupX2(h);
                }
            }
            case Opcodes.DUP2 -> {
                if (size(f, h - 1) == 2) {
                    out.add(new Insn.Move(s(h), s(h - 1)));
                } else {
                    out.add(new Insn.Move(s(h), s(h - 2)));
                    out.add(new Insn.Move(s(h + 1), s(h - 1)));
                }
            }
            case Opcodes.DUP2_X1 -> {
                if (size(f, h - 1) == 2) {
                    dupX1(h);
                } else {
                    dup2X1(h);
                }
            }
            case Opcodes.DUP2_X2 -> {
                boolean v1Wide = size(f, h - 1) == 2;
                boolean v2Wide = size(f, h - 2) == 2;
                if (v1Wide && v2Wide) {
                    dupX1(h);
                } else if (v1Wide) {
                    dupX2(h);
                } else if (size(f, h - 3) == 2) {
                    dup2X1(h);
                } else {
                    move(s(h + 1), s(h - 1));
                    move(s(h), s(h - 2));
                    move(s(h - 1), s(h - 3));
                    move(s(h - 2), s(h - 4));
                    move(s(h - 3), s(h + 1));
                    move(s(h - 4), s(h));
                }
            }
            case Opcodes.SWAP -> {
                move(scratch, s(h - 1));
                move(s(h - 1), s(h - 2));
                move(s(h - 2), scratch);
            }
            case Opcodes.IADD, Opcodes.LADD, Opcodes.FADD, Opcodes.DADD, Opcodes.ISUB, Opcodes.LSUB, Opcodes.FSUB,
                 Opcodes.DSUB, Opcodes.IMUL, Opcodes.LMUL, Opcodes.FMUL, Opcodes.DMUL, Opcodes.IDIV, Opcodes.LDIV,
                 Opcodes.FDIV, Opcodes.DDIV, Opcodes.IREM, Opcodes.LREM, Opcodes.FREM, Opcodes.DREM, Opcodes.ISHL,
                 Opcodes.LSHL, Opcodes.ISHR, Opcodes.LSHR, Opcodes.IUSHR, Opcodes.LUSHR, Opcodes.IAND, Opcodes.LAND,
                 Opcodes.IOR, Opcodes.LOR, Opcodes.IXOR, Opcodes.LXOR ->
                    out.add(new Insn.Operation(OpKind.ARITHMETIC, s(h - 2), new int[] {s(h - 2), s(h - 1)}));
            case Opcodes.INEG, Opcodes.LNEG, Opcodes.FNEG, Opcodes.DNEG ->
                    out.add(new Insn.Operation(OpKind.ARITHMETIC, s(h - 1), new int[] {s(h - 1)}));
            case Opcodes.IINC -> {
                int v = ((IincInsnNode) insn).var;
                out.add(new Insn.Operation(OpKind.ARITHMETIC, v, new int[] {v}));
            }
            case Opcodes.I2L, Opcodes.I2F, Opcodes.I2D, Opcodes.L2I, Opcodes.L2F, Opcodes.L2D, Opcodes.F2I,
                 Opcodes.F2L, Opcodes.F2D, Opcodes.D2I, Opcodes.D2L, Opcodes.D2F, Opcodes.I2B, Opcodes.I2C,
                 Opcodes.I2S -> out.add(new Insn.Operation(OpKind.CONVERSION, s(h - 1), new int[] {s(h - 1)}));
            case Opcodes.LCMP, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG ->
                    out.add(new Insn.Operation(OpKind.COMPARISON, s(h - 2), new int[] {s(h - 2), s(h - 1)}));
            case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.IFNULL,
                 Opcodes.IFNONNULL -> jump(new Insn.If(s(h - 1), -1, -1), ((JumpInsnNode) insn).label);
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                 Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE ->
                    jump(new Insn.If(s(h - 2), s(h - 1), -1), ((JumpInsnNode) insn).label);
            case Opcodes.GOTO -> jump(new Insn.Goto(-1), ((JumpInsnNode) insn).label);
            case Opcodes.TABLESWITCH -> {
                TableSwitchInsnNode t = (TableSwitchInsnNode) insn;
                jump(new Insn.Switch(s(h - 1), new int[0]), t.labels.toArray(new LabelNode[0]));
                jump(new Insn.Goto(-1), t.dflt);
            }
            case Opcodes.LOOKUPSWITCH -> {
                LookupSwitchInsnNode t = (LookupSwitchInsnNode) insn;
                jump(new Insn.Switch(s(h - 1), new int[0]), t.labels.toArray(new LabelNode[0]));
                jump(new Insn.Goto(-1), t.dflt);
            }
            case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN ->
                    out.add(new Insn.Return(s(h - 1)));
            case Opcodes.RETURN -> out.add(new Insn.Return(-1));
            case Opcodes.GETSTATIC -> out.add(new Insn.FieldGet(s(h), -1, field((FieldInsnNode) insn)));
            case Opcodes.PUTSTATIC -> out.add(new Insn.FieldPut(s(h - 1), -1, field((FieldInsnNode) insn)));
            case Opcodes.GETFIELD -> out.add(new Insn.FieldGet(s(h - 1), s(h - 1), field((FieldInsnNode) insn)));
            case Opcodes.PUTFIELD -> out.add(new Insn.FieldPut(s(h - 1), s(h - 2), field((FieldInsnNode) insn)));
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
                    invoke((MethodInsnNode) insn, f, h);
            case Opcodes.INVOKEDYNAMIC -> invokeDynamic((InvokeDynamicInsnNode) insn, h);
            case Opcodes.NEW -> out.add(new Insn.NewInstance(s(h), type(((TypeInsnNode) insn).desc)));
            case Opcodes.NEWARRAY -> out.add(new Insn.NewArray(s(h - 1), s(h - 1),
                    pool.string("[" + primitiveArrayElement(((IntInsnNode) insn).operand))));
            case Opcodes.ANEWARRAY -> out.add(new Insn.NewArray(s(h - 1), s(h - 1),
                    pool.string("[" + type(((TypeInsnNode) insn).desc))));
            case Opcodes.MULTIANEWARRAY -> {
                MultiANewArrayInsnNode m = (MultiANewArrayInsnNode) insn;
                out.add(new Insn.NewArray(s(h - m.dims), s(h - m.dims), pool.string(m.desc)));
            }
            case Opcodes.ARRAYLENGTH -> out.add(new Insn.Operation(OpKind.ARRAY_LENGTH, s(h - 1), new int[] {s(h - 1)}));
            case Opcodes.ATHROW -> out.add(new Insn.Throw(s(h - 1)));
            case Opcodes.CHECKCAST -> out.add(new Insn.CheckCast(s(h - 1), type(((TypeInsnNode) insn).desc)));
            case Opcodes.INSTANCEOF ->
                    out.add(new Insn.Operation(OpKind.INSTANCE_OF, s(h - 1), new int[] {s(h - 1)}));
            default -> throw new IllegalStateException("unsupported opcode " + op);
        }
    }

    private void move(int dst, int src) {
        out.add(new Insn.Move(dst, src));
    }

    /** [.., v2, v1] to [.., v1, v2, v1]. */
    private void dupX1(int h) {
        move(s(h), s(h - 1));
        move(s(h - 1), s(h - 2));
        move(s(h - 2), s(h));
    }

    /** [.., v3, v2, v1] to [.., v1, v3, v2, v1]. */
    private void dupX2(int h) {
        move(s(h), s(h - 1));
        move(s(h - 1), s(h - 2));
        move(s(h - 2), s(h - 3));
        move(s(h - 3), s(h));
    }

    /** [.., v3, v2, v1] to [.., v2, v1, v3, v2, v1]. */
    private void dup2X1(int h) {
        move(s(h + 1), s(h - 1));
        move(s(h), s(h - 2));
        move(s(h - 1), s(h - 3));
        move(s(h - 2), s(h + 1));
        move(s(h - 3), s(h));
    }

    private static int size(Frame<BasicValue> f, int depth) {
        return depth < 0 ? 1 : f.getStack(depth).getSize();
    }

    private void ldc(Object cst, int dst) {
        if (cst instanceof String str) {
            out.add(new Insn.ConstString(dst, str));
        } else if (cst instanceof Integer i) {
            out.add(new Insn.Const(dst, i));
        } else if (cst instanceof Long l) {
            out.add(new Insn.Const(dst, l));
        } else if (cst instanceof Float fl) {
            out.add(new Insn.Const(dst, Float.floatToIntBits(fl)));
        } else if (cst instanceof Double d) {
            out.add(new Insn.Const(dst, Double.doubleToLongBits(d)));
        } else if (cst instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            out.add(new Insn.ConstClass(dst, pool.string(t.getDescriptor())));
        } else {
            out.add(new Insn.Const(dst, 0)); // method types, handles, dynamic constants
        }
    }

    private void invoke(MethodInsnNode m, Frame<BasicValue> f, int h) {
        Type[] argTypes = Type.getArgumentTypes(m.desc);
        boolean isStatic = m.getOpcode() == Opcodes.INVOKESTATIC;
        int n = argTypes.length + (isStatic ? 0 : 1);
        int[] args = new int[n];
        for (int k = 0; k < n; k++) {
            args[k] = s(h - n + k);
        }
        InvokeKind kind = switch (m.getOpcode()) {
            case Opcodes.INVOKESTATIC -> InvokeKind.STATIC;
            case Opcodes.INVOKEINTERFACE -> InvokeKind.INTERFACE;
            case Opcodes.INVOKESPECIAL -> m.name.equals("<init>") || m.owner.equals(ownerInternalName)
                    ? InvokeKind.DIRECT : InvokeKind.SUPER;
            default -> InvokeKind.VIRTUAL;
        };
        int result = Type.getReturnType(m.desc).getSort() == Type.VOID ? -1 : s(h - n);
        String owner = m.owner.startsWith("[") ? m.owner : Types.fromClassName(m.owner);
        out.add(new Insn.Invoke(kind, pool.method(owner, m.name, m.desc), args, result));
        if (m.name.equals("<init>") && !isStatic) {
            BasicValue receiver = f.getStack(h - n);
            if (receiver instanceof Uninitialised) {
                for (int d = 0; d < h - n; d++) {
                    if (f.getStack(d) == receiver) {
                        move(s(d), args[0]);
                    }
                }
                for (int l = 0; l < f.getLocals(); l++) {
                    if (f.getLocal(l) == receiver) {
                        move(l, args[0]);
                    }
                }
            }
        }
    }

    private void invokeDynamic(InvokeDynamicInsnNode indy, int h) {
        Type[] argTypes = Type.getArgumentTypes(indy.desc);
        int n = argTypes.length;
        int base = h - n;
        Handle bsm = indy.bsm;
        if (bsm.getOwner().equals(CONCAT_FACTORY)) {
            concat(indy, argTypes, base);
            return;
        }
        int[] args = new int[n];
        for (int k = 0; k < n; k++) {
            args[k] = s(base + k);
        }
        int result = Type.getReturnType(indy.desc).getSort() == Type.VOID ? -1 : s(base);
        out.add(new Insn.Invoke(InvokeKind.DYNAMIC,
                pool.method(Types.fromClassName(bsm.getOwner()), indy.name, indy.desc), args, result));
    }

    /**
     * {@code makeConcatWithConstants(recipe)}: \u0001 marks an argument, \u0002 a constant from the
     * bootstrap arguments; anything else is literal text. {@code makeConcat} appends every argument.
     */
    private void concat(InvokeDynamicInsnNode indy, Type[] argTypes, int base) {
        int sb = scratch + 1;
        int piece = scratch + 2;
        out.add(new Insn.NewInstance(sb, SB));
        out.add(new Insn.Invoke(InvokeKind.DIRECT, pool.method(SB, "<init>", "()V"), new int[] {sb}, -1));
        String recipe = null;
        int constIndex = 0;
        if (indy.name.equals("makeConcatWithConstants") && indy.bsmArgs.length > 0 && indy.bsmArgs[0] instanceof String r) {
            recipe = r;
            constIndex = 1;
        }
        int arg = 0;
        if (recipe == null) {
            for (Type t : argTypes) {
                append(sb, s(base + arg++), t);
            }
        } else {
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < recipe.length(); i++) {
                char c = recipe.charAt(i);
                if (c == '\u0001' || c == '\u0002') {
                    flushLiteral(sb, piece, literal);
                    if (c == '\u0001') {
                        append(sb, s(base + arg), argTypes[arg]);
                        arg++;
                    } else {
                        Object k = constIndex < indy.bsmArgs.length ? indy.bsmArgs[constIndex++] : "";
                        literal.append(k);
                        flushLiteral(sb, piece, literal);
                    }
                } else {
                    literal.append(c);
                }
            }
            flushLiteral(sb, piece, literal);
        }
        out.add(new Insn.Invoke(InvokeKind.VIRTUAL, pool.method(SB, "toString", "()Ljava/lang/String;"),
                new int[] {sb}, s(base)));
    }

    private void flushLiteral(int sb, int piece, StringBuilder literal) {
        if (literal.length() > 0) {
            out.add(new Insn.ConstString(piece, literal.toString()));
            append(sb, piece, Type.getType(String.class));
            literal.setLength(0);
        }
    }

    private void append(int sb, int value, Type t) {
        String param = switch (t.getSort()) {
            case Type.BOOLEAN -> "Z";
            case Type.CHAR -> "C";
            case Type.BYTE, Type.SHORT, Type.INT -> "I";
            case Type.LONG -> "J";
            case Type.FLOAT -> "F";
            case Type.DOUBLE -> "D";
            default -> t.getDescriptor().equals("Ljava/lang/String;") ? "Ljava/lang/String;" : "Ljava/lang/Object;";
        };
        out.add(new Insn.Invoke(InvokeKind.VIRTUAL, pool.method(SB, "append", "(" + param + ")" + SB),
                new int[] {sb, value}, sb));
    }

    private FieldRef field(FieldInsnNode f) {
        return pool.field(Types.fromClassName(f.owner), f.name, f.desc);
    }

    private String type(String internalNameOrArray) {
        return pool.string(internalNameOrArray.startsWith("[") ? internalNameOrArray
                : Types.fromClassName(internalNameOrArray));
    }

    private static String primitiveArrayElement(int operand) {
        return switch (operand) {
            case Opcodes.T_BOOLEAN -> "Z";
            case Opcodes.T_CHAR -> "C";
            case Opcodes.T_FLOAT -> "F";
            case Opcodes.T_DOUBLE -> "D";
            case Opcodes.T_BYTE -> "B";
            case Opcodes.T_SHORT -> "S";
            case Opcodes.T_INT -> "I";
            case Opcodes.T_LONG -> "J";
            default -> throw new IllegalStateException("bad newarray type " + operand);
        };
    }
}
