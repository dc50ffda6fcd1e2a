package dev.ecsimage.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the tool makes a start-up archive by itself, and where: the decision alone, with injected values. */
class StartupArchiveTest {
    static final String ID17 = StartupArchive.id("/usr/lib/jvm/java-17", "17.0.15+6", 5_000_000,
            1_700_000_000_000L);

    @TempDir
    Path tmp;

    @Test
    void anArchiveWhoseIdIsThisRunsIsFresh() {
        assertFalse(StartupArchive.stale(ID17, true, ID17, List.of(ID17), true));
    }

    @Test
    void anArchiveOfAnotherJavaAnotherJvmBuildOrAnotherJarIsStale() {
        for (String other : List.of(
                StartupArchive.id("/usr/lib/jvm/java-25", "17.0.15+6", 5_000_000, 1_700_000_000_000L),
                StartupArchive.id("/usr/lib/jvm/java-17", "17.0.16+8", 5_000_000, 1_700_000_000_000L),
                StartupArchive.id("/usr/lib/jvm/java-17", "17.0.15+6", 5_000_001, 1_700_000_000_000L),
                StartupArchive.id("/usr/lib/jvm/java-17", "17.0.15+6", 5_000_000, 1_700_000_000_001L))) {
            assertTrue(StartupArchive.stale(ID17, true, other, List.of(other), true), other);
        }
    }

    @Test
    void anArchiveWithoutIdIsStale() {
        assertTrue(StartupArchive.stale(ID17, true, null, List.of(), true));
    }

    @Test
    void noArchiveForThisJavaMakesOneUnlessAnAttemptForThisJavaAndJarFailedWithinADay() {
        assertTrue(StartupArchive.stale(ID17, false, null, List.of(), true));
        String older = StartupArchive.id("/usr/lib/jvm/java-17", "17.0.14+7", 5_000_000,
                1_700_000_000_000L);
        assertTrue(StartupArchive.stale(ID17, false, null, List.of(older), true));
        assertFalse(StartupArchive.stale(ID17, false, null, List.of(older, ID17), true));
    }

    @Test
    void nothingIsMadeWithoutAWritableFolder() {
        assertFalse(StartupArchive.stale(ID17, false, null, List.of(), false));
        assertFalse(StartupArchive.stale(ID17, true, null, List.of(), false));
    }

    @Test
    void theIdNamesJavaJvmBuildAndJarContents() {
        assertEquals("java.home=/usr/lib/jvm/java-17\njava.vm.version=17.0.15+6\njar.size=5000000\n"
                + "jar.modified=1700000000000\n", ID17);
    }

    @Test
    void whatMakingOneSaysIsInTheLanguageOfTheEnvironment() {
        assertEquals("/j/bin/java made no class-data archive",
                StartupArchive.messages(Map.of()).get("archive.not-made", "/j/bin/java", List.of()));
        assertEquals("/j/bin/java 没有生成类数据归档",
                StartupArchive.messages(Map.of("LANG", "zh_CN.UTF-8")).get("archive.not-made", "/j/bin/java", List.of()));
        assertEquals("no writable folder for the class-data archive of /j/bin/java (/c; /l)",
                StartupArchive.messages(Map.of("ECS_IMAGE_LANG", "en", "LANG", "zh_CN.UTF-8"))
                        .get("archive.no-folder", "/j/bin/java", List.of(Path.of("/c"), Path.of("/l"))));
    }

    @Test
    void archivesGoToTheInstallFolderWhenWritableElseToTheCache() throws Exception {
        Path cache = tmp.resolve("home/.cache/ecs-image");
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        StartupArchive.Layout layout = StartupArchive.Layout.of("", "/usr/bin/java",
                cache + ":" + lib.resolve("archives"), lib.resolve("ecs-image.jar").toString());
        assertEquals(cache, layout.target(false), "no archives folder: the tool does not make one");
        assertEquals(lib.resolve("archives"), layout.target(true), "ECS_IMAGE_CDS_CREATE=1 makes it");
        Files.createDirectories(lib.resolve("archives"));
        assertEquals(lib.resolve("archives"), layout.target(false));
        assertEquals(Path.of(lib + "/archives/usr/bin/java.jsa"), layout.file(lib.resolve("archives"), ".jsa"));
    }

    @Test
    void lookingUpAgainFindsWhatTheLauncherWouldTheCacheFirst() throws Exception {
        Path cache = tmp.resolve("cache");
        Path archives = tmp.resolve("lib/archives");
        StartupArchive.Layout layout = StartupArchive.Layout.of(null, "/usr/bin/java", cache + ":" + archives, "x.jar");
        assertNull(layout.lookedUpAgain().found());
        Path installed = Files.createDirectories(archives.resolve("usr/bin")).resolve("java.jsa");
        Files.writeString(installed, "");
        assertEquals(installed, layout.lookedUpAgain().found());
        Path cached = Files.createDirectories(cache.resolve("usr/bin")).resolve("java.aot");
        Files.writeString(cached, "");
        assertEquals(cached, layout.lookedUpAgain().found());
    }

    @Test
    void anArchiveLostSinceItWasMadeIsMadeAgainAFailedAttemptOnlyAfterADay() throws Exception {
        Path cache = tmp.resolve("cache");
        Path jar = Files.writeString(tmp.resolve("ecs-image.jar"), "jar");
        StartupArchive.Layout layout = StartupArchive.Layout.of(null, "/usr/bin/java", cache.toString(), jar.toString());
        Path id = Files.createDirectories(cache.resolve("usr/bin")).resolve("java.id");
        var attributes = Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class);
        String thisRun = StartupArchive.id(System.getProperty("java.home"), System.getProperty("java.vm.version"),
                attributes.size(), attributes.lastModifiedTime().toMillis());

        Files.writeString(id, thisRun); // made, then the archive was deleted
        assertTrue(StartupArchive.needsArchive(layout, false));

        Files.writeString(id, thisRun + StartupArchive.FAILED);
        assertFalse(StartupArchive.needsArchive(layout, false), "failed just now: not again yet");

        Files.setLastModifiedTime(id, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 25 * 3600_000L));
        assertTrue(StartupArchive.needsArchive(layout, false), "failed yesterday: try again");
    }
}
