package dev.ecsimage.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsimage.cli.VersionProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} ships, used as a person would: the tarball unpacked anywhere and run
 * through a symlink on the PATH, {@code install.sh} into a prefix, the .deb unpacked with
 * {@code dpkg -x}, and the launcher's class-data archive (used when it matches, ignored silently
 * when not).
 */
class PackagingIT {
    static final String VERSION = VersionProvider.version();
    static final Path TARBALL = Path.of("target/ecs-image-" + VERSION + ".tar.gz");
    static final Path DEB = Path.of("target/ecs-image_" + VERSION + "_all.deb");
    static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;
    Path unpacked;

    record Result(int status, String out, String err) {}

    @BeforeEach
    void unpackTarball() throws Exception {
        assertEquals(0, run(List.of("tar", "-xzf", TARBALL.toAbsolutePath().toString(), "-C", tmp.toString()), Map.of()).status);
        unpacked = tmp.resolve("ecs-image-" + VERSION);
    }

    @Test
    void tarballHoldsLauncherJarCompletionManPageReadmeAndInstaller() {
        for (String f : List.of("bin/ecs-image", "lib/ecs-image.jar", "completion/ecs-image.bash",
                "man/ecs-image.1", "README.md", "install.sh")) {
            assertTrue(Files.isRegularFile(unpacked.resolve(f)), f + " missing from the tarball");
        }
        assertTrue(Files.isExecutable(unpacked.resolve("bin/ecs-image")));
        assertTrue(Files.isExecutable(unpacked.resolve("install.sh")));
    }

    @Test
    void unpackedLauncherRunsDirectlyAndThroughASymlinkOnThePath() throws Exception {
        assertVersion(run(List.of(unpacked.resolve("bin/ecs-image").toString(), "--version"), Map.of()));
        Path pathDir = Files.createDirectories(tmp.resolve("somewhere/bin"));
        Files.createSymbolicLink(pathDir.resolve("ecs-image"), Path.of("../../ecs-image-" + VERSION + "/bin/ecs-image"));
        assertVersion(run(List.of("sh", "-c", "cd / && ecs-image --version"),
                Map.of("PATH", pathDir + ":" + System.getenv("PATH"))));
    }

    @Test
    void installShPutsEverythingUnderThePrefixAndMakesTheArchive() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Result install = run(List.of(unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                TARBALL.toAbsolutePath().toString()), Map.of());
        assertEquals(0, install.status, install.err);
        assertTrue(install.out.contains("installed ecs-image " + VERSION + " into " + prefix), install.out);
        for (String f : List.of("bin/ecs-image", "share/ecs-image/ecs-image.jar", "share/ecs-image/ecs-image.jsa",
                "share/bash-completion/completions/ecs-image", "share/man/man1/ecs-image.1")) {
            assertTrue(Files.isRegularFile(prefix.resolve(f)), f + " not installed");
        }
        assertVersion(run(List.of(prefix.resolve("bin/ecs-image").toString(), "--version"), Map.of()));
    }

    @Test
    void launcherUsesAnArchiveMadeByThisJava() throws Exception {
        makeArchive();
        Result r = runWithClassLog();
        assertTrue(r.out.contains("dev.ecsimage.Main source: shared objects file (top)"), r.out);
    }

    @Test
    void archiveHoldsPicocli() throws Exception {
        makeArchive();
        Result r = runWithClassLog();
        assertTrue(r.out.contains("picocli.CommandLine$IVersionProvider source: shared objects file (top)"), r.out);
    }

    @Test
    void launcherIgnoresAnArchiveMadeByAnotherJava() throws Exception {
        makeArchive();
        Files.writeString(unpacked.resolve("lib/ecs-image.jsa.id"), "/opt/other-jdk/bin/java JAVA_VERSION=\"17.0.1\"\n");
        Result r = runWithClassLog();
        assertFalse(r.out.contains("(top)"), "a foreign archive was used");
        assertTrue(r.out.contains("dev.ecsimage.Main source: file:"), r.out);
    }

    @Test
    void launcherIgnoresABrokenArchiveWithoutAWord() throws Exception {
        makeArchive();
        Path archive = unpacked.resolve("lib/ecs-image.jsa");
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");
        assertVersion(run(List.of(unpacked.resolve("bin/ecs-image").toString(), "--version"), Map.of()));
    }

    @Test
    void completionFromTheLauncherCompletesInBash() throws Exception {
        Result r = run(List.of(unpacked.resolve("bin/ecs-image").toString(), "completion"), Map.of());
        assertEquals(0, r.status, r.err);
        Path script = Files.writeString(tmp.resolve("completion.bash"), r.out);
        assertEquals(List.of("copy", "completion"), BashCompletion.complete(script, "ecs-image co"));
        assertEquals(List.of("text", "json"), BashCompletion.complete(script, "ecs-image copy --output "));
    }

    @Test
    void debInstallsLauncherJarCompletionAndManPage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is not installed: cannot unpack the .deb");
        Path root = tmp.resolve("root");
        assertEquals(0, run(List.of("dpkg", "-x", DEB.toString(), root.toString()), Map.of()).status);
        for (String f : List.of("usr/bin/ecs-image", "usr/share/ecs-image/ecs-image.jar",
                "usr/share/bash-completion/completions/ecs-image", "usr/share/man/man1/ecs-image.1.gz")) {
            assertTrue(Files.isRegularFile(root.resolve(f)), f + " not in the .deb");
        }
        assertVersion(run(List.of(root.resolve("usr/bin/ecs-image").toString(), "--version"), Map.of()));
        Result fields = run(List.of("dpkg-deb", "-f", DEB.toString(), "Package", "Version", "Architecture", "Depends"), Map.of());
        assertEquals("Package: ecs-image\nVersion: " + VERSION + "\nArchitecture: all\n"
                + "Depends: java-runtime-headless (>= 17) | java17-runtime-headless\n", fields.out);
    }

    private void makeArchive() throws Exception {
        Result r = run(List.of(unpacked.resolve("bin/ecs-image").toString()), Map.of("ECS_IMAGE_CDS_CREATE", "1"));
        assertEquals(0, r.status, r.err);
        assertTrue(Files.isRegularFile(unpacked.resolve("lib/ecs-image.jsa")));
    }

    private Result runWithClassLog() throws Exception {
        Result r = run(List.of(unpacked.resolve("bin/ecs-image").toString(), "--version"),
                Map.of("ECS_IMAGE_JAVA_OPTS", "-Xlog:class+load=info"));
        assertEquals(0, r.status, r.err);
        return r;
    }

    private static void assertVersion(Result r) {
        assertEquals(new Result(0, "ecs-image " + VERSION + "\n", ""), r);
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> e = new HashMap<>(pb.environment());
        e.put("JAVA_HOME", JAVA_HOME);
        e.putAll(env);
        pb.environment().clear();
        pb.environment().putAll(e);
        Path err = Files.createTempFile("ecs-image-it", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }
}
