package org.leakscan.bytecode.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.OutputMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.bytecode.RefPool;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.CodeFile;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;

/**
 * {@code MethodHandle.invokeExact} is signature-polymorphic: the DEX {@code invoke-polymorphic}
 * passes registers for the call site's prototype ({@code (String, long)} here, a wide value
 * included), not for the declared {@code Object...}. Written by D8 itself at API 26.
 */
class PolymorphicInvokeTest {

    private static final String SOURCE = """
            package p;
            import java.lang.invoke.MethodHandle;
            public class H {
                public static String call(MethodHandle h, String a, long b) throws Throwable {
                    return (String) h.invokeExact(a, b);
                }
            }
            """;

    @Test
    void theCallSitePrototypeDecidesTheArguments(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/p")).resolve("H.java");
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--release", "11", src.toString()));
        Path out = Files.createDirectories(dir.resolve("dex"));
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        D8.run(D8Command.builder().addProgramFiles(classFiles).setMinApiLevel(26)
                .setMode(CompilationMode.RELEASE).setOutput(out, OutputMode.DexIndexed).build());

        Diagnostics diagnostics = new Diagnostics("classes.dex");
        List<ClassDef> read = new DexFrontEnd(new RefPool())
                .read(new CodeFile("classes.dex", Files.readAllBytes(out.resolve("classes.dex"))), diagnostics);
        assertEquals(List.of(), diagnostics.errors());
        MethodDef call = read.get(0).methods().stream().filter(m -> m.ref().name().equals("call")).findFirst()
                .orElseThrow();
        assertTrue(call.body() != null, "body decoded");
        List<Insn.Invoke> invokes = call.body().insns().stream().filter(Insn.Invoke.class::isInstance)
                .map(Insn.Invoke.class::cast).filter(i -> i.method().name().equals("invokeExact")).toList();
        assertEquals(1, invokes.size(), call.body().insns().toString());
        // the handle, the String and the long (one argument for its register pair)
        assertEquals(3, invokes.get(0).args().length);
    }
}
