package org.leakscan.analysis.taint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.Taint;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodRef;

/**
 * The user's files: shared storage, outside the app's own directories. A file there holds the
 * user's documents, photos and downloads, and a directory listing names them. Where the app names
 * such a file ({@code new File(path)}, a reader opened on a path) or lists such a directory, the
 * file's content (or the listing) gets data type {@value #DATA_TYPE} from that place.
 *
 * <p>A {@code File} keeps what the file holds in {@code @file} ({@link Fields#FILE_DATA}) and its
 * path, with the data the path was made from, in {@code @text}. A stream opened on the file reads
 * the first, and so do the library calls the catalogues say take a file's data
 * ({@link LibraryModels}); what asks the file's path, name or size, or turns it into text, sees
 * only the second. A {@code Uri} made for a file ({@code Uri.fromFile},
 * {@code FileProvider.getUriForFile}) names it the same way.
 *
 * <p>Paths are followed as texts: the roots {@code Environment} returns are named {@value #ROOT},
 * literal {@code /sdcard} and {@code /storage} paths count, and the app's own directories there
 * ({@code Android/data}, {@code Android/obb}, {@code Android/media}) do not. A path that starts with
 * the caller's text is left to the caller.
 */
final class SharedFiles {

    static final String DATA_TYPE = "files.shared-storage";
    /** The text a shared-storage root stands for. */
    static final String ROOT = "/storage/emulated/0";

    private static final String FILE = "Ljava/io/File;";
    private static final List<String> SHARED = List.of("/storage/", "/sdcard", "/mnt/sdcard", "/mnt/extsd",
            "/mnt/external_sd", "/mnt/media_rw/");
    private static final List<String> APP_OWN = List.of("/Android/data/", "/Android/obb/", "/Android/media/");
    /** Readers of a file's content opened on a path. */
    private static final Set<String> READERS = Set.of("Ljava/io/FileInputStream;", "Ljava/io/FileReader;",
            "Ljava/io/RandomAccessFile;");
    /** File methods that name the file: they return its path text. */
    private static final Set<String> PATHS = Set.of("getPath", "getAbsolutePath", "getCanonicalPath", "toString");
    /** File methods that ask about the file, not its content. */
    private static final Set<String> ATTRIBUTES = Set.of("exists", "isFile", "isDirectory", "isHidden", "canRead",
            "canWrite", "canExecute", "length", "lastModified", "delete", "mkdir", "mkdirs", "createNewFile",
            "setReadable", "setWritable", "setExecutable", "setLastModified", "setReadOnly", "deleteOnExit",
            "getFreeSpace", "getTotalSpace", "getUsableSpace", "hashCode", "equals", "compareTo", "renameTo");

    /** Stands for the content of a file whose path only a caller knows (see {@link #contentAt}). */
    private static final MethodRef CONTENT_OF = new MethodRef("Lorg/leakscan/model/SharedFiles;", "contentOf",
            "(Ljava/lang/String;)Ljava/lang/Object;");
    private static final Insn.Invoke CONTENT_OF_CALL = new Insn.Invoke(Insn.InvokeKind.STATIC, CONTENT_OF, new int[] {-1}, -1);

    /** The API that named the file at each place a content was left to the caller. */
    private final Map<Site, String> namedBy = new HashMap<>();

    private final Scope scope;

    SharedFiles(Scope scope) {
        this.scope = scope;
    }

    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        Frame.CallResult r = model(f, site, call, args);
        // A source/sink list that names this call (a FlowDroid-style list naming new File,
        // listFiles or delete) says what it gives; what the model recorded (a path) stays.
        return r != null && catalogued(call.method()) ? null : r;
    }

    private boolean catalogued(MethodRef ref) {
        LibraryModels.Resolved r = scope.library.resolve(ref);
        if (r.sink() != null) {
            return true;
        }
        if (r.sources() != null) {
            for (Source s : r.sources()) {
                if (s.taint().target() != Taint.Target.NONE) {
                    return true; // access evidence alone (getExternalStorageDirectory) gives nothing
                }
            }
        }
        return false;
    }

    private Frame.CallResult model(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String owner = ref.owner();
        String name = ref.name();
        if (owner.equals("Landroid/os/Environment;") && call.isStatic()) {
            return switch (name) {
                case "getExternalStorageDirectory" -> Frame.CallResult.of(file(f, site, ref, Set.of(ROOT)));
                case "getExternalStoragePublicDirectory" ->
                        Frame.CallResult.of(file(f, site, ref, join(Set.of(ROOT), args.length > 0 ? textsOf(f, args[0]) : null)));
                default -> null;
            };
        }
        if (isFileUri(ref) && args.length > 0) {
            // A Uri made for a file names it: whoever is handed the Uri can read the file.
            Value file = args[args.length - 1];
            Value uri = LibraryModels.resultObject(f, site, ref);
            Value path = nameOf(f, file);
            f.write(uri, f.fields.text, path);
            Value data = f.read(file, f.fields.fileData);
            if (!data.isEmpty()) {
                f.write(uri, f.fields.fileData, data);
            }
            return Frame.CallResult.of(uri.join(Value.ofTaint(path.taint())));
        }
        if (owner.equals(FILE) && !call.isStatic() && args.length > 0) {
            return ref.isConstructor() ? construct(f, site, call, args) : query(f, site, call, args);
        }
        if (READERS.contains(owner) && ref.isConstructor() && args.length > 1) {
            Value content = ref.descriptor().startsWith("(Ljava/lang/String;") ? contentAt(f, site, ref, args[1])
                    : ref.descriptor().startsWith("(" + FILE) ? f.read(args[1], f.fields.fileData) : Value.EMPTY;
            if (!content.isEmpty()) {
                f.write(args[0], f.fields.content, content);
            }
            return null; // the app's own files are read too (Stores)
        }
        if (owner.equals(CONTENT_OF.owner()) && args.length == 1) {
            String api = namedBy.get(site);
            return api == null ? Frame.CallResult.NOTHING : Frame.CallResult.of(contentAt(f, site, api, args[0]));
        }
        return null;
    }

    /**
     * What a file named at {@code site} by {@code path} holds: the user's file when the path is
     * shared; when that is the caller's to say, a call left to the caller that works it out there.
     */
    private Value contentAt(Frame f, Site site, MethodRef api, Value path) {
        return contentAt(f, site, api.toString(), path);
    }

    private Value contentAt(Frame f, Site site, String api, Value path) {
        Set<String> texts = textsOf(f, path);
        if (isShared(texts)) {
            return Value.ofTaint(f.label(DATA_TYPE, api, site));
        }
        if (!leftToCaller(f, path, texts)) {
            return Value.EMPTY;
        }
        namedBy.put(site, api);
        return f.defer(site, CONTENT_OF_CALL, new Value[] {Value.ofConstants(texts, false)}).value();
    }

    /** {@code new File(...)}: records its path, and names a user's file when the path is shared. */
    private Frame.CallResult construct(Frame f, Site site, Insn.Invoke call, Value[] args) {
        String d = call.method().descriptor();
        Set<String> path;
        if (d.equals("(Ljava/lang/String;)V") && args.length == 2) {
            path = textsOf(f, args[1]);
        } else if ((d.equals("(Ljava/io/File;Ljava/lang/String;)V") || d.equals("(Ljava/lang/String;Ljava/lang/String;)V"))
                && args.length == 3) {
            path = join(textsOf(f, args[1]), textsOf(f, args[2]));
        } else {
            return null;
        }
        // The data its path was made from (a parent's name, not a parent's own content): the file
        // is named here, once.
        TaintSet carried = TaintSet.EMPTY;
        for (int k = 1; k < args.length; k++) {
            carried = carried.union(args[k].objects().isEmpty() ? args[k].taint() : nameOf(f, args[k]).taint());
        }
        f.write(args[0], f.fields.text, Value.ofConstants(path, false).join(Value.ofTaint(carried)));
        Value content = contentAt(f, site, call.method(), Value.ofConstants(path, false));
        if (!content.isEmpty()) {
            f.write(args[0], f.fields.fileData, content);
        }
        return Frame.CallResult.NOTHING;
    }

    /** A call on a {@code File}: its path, its listing, or a question about it. */
    private Frame.CallResult query(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String name = ref.name();
        Value file = args[0];
        if (PATHS.contains(name) && ref.returnType().equals("Ljava/lang/String;")) {
            return Frame.CallResult.of(nameOf(f, file));
        }
        if ((name.equals("getAbsoluteFile") || name.equals("getCanonicalFile")) && ref.returnType().equals(FILE)) {
            return Frame.CallResult.of(file);
        }
        if (name.equals("getName") || name.equals("getParent")) {
            return Frame.CallResult.of(Value.ofTaint(nameOf(f, file).taint()));
        }
        if (ATTRIBUTES.contains(name)) {
            return Frame.CallResult.NOTHING;
        }
        boolean files = name.equals("listFiles") && ref.returnType().equals("[Ljava/io/File;");
        boolean names = name.equals("list") && ref.returnType().equals("[Ljava/lang/String;");
        if (!files && !names) {
            return null;
        }
        Set<String> dir = textsOf(f, file);
        if (leftToCaller(f, file, dir)) {
            return catalogued(ref) ? null : f.defer(site, call, args);
        }
        Value array = LibraryModels.resultObject(f, site, ref);
        TaintSet listed = isShared(dir) ? f.label(DATA_TYPE, ref.toString(), site) : TaintSet.EMPTY;
        TaintSet named = nameOf(f, file).taint().union(listed);
        Set<String> children = join(dir, Set.of(StringValues.UNKNOWN));
        if (files) {
            Node child = f.newObject(site, "element", Node.Kind.RESULT, FILE, false);
            Value element = Value.ofObject(child.id());
            f.write(element, f.fields.text, Value.ofConstants(children, false).join(Value.ofTaint(named)));
            f.write(element, f.fields.fileData, Value.ofTaint(listed));
            f.write(array, f.fields.elements, element);
        } else {
            f.write(array, f.fields.elements, Value.ofTaint(named).join(Value.ofConstants(children, false)));
        }
        return Frame.CallResult.of(array.join(Value.ofTaint(listed)));
    }

    /** {@code Uri.fromFile(file)}, {@code FileProvider.getUriForFile(context, authority, file)}. */
    private static boolean isFileUri(MethodRef ref) {
        String d = ref.descriptor();
        return (ref.owner().equals("Landroid/net/Uri;") && ref.name().equals("fromFile")
                && d.equals("(Ljava/io/File;)Landroid/net/Uri;"))
                || (ref.owner().endsWith("/content/FileProvider;") && ref.name().equals("getUriForFile")
                && d.startsWith("(Landroid/content/Context;Ljava/lang/String;Ljava/io/File;"));
    }

    /** A new {@code File} result with the given path texts. */
    private static Value file(Frame f, Site site, MethodRef ref, Set<String> path) {
        Value v = LibraryModels.resultObject(f, site, ref);
        f.write(v, f.fields.text, Value.ofConstants(path, false));
        return v;
    }

    /**
     * A file's name: its path texts and the data the path was made from, kept in {@code @text}
     * apart from the file's content (a shared file's label stays with what reads the file).
     */
    private static Value nameOf(Frame f, Value file) {
        Value t = f.read(file, f.fields.text);
        return StringValues.keepTexts(t).join(Value.ofTaint(t.taint()));
    }

    /** The texts a string or a {@code File} names; {@link StringValues#UNKNOWN} when it names none. */
    private static Set<String> textsOf(Frame f, Value v) {
        Set<String> texts = Destinations.textValue(f, v).texts();
        return texts.isEmpty() ? Set.of(StringValues.UNKNOWN) : texts;
    }

    /** Every {@code parent/child} pairing, as far as the constant bound allows. */
    private static Set<String> join(Set<String> parents, Set<String> children) {
        Set<String> out = new TreeSet<>();
        if (children == null) {
            for (String p : parents) {
                out.add(p + "/" + StringValues.UNKNOWN);
            }
            return out;
        }
        for (String p : parents) {
            for (String c : children) {
                out.add(p.endsWith("/") || c.startsWith("/") ? p + c : p + "/" + c);
                if (out.size() > Value.MAX_CONSTANTS) {
                    return Set.of(StringValues.UNKNOWN);
                }
            }
        }
        return out;
    }

    /** True when some path is in shared storage and outside the app's own directories there. */
    static boolean isShared(Set<String> paths) {
        for (String p : paths) {
            if (SHARED.stream().anyMatch(p::startsWith) && APP_OWN.stream().noneMatch(p::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when whether the path is shared is the caller's to say: it starts with the caller's
     * text (a parameter, a field of the caller's object) and nothing here already makes it shared.
     */
    private static boolean leftToCaller(Frame f, Value v, Set<String> path) {
        if (isShared(path) || !f.isSymbolic(v)) {
            return false;
        }
        for (String p : path) {
            if (!p.isEmpty() && (p.charAt(0) == Symbols.HOLE || p.startsWith(StringValues.UNKNOWN))) {
                return true;
            }
        }
        return false;
    }
}
