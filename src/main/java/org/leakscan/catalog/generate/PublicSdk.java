package org.leakscan.catalog.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;

/**
 * Decides which classes and members of the framework jar belong to Android's public SDK, from
 * what survives in bytecode. Not thread-safe (answers are memoised); each generator makes its own.
 *
 * <p>What the class files of android-all-14 carry, checked by reading them: {@code @SystemApi}
 * (retention RUNTIME; 1,419 classes, 3,337 methods, 2,935 fields), {@code @UnsupportedAppUsage}
 * (CLASS; 20 classes, 5,877 methods, 3,688 fields), {@code @android.annotation.Hide} (CLASS; 9
 * classes and package-infos, 2 methods). {@code @TestApi} has SOURCE retention, so it is not there
 * to filter on, and neither is the Javadoc {@code @hide} tag; both are approximated by the package
 * list ({@link SdkPackages}) and by the rule that a public SDK signature mentions SDK types only.
 * {@code @UnsupportedAppUsage} marks non-SDK members by definition (the greylist of hidden APIs
 * apps used); of its 6,505 public or protected members only 127 were public SDK at API 16
 * (removed RenderScript graphics classes and {@code CacheManager}), none of them annotated with a
 * permission, so it is treated as hidden.
 */
final class PublicSdk {

    private static final String SYSTEM_API = "Landroid/annotation/SystemApi;";
    private static final String SYSTEM_API_CONTAINER = "Landroid/annotation/SystemApi$Container;";
    private static final String HIDE = "Landroid/annotation/Hide;";
    private static final String UNSUPPORTED_APP_USAGE = "Landroid/compat/annotation/UnsupportedAppUsage;";
    private static final String IINTERFACE = "android/os/IInterface";

    /** The filters, in the order they are applied; each one's count is reported after the previous. */
    enum Filter {
        SDK_PACKAGE("sdk-package", "in a public SDK package of API 34 (java.* and javax.* from the JDK's libcore list)"),
        ACCESSIBLE("accessible", "public or protected member of public or protected classes, not synthetic or bridge"),
        NO_SYSTEM_API("no-system-api", "no @SystemApi on the member, an enclosing class or the package"),
        NO_HIDE("no-hide", "no @android.annotation.Hide on the member, an enclosing class or the package"),
        NO_UNSUPPORTED_APP_USAGE("no-unsupported-app-usage",
                "no @UnsupportedAppUsage on the member or an enclosing class (non-SDK by definition)"),
        NOT_AIDL("not-aidl", "not an AIDL interface, stub or proxy (a subtype of android.os.IInterface)"),
        SDK_SIGNATURE("sdk-signature", "every class named in the member's descriptor is itself public SDK");

        final String id;
        final String description;

        Filter(String id, String description) {
            this.id = id;
            this.description = description;
        }
    }

    private final Function<String, ClassNode> framework;
    private final Function<String, ClassNode> jdk;
    private final Map<String, Optional<Filter>> classVerdicts = new HashMap<>();
    private final Map<String, Boolean> aidl = new HashMap<>();

    /**
     * @param framework the framework jar's classes by internal name
     * @param jdk       the JDK's, or null: then a class outside the jar in a libcore SDK package
     *                  ({@link SdkPackages#LIBCORE}) is assumed public SDK
     */
    PublicSdk(Function<String, ClassNode> framework, Function<String, ClassNode> jdk) {
        this.framework = framework;
        this.jdk = jdk;
    }

    /** The class node from the framework jar, else from the JDK, else null. */
    ClassNode find(String internalName) {
        ClassNode node = framework.apply(internalName);
        if (node == null && jdk != null) {
            node = jdk.apply(internalName);
        }
        return node;
    }

    /** True when the class is public SDK. */
    boolean isSdkClass(String internalName) {
        return classFailure(internalName) == null;
    }

    /** The first filter the class fails, or null when it is public SDK. */
    Filter classFailure(String internalName) {
        Optional<Filter> verdict = classVerdicts.get(internalName);
        if (verdict == null) {
            verdict = Optional.ofNullable(computeClassFailure(internalName));
            classVerdicts.put(internalName, verdict);
        }
        return verdict.orElse(null);
    }

    /**
     * The first filter a member fails, or null when it is public SDK.
     *
     * @param owner       the declaring class
     * @param access      the member's access flags
     * @param annotations the member's visible and invisible annotations
     * @param descriptor  a method descriptor or a field type descriptor
     */
    Filter memberFailure(ClassNode owner, int access, List<AnnotationNode> annotations, String descriptor) {
        Filter classFailure = classFailure(owner.name);
        for (Filter f : Filter.values()) {
            if (f == classFailure) {
                return f;
            }
            boolean fails = switch (f) {
                case SDK_PACKAGE, NOT_AIDL -> false;
                case ACCESSIBLE -> (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0
                        || (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0;
                case NO_SYSTEM_API -> hasAny(annotations, SYSTEM_API, SYSTEM_API_CONTAINER);
                case NO_HIDE -> hasAny(annotations, HIDE);
                case NO_UNSUPPORTED_APP_USAGE -> hasAny(annotations, UNSUPPORTED_APP_USAGE);
                case SDK_SIGNATURE -> !signatureIsSdk(descriptor);
            };
            if (fails) {
                return f;
            }
        }
        return null;
    }

    private boolean signatureIsSdk(String descriptor) {
        List<Type> types = new ArrayList<>();
        if (descriptor.startsWith("(")) {
            Type method = Type.getMethodType(descriptor);
            types.add(method.getReturnType());
            types.addAll(List.of(method.getArgumentTypes()));
        } else {
            types.add(Type.getType(descriptor));
        }
        for (Type t : types) {
            Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (element.getSort() == Type.OBJECT && !isSdkType(element.getInternalName())) {
                return false;
            }
        }
        return true;
    }

    private boolean isSdkType(String internalName) {
        if (jdk == null && framework.apply(internalName) == null) {
            return SdkPackages.isLibcoreSdk(internalName);
        }
        return isSdkClass(internalName);
    }

    private Filter computeClassFailure(String internalName) {
        ClassNode node = find(internalName);
        if (node == null) {
            return Filter.SDK_PACKAGE;
        }
        boolean fromFramework = framework.apply(internalName) != null;
        if (!(fromFramework ? SdkPackages.isFrameworkSdk(internalName) : SdkPackages.isLibcoreSdk(internalName))) {
            return Filter.SDK_PACKAGE;
        }
        List<ClassNode> chain = new ArrayList<>();
        boolean accessible = true;
        for (ClassNode c = node; c != null; ) {
            chain.add(c);
            InnerClassNode self = selfEntry(c);
            if (self == null) {
                accessible &= (c.access & Opcodes.ACC_PUBLIC) != 0;
                break;
            }
            accessible &= self.outerName != null && (self.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
            c = self.outerName == null ? null : find(self.outerName);
        }
        if (!accessible) {
            return Filter.ACCESSIBLE;
        }
        ClassNode packageInfo = find(SdkPackages.packageOf(internalName) + "/package-info");
        List<ClassNode> annotated = new ArrayList<>(chain);
        if (packageInfo != null) {
            annotated.add(packageInfo);
        }
        if (annotated.stream().anyMatch(c -> hasAny(annotations(c), SYSTEM_API, SYSTEM_API_CONTAINER))) {
            return Filter.NO_SYSTEM_API;
        }
        if (annotated.stream().anyMatch(c -> hasAny(annotations(c), HIDE))) {
            return Filter.NO_HIDE;
        }
        if (chain.stream().anyMatch(c -> hasAny(annotations(c), UNSUPPORTED_APP_USAGE))) {
            return Filter.NO_UNSUPPORTED_APP_USAGE;
        }
        if (chain.stream().anyMatch(c -> isAidl(c.name))) {
            return Filter.NOT_AIDL;
        }
        return null;
    }

    /** True for subtypes of {@code android.os.IInterface} (not for IInterface itself, which is SDK). */
    private boolean isAidl(String internalName) {
        Boolean known = aidl.get(internalName);
        if (known != null) {
            return known;
        }
        aidl.put(internalName, false); // guards against cycles in malformed input
        ClassNode node = framework.apply(internalName);
        boolean result = false;
        if (node != null) {
            for (String i : node.interfaces) {
                result |= i.equals(IINTERFACE) || isAidl(i);
            }
            result |= node.superName != null && isAidl(node.superName);
        }
        aidl.put(internalName, result);
        return result;
    }

    private static InnerClassNode selfEntry(ClassNode c) {
        for (InnerClassNode inner : c.innerClasses) {
            if (inner.name.equals(c.name)) {
                return inner;
            }
        }
        return null;
    }

    static List<AnnotationNode> annotations(ClassNode c) {
        return concat(c.visibleAnnotations, c.invisibleAnnotations);
    }

    static List<AnnotationNode> concat(List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        List<AnnotationNode> all = new ArrayList<>();
        if (visible != null) {
            all.addAll(visible);
        }
        if (invisible != null) {
            all.addAll(invisible);
        }
        return all;
    }

    private static boolean hasAny(List<AnnotationNode> annotations, String... descriptors) {
        for (AnnotationNode a : annotations) {
            for (String d : descriptors) {
                if (a.desc.equals(d)) {
                    return true;
                }
            }
        }
        return false;
    }
}
