package org.leakscan.catalog.generate;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.leakscan.catalog.PermissionRequirement;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The {@code @RequiresPermission} annotations of one Android release read from its Java sources,
 * for the releases whose class files do not keep them (the annotation had SOURCE retention up to
 * API 30). Robolectric publishes the sources beside each {@code android-all} jar. Only files that
 * mention {@code RequiresPermission} are parsed (javac's parser, no attribution); each annotated
 * member is matched to its member in the same release's class files by name and parameter types
 * (simple names, type variables matching any reference type), which gives its DEX descriptor.
 *
 * <p>A member counts as public SDK when it and its enclosing classes are public or protected (or
 * members of an interface), carry no {@code @hide} or {@code @removed} Javadoc tag and no
 * {@code @SystemApi}/{@code @TestApi}, and pass {@link PublicSdk}'s class-file filters. Permission
 * names written as constants ({@code Manifest.permission.READ_PHONE_STATE}, a constant of the same
 * class, a statically imported one) are resolved through the constant values in the class files.
 */
final class SourceAnnotations {

    /** Why an annotated member was left out, in the order checked. */
    enum Drop {
        NOT_SDK_SOURCE("not-public-in-source", "private or package-private, or @hide/@removed/@SystemApi/@TestApi in source"),
        NO_CLASS_FILE("no-class-file", "no matching member in the release's class files"),
        NOT_SDK_CLASS_FILE("not-sdk-in-class-files", "left out by the class-file filters of the bytecode reader"),
        NO_PERMISSION("no-permission", "no permission name could be resolved");

        final String id;
        final String description;

        Drop(String id, String description) {
            this.id = id;
            this.description = description;
        }
    }

    /**
     * What one release's sources say.
     *
     * @param annotated  members carrying an annotation in SDK packages
     * @param entries    kept entries by DEX descriptor
     * @param dropped    members left out, by reason
     * @param unresolved permission expressions that could not be resolved to a name (for review)
     * @param hidden     descriptors of annotated members that are not public SDK in source (Javadoc
     *                   {@code @hide} and the like), for filtering what the class files of the same
     *                   release say
     */
    record Result(int annotated, Map<String, ApiPermissionMap.Entry> entries, Map<Drop, Integer> dropped,
                  List<String> unresolved, Set<String> hidden) {
    }

    private static final Set<String> HIDING_ANNOTATIONS = Set.of("SystemApi", "TestApi");

    private final FrameworkJar binary;
    private final PublicSdk sdk;
    private final ClassNode manifestPermission;
    private final Map<String, ApiPermissionMap.Entry> entries = new TreeMap<>();
    private final Map<Drop, Integer> dropped = new EnumMap<>(Drop.class);
    private final List<String> unresolved = new ArrayList<>();
    private final Set<String> hidden = new TreeSet<>();
    private int annotated;

    private SourceAnnotations(FrameworkJar binary) {
        this.binary = binary;
        this.sdk = new PublicSdk(binary::get, null);
        this.manifestPermission = binary.get("android/Manifest$permission");
    }

    /** Reads every annotated member of {@code sourcesJar}, matched against {@code binary} (same release). */
    static Result read(Path sourcesJar, FrameworkJar binary) throws IOException {
        SourceAnnotations reader = new SourceAnnotations(binary);
        List<JavaFileObject> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(sourcesJar.toFile())) {
            List<? extends ZipEntry> names = zip.stream()
                    .filter(e -> e.getName().endsWith(".java"))
                    .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry e : names) {
                String text;
                try (InputStream in = zip.getInputStream(e)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (text.contains("RequiresPermission")) {
                    files.add(new Source(e.getName(), text));
                }
            }
        }
        reader.parse(files);
        return new Result(reader.annotated, reader.entries, reader.dropped, reader.unresolved, reader.hidden);
    }

    /** Reads annotated members from in-memory sources (tests). */
    static Result read(Map<String, String> sources, FrameworkJar binary) {
        SourceAnnotations reader = new SourceAnnotations(binary);
        List<JavaFileObject> files = new ArrayList<>();
        new TreeMap<>(sources).forEach((name, text) -> files.add(new Source(name, text)));
        reader.parse(files);
        return new Result(reader.annotated, reader.entries, reader.dropped, reader.unresolved, reader.hidden);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name.replace('$', '_')), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private void parse(List<JavaFileObject> files) {
        if (files.isEmpty()) {
            return;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("reading Android sources needs a JDK (javac), not a JRE");
        }
        // Parse only: no classpath, no attribution; diagnostics of code that does not parse are ignored.
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, files);
        DocTrees trees = DocTrees.instance(task);
        try {
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                Imports imports = Imports.of(unit);
                for (Tree t : unit.getTypeDecls()) {
                    if (t instanceof ClassTree c) {
                        TreePath path = new TreePath(new TreePath(unit), c);
                        visitClass(trees, path, c, pkg.replace('.', '/') + "/" + c.getSimpleName(),
                                new Scope(pkg, imports, List.of(), true, false, Set.of()));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What a member inherits from its enclosing classes.
     *
     * @param classes     internal names of the enclosing classes, outermost first
     * @param visible     every enclosing class is public or protected (or an interface member)
     * @param hidden      an enclosing class is hidden
     * @param typeVars    type variable names in scope
     */
    private record Scope(String pkg, Imports imports, List<String> classes, boolean visible, boolean hidden,
                         Set<String> typeVars) {
    }

    private void visitClass(DocTrees trees, TreePath path, ClassTree c, String internalName, Scope outer) {
        boolean interfaceMember = !outer.classes().isEmpty() && isInterfaceScope(outer);
        ModifiersTree mods = c.getModifiers();
        boolean visible = outer.visible() && (interfaceMember || isPublicOrProtected(mods));
        boolean hidden = outer.hidden() || isHidden(trees, path, mods);
        Set<String> typeVars = new HashSet<>(outer.typeVars());
        for (TypeParameterTree tp : c.getTypeParameters()) {
            typeVars.add(tp.getName().toString());
        }
        List<String> classes = new ArrayList<>(outer.classes());
        classes.add(internalName);
        Scope scope = new Scope(outer.pkg(), outer.imports(), classes, visible, hidden, typeVars);
        interfaces.put(internalName, c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE);
        for (Tree member : c.getMembers()) {
            TreePath memberPath = new TreePath(path, member);
            if (member instanceof ClassTree inner) {
                visitClass(trees, memberPath, inner, internalName + "$" + inner.getSimpleName(), scope);
            } else if (member instanceof MethodTree m) {
                visitMethod(trees, memberPath, m, scope);
            } else if (member instanceof VariableTree v) {
                visitField(trees, memberPath, v, scope);
            }
        }
    }

    private final Map<String, Boolean> interfaces = new java.util.HashMap<>();

    private boolean isInterfaceScope(Scope scope) {
        return interfaces.getOrDefault(scope.classes().get(scope.classes().size() - 1), false);
    }

    private void visitMethod(DocTrees trees, TreePath path, MethodTree m, Scope scope) {
        AnnotationTree rp = annotation(m.getModifiers(), "RequiresPermission");
        if (rp == null) {
            return;
        }
        annotated++;
        String owner = scope.classes().get(scope.classes().size() - 1);
        Set<String> typeVars = new HashSet<>(scope.typeVars());
        for (TypeParameterTree tp : m.getTypeParameters()) {
            typeVars.add(tp.getName().toString());
        }
        List<String> params = new ArrayList<>();
        for (VariableTree p : m.getParameters()) {
            params.add(simpleName(p.getType(), typeVars));
        }
        ClassNode node = binary.get(owner);
        String name = m.getName().toString();
        MethodNode match = node == null ? null : match(node, name, params);
        String api = match == null ? null : "L" + owner + ";->" + match.name + match.desc;
        if (!admitted(trees, path, m.getModifiers(), scope, api, () -> sdk.memberFailure(node, match.access,
                PublicSdk.concat(match.visibleAnnotations, match.invisibleAnnotations), match.desc) == null)) {
            return;
        }
        PermissionRequirement access = requirement(rp, scope, api);
        if (access == null) {
            drop(Drop.NO_PERMISSION);
            return;
        }
        entries.putIfAbsent(api, new ApiPermissionMap.Entry(api, access, null, null));
    }

    /**
     * Whether an annotated member counts: public in source (else its API, when the class files
     * have it, is recorded as hidden), present in the class files ({@code api} not null), and SDK
     * there ({@code sdkInClassFiles}, asked only then). Counts the reason when it does not.
     */
    private boolean admitted(DocTrees trees, TreePath path, ModifiersTree mods, Scope scope, String api,
                             java.util.function.BooleanSupplier sdkInClassFiles) {
        boolean visible = scope.visible() && (isInterfaceScope(scope) || isPublicOrProtected(mods));
        if (!visible || scope.hidden() || isHidden(trees, path, mods)) {
            if (api != null) {
                hidden.add(api);
            }
            drop(Drop.NOT_SDK_SOURCE);
            return false;
        }
        if (api == null) {
            drop(Drop.NO_CLASS_FILE);
            return false;
        }
        if (!sdkInClassFiles.getAsBoolean()) {
            drop(Drop.NOT_SDK_CLASS_FILE);
            return false;
        }
        return true;
    }

    private void visitField(DocTrees trees, TreePath path, VariableTree v, Scope scope) {
        AnnotationTree rp = annotation(v.getModifiers(), "RequiresPermission");
        AnnotationTree read = annotation(v.getModifiers(), "RequiresPermission.Read");
        AnnotationTree write = annotation(v.getModifiers(), "RequiresPermission.Write");
        if (rp == null && read == null && write == null) {
            return;
        }
        annotated++;
        String owner = scope.classes().get(scope.classes().size() - 1);
        ClassNode node = binary.get(owner);
        FieldNode field = null;
        if (node != null) {
            for (FieldNode f : node.fields) {
                if (f.name.equals(v.getName().toString())) {
                    field = f;
                }
            }
        }
        String api = field == null ? null : "L" + owner + ";->" + field.name + ":" + field.desc;
        FieldNode found = field;
        if (!admitted(trees, path, v.getModifiers(), scope, api, () -> sdk.memberFailure(node, found.access,
                PublicSdk.concat(found.visibleAnnotations, found.invisibleAnnotations), found.desc) == null)) {
            return;
        }
        PermissionRequirement access = rp == null ? null : requirement(rp, scope, api);
        PermissionRequirement r = read == null ? null : requirement(nested(read), scope, api);
        PermissionRequirement w = write == null ? null : requirement(nested(write), scope, api);
        if (access == null && r == null && w == null) {
            drop(Drop.NO_PERMISSION);
            return;
        }
        entries.putIfAbsent(api, new ApiPermissionMap.Entry(api, access, r, w));
    }

    private void drop(Drop why) {
        dropped.merge(why, 1, Integer::sum);
    }

    /** The method of {@code node} with this name whose parameters have these simple names ("*" = any reference). */
    private static MethodNode match(ClassNode node, String name, List<String> params) {
        MethodNode found = null;
        for (MethodNode candidate : node.methods) {
            if (!candidate.name.equals(name) || (candidate.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0) {
                continue;
            }
            Type[] args = Type.getArgumentTypes(candidate.desc);
            // An inner class's constructor takes the outer instance first; an enum's, name and ordinal.
            int maxSkip = name.equals("<init>") ? Math.min(2, Math.max(0, args.length - params.size())) : 0;
            for (int skip = 0; skip <= maxSkip; skip++) {
                if (args.length - skip == params.size() && parametersMatch(args, skip, params)) {
                    found = candidate;
                }
            }
        }
        return found;
    }

    private static boolean parametersMatch(Type[] args, int skip, List<String> params) {
        for (int i = 0; i < params.size(); i++) {
            String expected = params.get(i);
            Type t = args[i + skip];
            int dims = t.getSort() == Type.ARRAY ? t.getDimensions() : 0;
            Type element = dims > 0 ? t.getElementType() : t;
            String arrays = "[]".repeat(dims);
            if (expected.startsWith("*")) {
                if (element.getSort() != Type.OBJECT || !expected.substring(1).equals(arrays)) {
                    return false;
                }
                continue;
            }
            String simple = element.getSort() == Type.OBJECT ? simpleOf(element.getInternalName()) : element.getClassName();
            if (!expected.equals(simple + arrays)) {
                return false;
            }
        }
        return true;
    }

    private static String simpleOf(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    /** {@code int}, {@code String[]}, {@code Bar} for {@code Foo.Bar<X>}; {@code *} (and dims) for a type variable. */
    static String simpleName(Tree type, Set<String> typeVars) {
        if (type instanceof ArrayTypeTree a) {
            return simpleName(a.getType(), typeVars) + "[]";
        }
        if (type instanceof ParameterizedTypeTree p) {
            return simpleName(p.getType(), typeVars);
        }
        if (type instanceof PrimitiveTypeTree p) {
            return p.getPrimitiveTypeKind().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (type instanceof MemberSelectTree s) {
            return s.getIdentifier().toString();
        }
        if (type instanceof IdentifierTree id) {
            String n = id.getName().toString();
            return typeVars.contains(n) ? "*" : n;
        }
        if (type instanceof com.sun.source.tree.AnnotatedTypeTree at) {
            return simpleName(at.getUnderlyingType(), typeVars);
        }
        return type.toString();
    }

    private static boolean isPublicOrProtected(ModifiersTree mods) {
        Set<Modifier> flags = mods.getFlags();
        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED);
    }

    private static boolean isHidden(DocTrees trees, TreePath path, ModifiersTree mods) {
        for (AnnotationTree a : mods.getAnnotations()) {
            if (HIDING_ANNOTATIONS.contains(lastSegment(a.getAnnotationType().toString()))) {
                return true;
            }
        }
        String doc = trees.getDocComment(path);
        return doc != null && (hasTag(doc, "@hide") || hasTag(doc, "@removed"));
    }

    /** A block tag at a word boundary ({@code @hide}, not {@code @hidesomething}). */
    private static boolean hasTag(String doc, String tag) {
        int at = doc.indexOf(tag);
        while (at >= 0) {
            int end = at + tag.length();
            if (end == doc.length() || !Character.isLetterOrDigit(doc.charAt(end))) {
                return true;
            }
            at = doc.indexOf(tag, end);
        }
        return false;
    }

    private static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /**
     * The annotation whose type is {@code simple} or a qualified name ending in it, or null
     * ({@code RequiresPermission} does not match {@code RequiresPermission.Read}).
     */
    private static AnnotationTree annotation(ModifiersTree mods, String simple) {
        for (AnnotationTree a : mods.getAnnotations()) {
            String type = a.getAnnotationType().toString();
            if (type.equals(simple) || type.endsWith("." + simple)) {
                return a;
            }
        }
        return null;
    }

    /** The {@code @RequiresPermission} inside {@code @RequiresPermission.Read(@RequiresPermission(...))}. */
    private static AnnotationTree nested(AnnotationTree readOrWrite) {
        for (ExpressionTree arg : readOrWrite.getArguments()) {
            ExpressionTree value = arg instanceof AssignmentTree as ? as.getExpression() : arg;
            if (value instanceof AnnotationTree a) {
                return a;
            }
        }
        return null;
    }

    /** The requirement one annotation states, or null when it names no resolvable permission. */
    private PermissionRequirement requirement(AnnotationTree rp, Scope scope, String api) {
        if (rp == null) {
            return null;
        }
        TreeSet<String> allOf = new TreeSet<>();
        TreeSet<String> anyOf = new TreeSet<>();
        boolean conditional = false;
        for (ExpressionTree arg : rp.getArguments()) {
            String name = "value";
            ExpressionTree value = arg;
            if (arg instanceof AssignmentTree as) {
                name = as.getVariable().toString();
                value = as.getExpression();
            }
            switch (name) {
                case "value", "allOf" -> addNames(allOf, value, scope, api);
                case "anyOf" -> addNames(anyOf, value, scope, api);
                case "conditional" -> conditional = value instanceof LiteralTree l && Boolean.TRUE.equals(l.getValue());
                default -> {
                }
            }
        }
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            return null;
        }
        return new PermissionRequirement(List.copyOf(allOf), List.copyOf(anyOf), conditional);
    }

    private void addNames(TreeSet<String> into, ExpressionTree value, Scope scope, String api) {
        List<ExpressionTree> items = value instanceof NewArrayTree array && array.getInitializers() != null
                ? List.copyOf(array.getInitializers()) : List.of(value);
        for (ExpressionTree item : items) {
            String resolved = constant(item, scope);
            if (resolved == null) {
                unresolved.add(api + " " + item);
            } else if (!resolved.isEmpty()) {
                into.add(resolved);
            }
        }
    }

    /** The string constant an expression names, or null when it cannot be resolved. */
    private String constant(ExpressionTree e, Scope scope) {
        if (e instanceof LiteralTree l) {
            return l.getValue() instanceof String s ? s : null;
        }
        if (e instanceof IdentifierTree id) {
            String n = id.getName().toString();
            for (int i = scope.classes().size() - 1; i >= 0; i--) {
                String v = fieldConstant(scope.classes().get(i), n);
                if (v != null) {
                    return v;
                }
            }
            for (String owner : scope.imports().staticOwners(n)) {
                String v = fieldConstant(owner, n);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        if (e instanceof MemberSelectTree s) {
            String n = s.getIdentifier().toString();
            String qualifier = s.getExpression().toString();
            if (qualifier.equals("Manifest.permission") || qualifier.equals("android.Manifest.permission")
                    || qualifier.equals("permission") && scope.imports().has("android.Manifest.permission")) {
                return manifestPermission == null ? null : constantOf(manifestPermission, n);
            }
            for (String owner : candidates(qualifier, scope)) {
                String v = fieldConstant(owner, n);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Internal names a (possibly qualified) class name in source may stand for. */
    private List<String> candidates(String qualifier, Scope scope) {
        List<String> out = new ArrayList<>();
        String[] parts = qualifier.split("\\.");
        // Fully qualified: package segments are lower case by convention, classes start upper case.
        StringBuilder pkg = new StringBuilder();
        int i = 0;
        while (i < parts.length && !parts[i].isEmpty() && Character.isLowerCase(parts[i].charAt(0))) {
            pkg.append(parts[i]).append('/');
            i++;
        }
        if (i > 0 && i < parts.length) {
            out.add(pkg + String.join("$", java.util.Arrays.copyOfRange(parts, i, parts.length)));
            return out;
        }
        String first = parts[0];
        String rest = parts.length > 1 ? "$" + String.join("$", java.util.Arrays.copyOfRange(parts, 1, parts.length)) : "";
        for (int c = scope.classes().size() - 1; c >= 0; c--) {
            out.add(scope.classes().get(c) + "$" + first + rest);
        }
        String imported = scope.imports().single(first);
        if (imported != null) {
            out.add(imported.replace('.', '/') + rest);
        }
        out.add(scope.pkg().replace('.', '/') + "/" + first + rest);
        out.add("java/lang/" + first + rest);
        return out;
    }

    private String fieldConstant(String owner, String name) {
        ClassNode node = binary.get(owner);
        return node == null ? null : constantOf(node, name);
    }

    private static String constantOf(ClassNode node, String name) {
        for (FieldNode f : node.fields) {
            if (f.name.equals(name) && f.value instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** A file's imports: single-type imports by simple name, and static imports. */
    private record Imports(Map<String, String> singles, List<String> staticSingles, List<String> staticStars,
                           Set<String> all) {

        static Imports of(CompilationUnitTree unit) {
            Map<String, String> singles = new java.util.HashMap<>();
            List<String> staticSingles = new ArrayList<>();
            List<String> staticStars = new ArrayList<>();
            Set<String> all = new HashSet<>();
            for (ImportTree i : unit.getImports()) {
                String name = i.getQualifiedIdentifier().toString();
                all.add(name);
                if (i.isStatic()) {
                    if (name.endsWith(".*")) {
                        staticStars.add(name.substring(0, name.length() - 2));
                    } else {
                        staticSingles.add(name);
                    }
                } else if (!name.endsWith(".*")) {
                    singles.put(lastSegment(name), name);
                }
            }
            return new Imports(singles, staticSingles, staticStars, all);
        }

        boolean has(String name) {
            return all.contains(name);
        }

        String single(String simple) {
            return singles.get(simple);
        }

        /** Internal names of the classes a static import could bring {@code member} from. */
        List<String> staticOwners(String member) {
            List<String> out = new ArrayList<>();
            for (String s : staticSingles) {
                if (lastSegment(s).equals(member)) {
                    out.add(binaryName(s.substring(0, s.lastIndexOf('.'))));
                }
            }
            for (String s : staticStars) {
                out.add(binaryName(s));
            }
            return out;
        }

        /** {@code android.Manifest.permission} to {@code android/Manifest$permission}. */
        private static String binaryName(String dotted) {
            String[] parts = dotted.split("\\.");
            StringBuilder out = new StringBuilder();
            boolean inClass = false;
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.append(inClass ? '$' : '/');
                }
                out.append(parts[i]);
                inClass |= !parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0));
            }
            return out.toString();
        }
    }
}
