package org.leakscan.bytecode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.leakscan.bytecode.dex.DexFrontEnd;
import org.leakscan.bytecode.jvm.JvmFrontEnd;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.AppPackage;
import org.leakscan.input.CodeFile;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Program;

/**
 * Decodes all code of an {@link AppPackage} into one {@link Program}: DEX files through
 * {@link DexFrontEnd}, class files through {@link JvmFrontEnd}, in parallel on the given executor
 * (slices of each DEX file's class table, batches of class files).
 * A code unit that cannot be decoded is recorded in {@link Diagnostics}; the others still load.
 * Load order is kept (DEX files in Android's order, then class files), so the first definition of
 * a duplicated class wins as it would on a device.
 */
public final class ProgramLoader {

    /** Class files are decoded in batches of this many per task: one task per file costs more than it saves. */
    private static final int CLASS_BATCH = 256;
    /** DEX classes are decoded in slices of this many per task, for the same reason. */
    private static final int DEX_CLASS_SLICE = 512;

    private final ExecutorService executor;
    private final boolean annotations;

    public ProgramLoader(ExecutorService executor) {
        this(executor, true);
    }

    /** @param annotations whether DEX annotations are read (see {@link DexFrontEnd#DexFrontEnd(RefPool, boolean)}) */
    public ProgramLoader(ExecutorService executor, boolean annotations) {
        this.executor = executor;
        this.annotations = annotations;
    }

    public Program load(AppPackage app, Diagnostics diagnostics) {
        RefPool pool = new RefPool();
        List<Future<List<ClassDef>>> parts = new ArrayList<>();
        DexFrontEnd dex = new DexFrontEnd(pool, annotations);
        for (CodeFile f : app.dexFiles()) {
            List<DexFrontEnd.Opened> sections;
            try {
                sections = dex.openClasses(f);
            } catch (MalformedCodeException e) {
                diagnostics.unit(Stage.BYTECODE, f.name(), e.getMessage());
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                diagnostics.unit(Stage.BYTECODE, f.name(), "cannot decode (" + e + ")");
                continue;
            }
            // Slices of one file's class table, so a single big DEX file keeps every core busy.
            for (DexFrontEnd.Opened opened : sections) {
                int count = opened.classCount();
                for (int start = 0; start < count; start += DEX_CLASS_SLICE) {
                    int from = start;
                    int to = Math.min(count, start + DEX_CLASS_SLICE);
                    parts.add(executor.submit(guard(f.name(), diagnostics, () -> opened.read(from, to, diagnostics))));
                }
            }
        }
        JvmFrontEnd jvm = new JvmFrontEnd(pool);
        List<CodeFile> classFiles = app.classFiles();
        for (int start = 0; start < classFiles.size(); start += CLASS_BATCH) {
            List<CodeFile> batch = classFiles.subList(start, Math.min(classFiles.size(), start + CLASS_BATCH));
            parts.add(executor.submit(() -> {
                List<ClassDef> out = new ArrayList<>();
                for (CodeFile f : batch) {
                    try {
                        out.add(jvm.read(f, diagnostics));
                    } catch (MalformedCodeException | RuntimeException e) {
                        diagnostics.unit(Stage.BYTECODE, f.name(), e.getMessage());
                    }
                }
                return out;
            }));
        }
        List<ClassDef> all = new ArrayList<>();
        for (Future<List<ClassDef>> part : parts) {
            try {
                all.addAll(part.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while decoding code", e);
            } catch (ExecutionException e) {
                // guard() catches everything a unit can throw; this is a bug, not bad input.
                throw new IllegalStateException("decoder failed", e.getCause());
            }
        }
        return new Program(all);
    }

    private static Callable<List<ClassDef>> guard(String unit, Diagnostics diagnostics,
                                                  Callable<List<ClassDef>> task) {
        return () -> {
            try {
                return task.call();
            } catch (MalformedCodeException e) {
                diagnostics.unit(Stage.BYTECODE, unit, e.getMessage());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                diagnostics.unit(Stage.BYTECODE, unit, "cannot decode (" + e + ")");
            }
            return List.of();
        };
    }
}
