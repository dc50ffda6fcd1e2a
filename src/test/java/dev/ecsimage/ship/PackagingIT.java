package dev.ecsimage.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsimage.cli.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} ships, used as a person would: the tarball unpacked anywhere and run
 * through a symlink on the PATH, {@code install.sh} into a prefix and out again, the .deb
 * unpacked with {@code dpkg -x}, the launcher's class-data archive (used when it matches, ignored
 * silently when not), and the launcher on a machine without a usable Java.
 */
class PackagingIT {
    static final String VERSION = Version.version();
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
                "man/ecs-image.1", "man/zh_CN/man1/ecs-image.1", "README.md", "README.zh-CN.md", "install.sh")) {
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
    void installShPutsEverythingUnderThePrefixAndMakesTheArchiveThenUninstallRemovesItAll() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Result install = run(List.of(unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                TARBALL.toAbsolutePath().toString()), Map.of());
        assertEquals(0, install.status, install.err);
        assertTrue(install.out.contains("installed ecs-image " + VERSION + " into " + prefix), install.out);
        for (String f : List.of("bin/ecs-image", "share/ecs-image/ecs-image.jar", "share/ecs-image/ecs-image.jsa",
                "share/bash-completion/completions/ecs-image", "share/man/man1/ecs-image.1",
                "share/man/zh_CN/man1/ecs-image.1")) {
            assertTrue(Files.isRegularFile(prefix.resolve(f)), f + " not installed");
        }
        assertVersion(run(List.of(prefix.resolve("bin/ecs-image").toString(), "--version"), Map.of()));

        Set<String> expected = new TreeSet<>();
        try (Stream<Path> installed = Files.walk(prefix)) {
            installed.filter(p -> !p.equals(prefix) && !p.equals(prefix.resolve("bin")))
                    .forEach(p -> expected.add("removed " + p + (Files.isDirectory(p) ? "/" : "")));
        }
        Path foreign = Files.writeString(prefix.resolve("bin/other-tool"), "not ours");
        List<String> uninstall = List.of(unpacked.resolve("install.sh").toString(), "--uninstall", "--prefix",
                prefix.toString());
        Result removed = run(uninstall, Map.of());
        assertEquals(0, removed.status, removed.err);
        assertEquals(expected, new TreeSet<>(removed.out.lines().toList()));
        try (Stream<Path> left = Files.walk(prefix)) {
            assertEquals(List.of(prefix, prefix.resolve("bin"), foreign), left.sorted().toList());
        }
        assertEquals(new Result(0, "ecs-image is not installed in " + prefix + ": nothing to remove\n", ""),
                run(uninstall, Map.of()));
        Files.delete(foreign);
        assertEquals(new Result(0, "removed " + prefix.resolve("bin") + "/\n"
                + "ecs-image is not installed in " + prefix + ": nothing to remove\n", ""), run(uninstall, Map.of()));
    }

    @Test
    void uninstallKeepsAnotherProgramOfTheSameName() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Path other = Files.writeString(Files.createDirectories(prefix.resolve("bin")).resolve("ecs-image"), "#!/bin/sh\n");
        Result r = run(List.of(unpacked.resolve("install.sh").toString(), "--uninstall", "--prefix", prefix.toString()),
                Map.of());
        assertEquals(new Result(0, "kept " + other + ": it is not the ecs-image launcher\n"
                + "ecs-image is not installed in " + prefix + ": nothing to remove\n", ""), r);
        assertEquals("#!/bin/sh\n", Files.readString(other));
    }

    @Test
    void launcherWithoutJavaSaysWhatToDo() throws Exception {
        String launcher = unpacked.resolve("bin/ecs-image").toString();
        assertEquals(new Result(3, "", "ecs-image: ecs-image needs Java 17 or newer: install it or set JAVA_HOME\n"),
                runWithExactly(List.of(launcher, "--version"), Map.of("PATH", "")));
        Path notJava = Files.createDirectories(tmp.resolve("not-a-jdk"));
        assertEquals(new Result(3, "", "ecs-image: ecs-image needs Java 17 or newer: install it or set JAVA_HOME ("
                + notJava + " has no bin/java)\n"),
                runWithExactly(List.of(launcher, "--version"), Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", notJava.toString())));
    }

    @Test
    void launcherRefusesAnOldJavaByItsReleaseFileWithoutStartingIt() throws Exception {
        Path jdk = tmp.resolve("jdk-11.0.2");
        Path started = tmp.resolve("java-was-started");
        Path java = Files.writeString(Files.createDirectories(jdk.resolve("bin")).resolve("java"),
                "#!/bin/sh\ntouch '" + started + "'\n");
        java.toFile().setExecutable(true);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"11.0.2\"\n"
                + "JAVA_VERSION_DATE=\"2019-01-15\"\n");
        String expected = "ecs-image: ecs-image needs Java 17 or newer: install it or set JAVA_HOME (" + java
                + " is Java 11.0.2)\n";
        String launcher = unpacked.resolve("bin/ecs-image").toString();
        assertEquals(new Result(3, "", expected),
                runWithExactly(List.of(launcher, "--version"), Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString())));
        assertEquals(new Result(3, "", expected),
                runWithExactly(List.of(launcher, "--version"), Map.of("PATH", jdk.resolve("bin") + ":/usr/bin:/bin")));
        assertFalse(Files.exists(started), "the old java was started");
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
        Result r = runWithClassLog("--help");
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
                "usr/share/bash-completion/completions/ecs-image", "usr/share/man/man1/ecs-image.1.gz",
                "usr/share/man/zh_CN/man1/ecs-image.1.gz")) {
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
        return runWithClassLog("--version");
    }

    /** {@code --version} loads no picocli: {@code --help} shows whether the archive holds it. */
    private Result runWithClassLog(String argument) throws Exception {
        Result r = run(List.of(unpacked.resolve("bin/ecs-image").toString(), argument),
                Map.of("ECS_IMAGE_JAVA_OPTS", "-Xlog:class+load=info"));
        assertEquals(0, r.status, r.err);
        return r;
    }

    private static void assertVersion(Result r) {
        assertEquals(new Result(0, "ecs-image " + VERSION + "\n", ""), r);
    }

    /** Runs {@code command} with this process's environment, this JVM as JAVA_HOME, and {@code env}. */
    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> e = new HashMap<>(System.getenv());
        e.put("JAVA_HOME", JAVA_HOME);
        e.putAll(env);
        return runWithExactly(command, e);
    }

    /** Runs {@code command} with {@code env} as its whole environment. */
    private static Result runWithExactly(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
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
