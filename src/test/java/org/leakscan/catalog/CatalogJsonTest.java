package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loading rules every catalogue shares, checked once on the helper itself. */
class CatalogJsonTest {

    /** A catalogue that is just its root object, counting how often it is built. */
    private static CatalogJson.CatalogFile<String> file(String name, AtomicInteger builds) {
        return new CatalogJson.CatalogFile<>(name, "test/1", (root, label) -> {
            builds.incrementAndGet();
            return label + " " + root;
        });
    }

    @Test
    void theShippedFileIsBuiltOnceEvenWhenAskedForConcurrently() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CatalogJson.CatalogFile<String> datatypes = new CatalogJson.CatalogFile<>(DataTypeCatalog.FILE_NAME,
                DataTypeCatalog.SCHEMA, (root, label) -> {
                    builds.incrementAndGet();
                    return label;
                });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(datatypes::shipped));
            }
            for (Future<String> f : results) {
                assertSame(results.get(0).get(), f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, builds.get());
        assertEquals(DataTypeCatalog.FILE_NAME, datatypes.shipped());
    }

    @Test
    void aBrokenShippedFileIsACatalogExceptionOnEveryCall() {
        AtomicInteger builds = new AtomicInteger();
        CatalogJson.CatalogFile<String> missing = file("no-such-catalogue.json", builds);
        for (int i = 0; i < 2; i++) {
            CatalogException e = assertThrows(CatalogException.class, missing::shipped);
            assertEquals("no-such-catalogue.json: not found on the classpath at /org/leakscan/signatures/", e.getMessage());
        }
        // A shipped file with another schema fails the same way, naming the file.
        CatalogJson.CatalogFile<String> wrongSchema = file(SinkCatalog.FILE_NAME, builds);
        CatalogException e = assertThrows(CatalogException.class, wrongSchema::shipped);
        assertEquals("sinks.json: \"schema\" must be \"test/1\", found \"leakscan-sinks/1\"", e.getMessage());
        assertEquals(0, builds.get());
    }

    @Test
    void aDirectoryOverridesOnlyWhenItHoldsTheFile(@TempDir Path dir) throws IOException {
        AtomicInteger builds = new AtomicInteger();
        CatalogJson.CatalogFile<String> sinks = new CatalogJson.CatalogFile<>(SinkCatalog.FILE_NAME, SinkCatalog.SCHEMA,
                (root, label) -> {
                    builds.incrementAndGet();
                    return label;
                });
        assertSame(sinks.shipped(), sinks.loadFrom(dir));
        assertEquals(1, builds.get());

        Path file = dir.resolve(SinkCatalog.FILE_NAME);
        Files.writeString(file, "{\"schema\": \"leakscan-sinks/1\"}");
        assertEquals(file.toString(), sinks.loadFrom(dir));
        Files.writeString(file, "{\"schema\": \"leakscan-sinks/1\" /* a comment */}");
        CatalogException e = assertThrows(CatalogException.class, () -> sinks.loadFrom(dir));
        assertTrue(e.getMessage().startsWith(file + ": malformed JSON: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void entryChecksThatThrowIllegalArgumentNameThePlace() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> CatalogJson.entry("x.json: items[3]", () -> SinkKind.fromId("mail")));
        assertEquals("x.json: items[3]: not a sink kind: mail", e.getMessage());
        CatalogException fromGetter = new CatalogException("x.json: items[3]: missing \"api\"");
        assertSame(fromGetter, assertThrows(CatalogException.class, () -> CatalogJson.entry("x.json: items[3]", () -> {
            throw fromGetter;
        })));
    }

    @Test
    void everyLoaderThrowsTheOneTypeForBadContent() {
        List<Runnable> loads = List.of(
                () -> SourceCatalog.load(stream("[]")), () -> DataTypeCatalog.load(stream("[]")),
                () -> SinkCatalog.load(stream("[]")), () -> ModelCatalog.load(stream("[]")),
                () -> PermissionCatalog.load(stream("[]")), () -> ApiPermissionCatalog.load(stream("[]")),
                () -> FrameworkTypes.load(stream("[]")));
        for (Runnable load : loads) {
            CatalogException e = assertThrows(CatalogException.class, load::run);
            assertTrue(e.getMessage().endsWith(": the top level is not a JSON object"), e.getMessage());
        }
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
