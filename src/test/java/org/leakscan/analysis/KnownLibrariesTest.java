package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.leakscan.program.ClassDef;

/** Known libraries by name, and under the names R8 gave their packages. */
class KnownLibrariesTest {

    @Test
    void knownByName() {
        Predicate<String> known = KnownLibraries.of(List.of());
        assertTrue(known.test("Landroidx/appcompat/app/AppCompatDelegateImpl;"));
        assertTrue(known.test("Lkotlin/jvm/internal/Intrinsics;"));
        assertFalse(known.test("Lcom/example/app/MainActivity;"));
        assertFalse(known.test("Lb/b/k/k;"));
    }

    @Test
    void aRenamedRootIsKnownFromKeptClassesWhoseSuperclassesItHolds() {
        List<ClassDef> classes = new ArrayList<>(List.of(
                cls("Lb/b/p/z;", "Landroid/widget/TextView;"),
                cls("Landroidx/appcompat/widget/DialogTitle;", "Lb/b/p/z;"),
                cls("Lb/k/a/d;", "Landroid/view/ViewGroup;"),
                cls("Landroidx/drawerlayout/widget/DrawerLayout;", "Lb/k/a/d;"),
                cls("Lb/b/k/k;", "Ljava/lang/Object;"),
                cls("Lc/a/b;", "Ljava/lang/Object;"),
                cls("Lcom/example/app/MainActivity;", "Lc/a/b;")));
        Predicate<String> known = KnownLibraries.of(classes);
        assertTrue(known.test("Lb/b/k/k;"), "AppCompatDelegateImpl, renamed");
        assertTrue(known.test("Lb/l/a/k;"), "anything under the renamed root");
        assertFalse(known.test("Lc/a/b;"), "the app's own renamed code");
        assertFalse(known.test("Lcom/example/app/MainActivity;"));
    }

    @Test
    void oneVoteOrVotesForTwoLibrariesAreNotEnough() {
        Predicate<String> one = KnownLibraries.of(List.of(
                cls("Lb/b/p/z;", "Ljava/lang/Object;"),
                cls("Landroidx/appcompat/widget/DialogTitle;", "Lb/b/p/z;")));
        assertFalse(one.test("Lb/b/k/k;"));
        Predicate<String> split = KnownLibraries.of(List.of(
                cls("Lb/b/p/z;", "Ljava/lang/Object;"),
                cls("Landroidx/appcompat/widget/DialogTitle;", "Lb/b/p/z;"),
                cls("Lb/k/a/d;", "Ljava/lang/Object;"),
                cls("Landroidx/drawerlayout/widget/DrawerLayout;", "Lb/k/a/d;"),
                cls("Lb/c/x/y;", "Ljava/lang/Object;"),
                cls("Lokhttp3/internal/http/Exchange;", "Lb/c/x/y;")));
        assertFalse(split.test("Lb/b/k/k;"), "a root two libraries claim is neither's");
    }

    @Test
    void aFlattenedHierarchyGivesNoVote() {
        // -flattenpackagehierarchy puts every renamed class one level deep: depths differ.
        Predicate<String> known = KnownLibraries.of(List.of(
                cls("Lb/a;", "Ljava/lang/Object;"),
                cls("Lb/c;", "Ljava/lang/Object;"),
                cls("Landroidx/appcompat/widget/DialogTitle;", "Lb/a;"),
                cls("Landroidx/drawerlayout/widget/DrawerLayout;", "Lb/c;")));
        assertFalse(known.test("Lb/d;"));
    }

    private static ClassDef cls(String type, String superType) {
        return new ClassDef(type, superType, List.of(), 1, "classes.dex", List.of(), List.of(), List.of());
    }
}
