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

    private KnownLibraries() {
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
