package org.leakscan.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.AppPackage;
import org.leakscan.input.PackageReader;
import org.leakscan.program.Program;

/**
 * The ASM front-end decodes real class files written by many compilers (javac at several
 * versions, kotlinc, code generators): every library jar on the test classpath, tens of thousands
 * of methods, must decode without a single failure.
 */
class JvmFrontEndTest {

    @Test
    void everyMethodOfRealJarsDecodes() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            int methods = 0;
            int jars = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!entry.endsWith(".jar") || !Files.isRegularFile(p) || entry.contains("android-4.1.1.4")) {
                    continue;
                }
                AppPackage app;
                try {
                    app = new PackageReader().read(p);
                } catch (org.leakscan.input.UnsupportedContainerException noClasses) {
                    continue; // resource-only jars
                }
                Diagnostics d = new Diagnostics(entry);
                Program program = new ProgramLoader(executor).load(app, d);
                assertEquals(List.of(), d.errors(), entry);
                methods += program.methodCount();
                jars++;
            }
            assertTrue(jars >= 10, "jars decoded: " + jars);
            assertTrue(methods > 100_000, "methods decoded: " + methods);
        } finally {
            executor.shutdownNow();
        }
    }
}
