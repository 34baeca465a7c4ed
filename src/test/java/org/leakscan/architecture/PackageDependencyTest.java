package org.leakscan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * Data flows one way: each pipeline stage may use only the stages before it. Reads the compiled
 * classes with ASM and fails on any reference to a later stage.
 */
class PackageDependencyTest {

    /** Package (under org.leakscan) to the packages it may use besides itself. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "diagnostics", Set.of(),
            "program", Set.of(),
            "input", Set.of("diagnostics"),
            "android", Set.of("diagnostics", "input"),
            "bytecode", Set.of("diagnostics", "input", "program"),
            "catalog", Set.of("program"),
            "analysis", Set.of("diagnostics", "input", "android", "bytecode", "program", "catalog"),
            "report", Set.of("diagnostics", "input", "android", "bytecode", "program", "catalog", "analysis"),
            "cli", Set.of("diagnostics", "input", "android", "bytecode", "program", "catalog", "analysis", "report"));

    static String stageOf(String internalName) {
        if (!internalName.startsWith("org/leakscan/")) {
            return null;
        }
        String rest = internalName.substring("org/leakscan/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(0, slash);
    }

    @Test
    void noStageUsesALaterOne() throws IOException {
        Path classes = JsonSchemaAssert.projectDir().resolve("target/classes/org/leakscan");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() > 50, "compiled classes found: " + files.size());
        List<String> violations = new ArrayList<>();
        for (Path f : files) {
            ClassNode node = new ClassNode();
            Set<String> referenced = new TreeSet<>();
            new ClassReader(Files.readAllBytes(f)).accept(new ClassRemapper(node, new Remapper() {
                @Override
                public String map(String internalName) {
                    referenced.add(internalName);
                    return internalName;
                }
            }), 0);
            String from = stageOf(node.name);
            if (from == null || from.isEmpty()) {
                continue;
            }
            Set<String> allowed = ALLOWED.get(from);
            assertTrue(allowed != null, "package org.leakscan." + from + " has no rule in this test");
            for (String r : referenced) {
                String to = stageOf(r);
                if (to == null || to.isEmpty() || to.equals(from) || allowed.contains(to)) {
                    continue;
                }
                // The catalogue generators are tools run on demand; they read Android's formats.
                if (node.name.startsWith("org/leakscan/catalog/generate/") && to.equals("android")) {
                    continue;
                }
                violations.add(node.name + " -> " + r);
            }
        }
        assertEquals(List.of(), violations);
    }
}
