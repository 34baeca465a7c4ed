package org.leakscan.bytecode.jvm;

import org.leakscan.diagnostics.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.bytecode.MalformedCodeException;
import org.leakscan.bytecode.RefPool;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.CodeFile;
import org.leakscan.program.Annotation;
import org.leakscan.program.ClassDef;
import org.leakscan.program.FieldDef;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Reads JVM class files with ASM into {@link ClassDef}s; method bodies go through
 * {@link StackToRegisters}. Each class and method is decoded on its own, so one bad method costs
 * only itself.
 */
public final class JvmFrontEnd {

    private final RefPool pool;

    public JvmFrontEnd(RefPool pool) {
        this.pool = pool;
    }

    /** Decodes one class file. */
    public ClassDef read(CodeFile file, Diagnostics diagnostics) throws MalformedCodeException {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(file.bytes()).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MalformedCodeException("bad class file: " + Messages.oneLine(e), e);
        }
        String type = pool.string(Types.fromClassName(node.name));
        List<String> interfaces = new ArrayList<>();
        for (String i : node.interfaces) {
            interfaces.add(pool.string(Types.fromClassName(i)));
        }
        List<FieldDef> fields = new ArrayList<>();
        for (FieldNode f : node.fields) {
            fields.add(new FieldDef(pool.field(type, f.name, f.desc), f.access & 0xffff, f.value,
                    annotations(f.visibleAnnotations, f.invisibleAnnotations)));
        }
        List<MethodDef> methods = new ArrayList<>();
        for (MethodNode m : node.methods) {
            methods.add(method(node, type, m, file.name(), diagnostics));
        }
        String superType = node.superName == null ? null : pool.string(Types.fromClassName(node.superName));
        // Keep the flags DEX would: ACC_SUPER (0x20) is JVM-only and means nothing to us.
        int access = node.access & 0xffff & ~Opcodes.ACC_SUPER;
        return new ClassDef(type, superType, interfaces, access, file.name(), fields, methods,
                annotations(node.visibleAnnotations, node.invisibleAnnotations));
    }

    private MethodDef method(ClassNode owner, String type, MethodNode m, String origin, Diagnostics diagnostics) {
        MethodRef ref = pool.method(type, m.name, m.desc);
        MethodBody body = null;
        String failure = null;
        if (m.instructions.size() > 0) {
            try {
                MethodNode code = m;
                if (hasJsr(m)) {
                    // Old javac output (before class version 50) uses subroutines; inline them first.
                    JSRInlinerAdapter inliner = new JSRInlinerAdapter(null, m.access, m.name, m.desc, m.signature,
                            m.exceptions == null ? null : m.exceptions.toArray(new String[0]));
                    m.accept(inliner);
                    code = inliner;
                }
                body = new StackToRegisters(pool, owner.name, code).convert();
            } catch (Exception | StackOverflowError e) {
                failure = Messages.oneLine(e);
                diagnostics.member(Stage.BYTECODE, origin, Types.toJavaName(type), ref.signature(),
                        "method not decoded: " + failure);
            }
        }
        List<List<Annotation>> params = new ArrayList<>();
        boolean any = false;
        int n = Type.getArgumentTypes(m.desc).length;
        for (int i = 0; i < n; i++) {
            List<Annotation> a = annotations(
                    m.visibleParameterAnnotations == null || i >= m.visibleParameterAnnotations.length ? null
                            : m.visibleParameterAnnotations[i],
                    m.invisibleParameterAnnotations == null || i >= m.invisibleParameterAnnotations.length ? null
                            : m.invisibleParameterAnnotations[i]);
            any |= !a.isEmpty();
            params.add(a);
        }
        // ACC_VARARGS/ACC_BRIDGE share bits with DEX's; drop JVM-only high bits.
        org.leakscan.program.MethodCode code = body != null
                ? org.leakscan.program.MethodCode.decoded(body, instructionCount(m))
                : failure != null ? org.leakscan.program.MethodCode.failed(failure) : null;
        return new MethodDef(ref, m.access & 0xffff, annotations(m.visibleAnnotations, m.invisibleAnnotations),
                any ? params : List.of(), code);
    }

    /** JVM instructions, without ASM's labels, line numbers and frames. */
    private static int instructionCount(MethodNode m) {
        int n = 0;
        for (var insn : m.instructions) {
            if (insn.getOpcode() >= 0) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasJsr(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    private List<Annotation> annotations(List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        if ((visible == null || visible.isEmpty()) && (invisible == null || invisible.isEmpty())) {
            return List.of();
        }
        List<Annotation> out = new ArrayList<>();
        for (List<AnnotationNode> list : List.of(visible == null ? List.<AnnotationNode>of() : visible,
                invisible == null ? List.<AnnotationNode>of() : invisible)) {
            for (AnnotationNode a : list) {
                out.add(annotation(a));
            }
        }
        return out;
    }

    private Annotation annotation(AnnotationNode a) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (a.values != null) {
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                Object v = value(a.values.get(i + 1));
                if (v != null) {
                    values.put((String) a.values.get(i), v);
                }
            }
        }
        return new Annotation(pool.string(a.desc), values);
    }

    private Object value(Object v) {
        if (v instanceof AnnotationNode n) {
            return annotation(n);
        }
        if (v instanceof Type t) {
            return t.getDescriptor();
        }
        if (v instanceof String[] e) {
            return e[1];
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                Object x = value(o);
                if (x != null) {
                    out.add(x);
                }
            }
            return List.copyOf(out);
        }
        if (v instanceof Character c) {
            return (int) c;
        }
        if (v instanceof Short s) {
            return (int) s;
        }
        if (v instanceof Byte b) {
            return (int) b;
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            int len = java.lang.reflect.Array.getLength(v);
            for (int i = 0; i < len; i++) {
                out.add(value(java.lang.reflect.Array.get(v, i)));
            }
            return List.copyOf(out);
        }
        return v;
    }

}
