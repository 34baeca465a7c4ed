package org.leakscan.analysis;

import java.util.List;

/**
 * Well-known libraries that do not collect personal data on their own account: Android's support
 * libraries and Jetpack, Kotlin, the common networking, serialisation, image and reactive
 * libraries. What their code reads by itself (AppCompat's night mode asking for the last known
 * location) is not the app's doing, so the data-flow analysis starts no flow there; data the app
 * hands them is still followed through them.
 */
final class KnownLibraries {

    private static final List<String> PREFIXES = List.of(
            "Landroidx/", "Landroid/support/", "Lkotlin/", "Lkotlinx/", "Lcom/google/android/material/",
            "Lokhttp3/", "Lokio/", "Lretrofit2/", "Lcom/squareup/", "Lcom/google/gson/", "Lcom/fasterxml/jackson/",
            "Lio/reactivex/", "Lrx/", "Lcom/bumptech/glide/", "Lcom/google/common/", "Ldagger/", "Ljavax/inject/",
            "Lorg/jetbrains/", "Lorg/intellij/", "Lbutterknife/", "Lcom/jakewharton/", "Lorg/apache/commons/",
            "Lcom/airbnb/lottie/", "Lorg/greenrobot/eventbus/", "Lcom/google/protobuf/", "Lcom/google/zxing/",
            "Lcom/facebook/fresco/", "Lcom/facebook/drawee/", "Lcom/facebook/imagepipeline/", "Lcom/facebook/soloader/",
            "Lio/coil/", "Lcoil/", "Lcom/github/bumptech/", "Lorg/slf4j/", "Lch/qos/logback/", "Ltimber/log/",
            "Lcom/google/auto/", "Lj$/", "Ljava/", "Ljavax/", "Lorg/json/", "Lorg/xmlpull/", "Lorg/kxml2/",
            "Lcom/google/android/exoplayer2/", "Landroidx/media3/", "Lio/realm/", "Lnet/sqlcipher/", "Lorg/bouncycastle/",
            "Lorg/joda/", "Lorg/threeten/", "Lorg/apache/http/", "Lorg/apache/james/mime4j/", "Lflexjson/", "Lcom/alibaba/fastjson/", "Lnet/minidev/json/",
            "Lorg/codehaus/jackson/", "Lorg/jsoup/", "Lorg/simpleframework/xml/", "Lcom/thoughtworks/xstream/",
            "Lorg/apache/log4j/", "Lcom/google/android/gms/common/", "Lcom/google/android/gms/tasks/",
            "Lcom/google/android/gms/dynamite/", "Lcom/google/android/gms/dynamic/", "Lcom/google/android/gms/util/",
            "Lcom/google/firebase/components/", "Lcom/google/firebase/platforminfo/", "Lorg/kobjects/", "Lorg/ksoap2/", "Lcom/jjoe64/", "Lcom/github/mikephil/charting/", "Lde/greenrobot/");

    /**
     * Top-level packages that hold only such libraries, so that a shrinker's new name for one
     * (R8 turns {@code androidx} into {@code b}, {@code androidx.appcompat.app} into {@code b.b.k})
     * stands for the whole of it.
     */
    private static final List<String> RENAMABLE_ROOTS = List.of("Landroidx/", "Lkotlin/", "Lkotlinx/", "Lokhttp3/",
            "Lokio/", "Lretrofit2/", "Ldagger/");
    /** Agreeing classes needed before a renamed root is believed. */
    private static final int MIN_EVIDENCE = 2;

    private KnownLibraries() {
    }

    /**
     * The known libraries of one program: by name, and under the names a shrinker gave them.
     *
     * <p>R8 renames packages level by level and keeps the names of classes the manifest and the
     * layouts refer to ({@code androidx.appcompat.widget.DialogTitle}), whose superclasses it
     * renames ({@code b.b.p.z}, AppCompatTextView). A kept class of a root above whose superclass
     * sits, renamed, at the same package depth under a one- or two-letter root is a vote that this
     * root is the library's. A root is taken when {@value #MIN_EVIDENCE} classes vote for it and
     * none for another library; renamed code is then no longer analysed as the app's (it was most
     * of the time on an R8-shrunk AndroidX app) nor its own reads taken as the app's.
     */
    static java.util.function.Predicate<String> of(java.util.Collection<org.leakscan.program.ClassDef> classes) {
        java.util.Set<String> defined = new java.util.HashSet<>();
        for (org.leakscan.program.ClassDef c : classes) {
            defined.add(c.type());
        }
        java.util.Map<String, java.util.Map<String, Integer>> votes = new java.util.TreeMap<>();
        for (org.leakscan.program.ClassDef c : classes) {
            String root = renamableRoot(c.type());
            String sup = c.superType();
            if (root == null || sup == null || !defined.contains(sup) || isInfrastructure(sup)
                    || depth(sup) != depth(c.type())) {
                continue;
            }
            int slash = sup.indexOf('/');
            String renamed = sup.substring(0, slash + 1);
            if (renamed.length() > 4 || renamed.equals(root)) { // "Lb/", "Lab/"
                continue;
            }
            votes.computeIfAbsent(renamed, k -> new java.util.TreeMap<>()).merge(root, 1, Integer::sum);
        }
        List<String> renamedRoots = new java.util.ArrayList<>();
        votes.forEach((renamed, byRoot) -> {
            if (byRoot.size() == 1 && byRoot.values().iterator().next() >= MIN_EVIDENCE) {
                renamedRoots.add(renamed);
            }
        });
        if (renamedRoots.isEmpty()) {
            return KnownLibraries::isInfrastructure;
        }
        return type -> {
            if (isInfrastructure(type)) {
                return true;
            }
            for (String r : renamedRoots) {
                if (type.startsWith(r)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static String renamableRoot(String type) {
        for (String r : RENAMABLE_ROOTS) {
            if (type.startsWith(r)) {
                return r;
            }
        }
        return null;
    }

    private static int depth(String type) {
        int n = 0;
        for (int i = 0; i < type.length(); i++) {
            if (type.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** True for a class of a well-known non-tracking library. */
    static boolean isInfrastructure(String type) {
        for (String p : PREFIXES) {
            if (type.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
