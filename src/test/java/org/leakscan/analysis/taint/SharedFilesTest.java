package org.leakscan.analysis.taint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which paths name the user's files: shared storage, but not the app's own directories there. */
class SharedFilesTest {

    @Test
    void sharedStorageRootsAndLiteralPathsAreShared() {
        assertTrue(SharedFiles.isShared(Set.of(SharedFiles.ROOT + "/DCIM/Camera/a.jpg")));
        assertTrue(SharedFiles.isShared(Set.of("/sdcard/Documents")));
        assertTrue(SharedFiles.isShared(Set.of("/mnt/sdcard/Download/x.pdf")));
        assertTrue(SharedFiles.isShared(Set.of("/storage/emulated/0" + StringValues.UNKNOWN + "list.log")));
        // One way shared is enough: the file may be the user's.
        assertTrue(SharedFiles.isShared(Set.of("/data/data/org.example/files/a", "/sdcard/a")));
    }

    @Test
    void appOwnDirectoriesAndUnknownOrPrivatePathsAreNot() {
        assertFalse(SharedFiles.isShared(Set.of(SharedFiles.ROOT + "/Android/data/org.example/cache.txt")));
        assertFalse(SharedFiles.isShared(Set.of("/sdcard/Android/obb/org.example/main.obb")));
        assertFalse(SharedFiles.isShared(Set.of("/data/data/org.example/files/ids.txt")));
        assertFalse(SharedFiles.isShared(Set.of(StringValues.UNKNOWN + "/DCIM/a.jpg")));
        assertFalse(SharedFiles.isShared(Set.of("cache/state.bin")));
        assertFalse(SharedFiles.isShared(Set.of()));
    }
}
