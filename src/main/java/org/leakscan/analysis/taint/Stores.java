package org.leakscan.analysis.taint;

import java.util.Set;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodRef;

/**
 * Where an app keeps data and reads it back: shared preferences (one keyed store per file name),
 * its files (one store: what is written to a file can be read from a file), string resources
 * ({@code getString(R.string.x)} from {@code resources.arsc}), and class loaders (code loaded at run
 * time, which the analysis cannot see).
 */
final class Stores {

    private static final Set<String> FILE_READERS = Set.of("Ljava/io/FileInputStream;", "Ljava/io/FileReader;",
            "Ljava/io/RandomAccessFile;");

    private final Scope scope;

    Stores(Scope scope) {
        this.scope = scope;
    }

    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String name = ref.name();
        String owner = ref.owner();
        boolean isStatic = call.isStatic();
        if (!isStatic && name.equals("<init>") && FILE_READERS.contains(owner)) {
            f.write(args[0], f.fields.content, f.read(Intents.files(f), f.fields.content));
            return null;
        }
        if (!isStatic && name.equals("openFileInput") && ref.descriptor().equals("(Ljava/lang/String;)Ljava/io/FileInputStream;")) {
            Value stream = LibraryModels.resultObject(f, site, ref);
            f.write(stream, f.fields.content, f.read(Intents.files(f), f.fields.content));
            return Frame.CallResult.of(stream);
        }
        if (name.equals("<init>") && owner.endsWith("ClassLoader;") && owner.startsWith("Ldalvik/system/")) {
            scope.unanalysed("dynamic-code", scope.where(site.method()));
            return null;
        }
        if ((name.equals("getSharedPreferences") && ref.descriptor().startsWith("(Ljava/lang/String;"))
                || name.equals("getDefaultSharedPreferences") || (name.equals("getPreferences")
                && ref.descriptor().equals("(I)Landroid/content/SharedPreferences;"))) {
            boolean named = name.equals("getSharedPreferences") && args.length > 1;
            if (named && args[1].strings().isEmpty() && f.isSymbolic(args[1])) {
                return f.defer(site, call, args);
            }
            String file = named && args[1].singleConstant() != null && StringValues.isComplete(args[1].singleConstant())
                    ? args[1].singleConstant() : "default";
            return Frame.CallResult.of(Value.ofObject(f.global("prefs:" + file, "Landroid/content/SharedPreferences;").id()));
        }
        if (owner.equals("Landroid/content/SharedPreferences;") && name.equals("edit")) {
            return Frame.CallResult.of(args[0]); // edits write the same store
        }
        if ((name.equals("getString") || name.equals("getText")) && ref.descriptor().startsWith("(I)")
                && !isStatic && args.length == 2 && looksUpResources(owner)) {
            if (args[1].intConstant() == null) {
                return f.isSymbolic(args[1]) ? f.defer(site, call, args) : null;
            }
            // Context/Resources.getString(R.string.x): the text is in resources.arsc.
            String text = scope.app.resourceString().apply(args[1].intConstant().intValue());
            return text == null ? null : Frame.CallResult.of(Value.ofConstant(text));
        }
        return null;
    }

    /**
     * Whether {@code getString(int)} on this type takes a resource id: a context, the resources, a
     * fragment. A cursor's, a JSON array's or a typed array's takes a position, and deferring such
     * a read to the caller over a column index would leave it unresolved.
     */
    private boolean looksUpResources(String owner) {
        for (String t : RESOURCE_OWNERS) {
            if (owner.equals(t) || scope.hierarchy.isSubtype(owner, t)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.List<String> RESOURCE_OWNERS = java.util.List.of("Landroid/content/Context;",
            "Landroid/content/res/Resources;", "Landroid/app/Fragment;", "Landroidx/fragment/app/Fragment;",
            "Landroid/support/v4/app/Fragment;");
}
