package org.leakscan.catalog.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A tiny framework jar written with ASM, one class per filter case, so the generators can be
 * tested without the 138 MB android-all jar.
 */
final class SyntheticFrameworkJar {

    static final String RP = "Landroid/annotation/RequiresPermission;";
    private static final int PUBLIC = Opcodes.ACC_PUBLIC;

    private SyntheticFrameworkJar() {
    }

    /** Writes the jar as {@code dir/android-all-99-test.jar}. */
    static Path write(Path dir) throws IOException {
        Path jar = dir.resolve("android-all-99-test.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("build.prop"));
            zip.write("ro.build.version.sdk=99\n".getBytes(StandardCharsets.UTF_8));

            put(zip, type("android/os/IInterface", PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, "java/lang/Object"));
            // The annotation type with CLASS retention, as from API 31: the class files are read.
            put(zip, type("android/annotation/RequiresPermission",
                    PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION, "java/lang/Object",
                    "java/lang/annotation/Annotation"), cw -> {
                AnnotationVisitor retention = cw.visitAnnotation("Ljava/lang/annotation/Retention;", true);
                retention.visitEnum("value", "Ljava/lang/annotation/RetentionPolicy;", "CLASS");
                retention.visitEnd();
            });
            put(zip, type("android/Manifest", PUBLIC, "java/lang/Object"), cw ->
                    cw.visitInnerClass("android/Manifest$permission", "android/Manifest", "permission",
                            PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL));
            put(zip, type("android/Manifest$permission", PUBLIC | Opcodes.ACC_FINAL, "java/lang/Object"), cw -> {
                cw.visitInnerClass("android/Manifest$permission", "android/Manifest", "permission",
                        PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL);
                cw.visitField(PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "READ_PHONE_STATE", "Ljava/lang/String;",
                        null, "android.permission.READ_PHONE_STATE").visitEnd();
            });
            put(zip, type("android/telephony/Listener", PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, "java/lang/Object"));
            put(zip, type("android/telephony/Listener2", PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, "java/lang/Object"));
            put(zip, type("com/android/internal/HiddenI", PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
                    "java/lang/Object", "android/telephony/Listener2"));
            put(zip, type("com/android/internal/Base", PUBLIC, "java/lang/Object", "android/telephony/Listener",
                    "com/android/internal/HiddenI"), cw -> method(cw, PUBLIC, "internal", "()V", "p.INTERNAL"));

            put(zip, type("android/telephony/Fake", PUBLIC, "com/android/internal/Base"), cw -> {
                cw.visitInnerClass("android/telephony/Fake$Hidden", "android/telephony/Fake", "Hidden",
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC);
                cw.visitInnerClass("android/telephony/Fake$Open", "android/telephony/Fake", "Open",
                        PUBLIC | Opcodes.ACC_STATIC);
                method(cw, PUBLIC, "id", "()Ljava/lang/String;", "android.permission.READ_PHONE_STATE");
                MethodVisitor any = cw.visitMethod(PUBLIC, "any", "(Ljava/util/List;)V", null, null);
                AnnotationVisitor a = any.visitAnnotation(RP, false);
                AnnotationVisitor list = a.visitArray("anyOf");
                list.visit(null, "p.B");
                list.visit(null, "p.A");
                list.visitEnd();
                a.visit("conditional", true);
                a.visitEnd();
                any.visitEnd();
                MethodVisitor both = cw.visitMethod(PUBLIC, "<init>", "()V", null, null);
                AnnotationVisitor b = both.visitAnnotation(RP, false);
                AnnotationVisitor all = b.visitArray("allOf");
                all.visit(null, "p.FGS");
                all.visitEnd();
                AnnotationVisitor some = b.visitArray("anyOf");
                some.visit(null, "p.CAMERA");
                some.visitEnd();
                b.visitEnd();
                both.visitEnd();
                method(cw, PUBLIC, "sys", "()V", "p.SYS").visitAnnotation("Landroid/annotation/SystemApi;", true).visitEnd();
                method(cw, 0, "packagePrivate", "()V", "p.PKG");
                method(cw, PUBLIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE, "bridge", "()V", "p.BRIDGE");
                method(cw, PUBLIC, "uau", "()V", "p.UAU")
                        .visitAnnotation("Landroid/compat/annotation/UnsupportedAppUsage;", false).visitEnd();
                method(cw, PUBLIC, "hiddenSignature", "(Lcom/android/internal/Base;)V", "p.SIG");
                method(cw, PUBLIC, "jdkSignature", "(Ljava/net/URL;)V", "p.JDK");
                MethodVisitor empty = cw.visitMethod(PUBLIC, "empty", "()V", null, null);
                empty.visitAnnotation(RP, false).visitEnd();
                empty.visitEnd();
                FieldVisitor uri = cw.visitField(PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "CONTENT_URI",
                        "Ljava/lang/String;", null, null);
                AnnotationVisitor read = uri.visitAnnotation("Landroid/annotation/RequiresPermission$Read;", false);
                AnnotationVisitor readValue = read.visitAnnotation("value", RP);
                readValue.visit("value", "p.READ");
                readValue.visitEnd();
                read.visitEnd();
                AnnotationVisitor write = uri.visitAnnotation("Landroid/annotation/RequiresPermission$Write;", false);
                AnnotationVisitor inner = write.visitAnnotation("value", RP);
                AnnotationVisitor w = inner.visitArray("allOf");
                w.visit(null, "p.WRITE");
                w.visitEnd();
                inner.visitEnd();
                write.visitEnd();
                uri.visitEnd();
            });
            put(zip, type("android/telephony/Fake$Hidden", Opcodes.ACC_SUPER, "java/lang/Object"), cw -> {
                cw.visitInnerClass("android/telephony/Fake$Hidden", "android/telephony/Fake", "Hidden",
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC);
                method(cw, PUBLIC, "inHidden", "()V", "p.HIDDEN");
            });
            put(zip, type("android/telephony/Fake$Open", PUBLIC, "java/lang/Object"), cw -> {
                cw.visitInnerClass("android/telephony/Fake$Open", "android/telephony/Fake", "Open",
                        PUBLIC | Opcodes.ACC_STATIC);
                method(cw, Opcodes.ACC_PROTECTED, "inOpen", "()V", "p.OPEN");
            });
            put(zip, type("android/telephony/IFake", PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
                    "java/lang/Object", "android/os/IInterface"),
                    cw -> method(cw, PUBLIC | Opcodes.ACC_ABSTRACT, "remote", "()V", "p.AIDL"));
            put(zip, type("android/telephony/SystemOnly", PUBLIC, "java/lang/Object"), cw -> {
                cw.visitAnnotation("Landroid/annotation/SystemApi;", true).visitEnd();
                method(cw, PUBLIC, "system", "()V", "p.SYSCLASS");
            });
        }
        return jar;
    }

    private static ClassWriter type(String name, int access, String superName, String... interfaces) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, access, name, null, superName, interfaces.length == 0 ? null : interfaces);
        return cw;
    }

    private static MethodVisitor method(ClassWriter cw, int access, String name, String desc, String permission) {
        MethodVisitor mv = cw.visitMethod(access, name, desc, null, null);
        AnnotationVisitor a = mv.visitAnnotation(RP, false);
        a.visit("value", permission);
        a.visitEnd();
        return mv;
    }

    private static void put(JarOutputStream zip, ClassWriter cw) throws IOException {
        put(zip, cw, c -> {
        });
    }

    private static void put(JarOutputStream zip, ClassWriter cw, Consumer<ClassWriter> body) throws IOException {
        body.accept(cw);
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        String name = new org.objectweb.asm.ClassReader(bytes).getClassName();
        zip.putNextEntry(new ZipEntry(name + ".class"));
        zip.write(bytes);
    }
}
