package dev.ecsimage.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} ships, used as a person would: the tarball unpacked anywhere and run
 * through a symlink on the PATH, {@code install.sh} into a prefix and out again, the .deb
 * unpacked with {@code dpkg -x}, the launcher's class-data archives (used when they match, ignored
 * silently when not, made in the background for a java without one), and the launcher on a
 * machine without a usable Java.
 */
class PackagingIT {
    static final String VERSION = Version.version();
    static final Path TARBALL = Path.of("target/ecs-image-" + VERSION + ".tar.gz");
    static final Path DEB = Path.of("target/ecs-image_" + VERSION + "_all.deb");
    static final String JAVA_HOME = System.getProperty("java.home");
    static final String JAVA_25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

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
        Path archives = prefix.resolve("share/ecs-image/archives");
        assertTrue(Files.isRegularFile(archive(archives, JAVA_HOME)), "no archive for " + JAVA_HOME);
        for (String f : List.of("bin/ecs-image", "share/ecs-image/ecs-image.jar",
                "share/bash-completion/completions/ecs-image", "share/man/man1/ecs-image.1",
                "share/man/zh_CN/man1/ecs-image.1")) {
            assertTrue(Files.isRegularFile(prefix.resolve(f)), f + " not installed");
        }
        assertVersion(run(List.of(prefix.resolve("bin/ecs-image").toString(), "--version"), Map.of()));

        Set<String> expected = new TreeSet<>();
        try (Stream<Path> installed = Files.walk(prefix)) {
            installed.filter(p -> !p.equals(prefix) && !p.equals(prefix.resolve("bin"))
                            && (p.equals(archives) || !p.startsWith(archives)))
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
        Result r = runWithClassLog(Map.of());
        assertTrue(r.out.contains("dev.ecsimage.Main source: shared objects file"), r.out);
    }

    @Test
    void aBareVersionMapsNoArchiveAndLooksAtNone() throws Exception {
        makeArchive();
        Map<String, String> classLog = Map.of("ECS_IMAGE_JAVA_OPTS", "-Xlog:class+load=info");
        Result r = run(List.of(unpacked.resolve("bin/ecs-image").toString(), "--version"), classLog);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("dev.ecsimage.Main source: file:"), r.out);
        assertFalse(r.out.contains("dev.ecsimage.startup.StartupArchive"), r.out);
        Result v = run(List.of(unpacked.resolve("bin/ecs-image").toString(), "-V", "--verbose"), classLog);
        assertTrue(v.out.contains("dev.ecsimage.Main source: shared objects file"), v.out);
    }

    @Test
    void aJavaFoundThroughARelativePathEntryHasAnArchiveOfItsOwn() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work/jdk/bin")).getParent().getParent();
        Files.createSymbolicLink(work.resolve("jdk/bin/java"), Path.of(JAVA_HOME, "bin/java"));
        Result r = run(List.of("sh", "-c", "cd \"$0\" && exec \"$1\"", work.toString(),
                unpacked.resolve("bin/ecs-image").toString()),
                Map.of("JAVA_HOME", "", "PATH", "jdk/bin:/usr/bin:/bin", "ECS_IMAGE_CDS_CREATE", "1"));
        assertEquals(new Result(0, "", ""), r);
        Path archives = unpacked.resolve("lib/archives");
        Path made = archiveFolder(archives, work.resolve("jdk").toString()).resolve(archive(archives, JAVA_HOME).getFileName());
        assertTrue(Files.isRegularFile(made), "not keyed by where jdk/bin/java is: " + made);
    }

    @Test
    void archiveHoldsTheClientCommandsButNotTheSandbox() throws Exception {
        makeArchive();
        Result r = run(List.of(JAVA_HOME + "/bin/java", "-XX:SharedArchiveFile=" + archive(unpacked.resolve("lib/archives"),
                JAVA_HOME), "-XX:+PrintSharedArchiveAndExit", "-cp", unpacked + "/lib/ecs-image.jar",
                "dev.ecsimage.Main"), Map.of());
        Set<String> archived = new TreeSet<>();
        r.out.lines().filter(l -> l.endsWith(" app_loader")).forEach(l -> archived.add(l.replaceAll("^ *\\d+: | app_loader$", "")));
        for (String used : List.of("picocli.CommandLine", "dev.ecsimage.Main", "dev.ecsimage.cli.StatusCommand",
                "dev.ecsimage.cli.CancelCommand", "dev.ecsimage.api.EcsClient", "dev.ecsimage.transport.RpcV1Signer")) {
            assertTrue(archived.contains(used), used + " is not in the archive: " + archived);
        }
        for (String server : List.of("dev.ecsimage.sandbox.SimulatedEcs", "dev.ecsimage.startup.TrainingSandbox",
                "com.sun.net.httpserver.HttpServer")) {
            assertFalse(archived.contains(server), server + " is in the archive");
        }
    }

    @Test
    void aStaleArchiveIsUsedNoLongerAndRemadeInTheBackground() throws Exception {
        makeArchive();
        Path id = archiveFolder(unpacked.resolve("lib/archives"), JAVA_HOME).resolve("java.id");
        String made = Files.readString(id);
        Files.writeString(id, made.replace("java.vm.version=", "java.vm.version=0"));
        assertEquals(0, run(List.of(unpacked.resolve("bin/ecs-image").toString(), "--help"),
                Map.of("ECS_IMAGE_CDS_CREATE", "")).status);
        awaitFile(id, made);
    }

    @Test
    void firstRunOnAnotherJavaMakesItsArchiveInTheBackgroundAndTheNextRunUsesIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(JAVA_25, "bin/java")), JAVA_25 + " is not installed");
        Path prefix = tmp.resolve("prefix");
        assertEquals(0, run(List.of(unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString()), Map.of())
                .status);
        Path archives = prefix.resolve("share/ecs-image/archives");
        Path aot = archive(archives, JAVA_25);
        assertFalse(Files.exists(aot));
        String launcher = prefix.resolve("bin/ecs-image").toString();
        Map<String, String> on25 = Map.of("JAVA_HOME", JAVA_25, "ECS_IMAGE_CDS_CREATE", "");

        // Exactly the command's output, and its end is not held up by the archive being made: making one takes
        // seconds (a JVM, a copy followed to its end), so it cannot be there yet unless the run waited for it.
        assertVersion(run(List.of(launcher, "--version"), on25));
        assertFalse(Files.exists(archiveFolder(archives, JAVA_25).resolve("java.id")), "the run waited for the archive");
        awaitFile(archiveFolder(archives, JAVA_25).resolve("java.id"), null);
        assertTrue(Files.isRegularFile(aot), "no AOT cache for " + JAVA_25);

        Result r = runWithClassLog(launcher, on25);
        assertTrue(r.out.contains("dev.ecsimage.Main source: shared objects file"), r.out);
    }

    @Test
    void withoutAnArchivesFolderTheArchiveGoesToTheUsersCache() throws Exception {
        String launcher = unpacked.resolve("bin/ecs-image").toString();
        assertVersion(run(List.of(launcher, "--version"), Map.of("ECS_IMAGE_CDS_CREATE", "")));
        Path cache = userCache();
        awaitFile(archiveFolder(cache, JAVA_HOME).resolve("java.id"), null);
        assertTrue(Files.isRegularFile(archive(cache, JAVA_HOME)));
        assertFalse(Files.exists(unpacked.resolve("lib/archives")));
        Result r = runWithClassLog(Map.of());
        assertTrue(r.out.contains("dev.ecsimage.Main source: shared objects file"), r.out);
    }

    @Test
    void aReadOnlyArchivesFolderFallsBackToTheUsersCache() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes to read-only folders");
        Path archives = Files.createDirectories(unpacked.resolve("lib/archives"));
        assertTrue(archives.toFile().setWritable(false));
        try {
            assertVersion(run(List.of(unpacked.resolve("bin/ecs-image").toString(), "--version"),
                    Map.of("ECS_IMAGE_CDS_CREATE", "")));
            Path cache = userCache();
            awaitFile(archiveFolder(cache, JAVA_HOME).resolve("java.id"), null);
            assertTrue(Files.isRegularFile(archive(cache, JAVA_HOME)));
        } finally {
            archives.toFile().setWritable(true);
        }
    }

    @Test
    void theLaunchersPathWithAnArchiveStartsNoProcessButJava() throws Exception {
        assumeTrue(run(List.of("strace", "-o", "/dev/null", "true"), Map.of()).status == 0, "no working strace");
        makeArchive();
        Path trace = tmp.resolve("trace");
        assertVersion(run(List.of("strace", "-f", "-e", "trace=execve,fork,vfork,clone,clone3", "-o", trace.toString(),
                unpacked.resolve("bin/ecs-image").toString(), "--version"), Map.of("ECS_IMAGE_CDS_CREATE", "")));
        List<String> lines = Files.readAllLines(trace);
        List<String> programs = lines.stream().filter(l -> l.contains("execve(") && l.endsWith("= 0"))
                .map(l -> l.replaceAll("^\\d+ +execve\\(\"([^\"]*)\".*", "$1")).toList();
        assertEquals(List.of(unpacked.resolve("bin/ecs-image").toString(), JAVA_HOME + "/bin/java"), programs);
        assertEquals(List.of(), lines.stream().filter(l -> l.matches("^\\d+ +(v?fork|clone3?)\\(.*")
                && !l.contains("CLONE_THREAD")).toList(), "a process was started");
    }

    @Test
    void launcherIgnoresABrokenArchiveWithoutAWord() throws Exception {
        makeArchive();
        Path archive = archive(unpacked.resolve("lib/archives"), JAVA_HOME);
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
        assertEquals(new Result(0, "", ""), r);
        assertTrue(Files.isRegularFile(archive(unpacked.resolve("lib/archives"), JAVA_HOME)));
    }

    private Result runWithClassLog(Map<String, String> env) throws Exception {
        return runWithClassLog(unpacked.resolve("bin/ecs-image").toString(), env);
    }

    private Result runWithClassLog(String launcher, Map<String, String> env) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("ECS_IMAGE_JAVA_OPTS", "-Xlog:class+load=info");
        Result r = run(List.of(launcher, "--help"), e);
        assertEquals(0, r.status, r.err);
        return r;
    }

    /** The user's cache of archives for the unpacked tarball: one folder per install, under the jar's folder. */
    private Path userCache() {
        return Path.of(tmp.resolve("home/.cache/ecs-image") + unpacked.resolve("lib").toString());
    }

    /** The folder of the archives of JAVA_HOME/bin/java under {@code archives}. */
    private static Path archiveFolder(Path archives, String javaHome) {
        return Path.of(archives + javaHome + "/bin");
    }

    /** The archive of JAVA_HOME/bin/java under {@code archives}: an AOT cache from Java 25 on, else a dynamic archive. */
    private static Path archive(Path archives, String javaHome) throws IOException {
        String release = Files.readString(Path.of(javaHome, "release"));
        boolean aot = !release.matches("(?s).*JAVA_VERSION=\"(1[0-9]|2[0-4])[.\"].*");
        return archiveFolder(archives, javaHome).resolve(aot ? "java.aot" : "java.jsa");
    }

    /**
     * Waits for the archive being made in the background: until {@code file} exists (and holds
     * {@code text}, when given), for at most two minutes, looking every 100 ms.
     */
    private static void awaitFile(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.isRegularFile(file) && (text == null || text.equals(Files.readString(file))))) {
            assertTrue(System.nanoTime() < deadline, file + " was not made within two minutes");
            Thread.sleep(100);
        }
    }

    private static void assertVersion(Result r) {
        assertEquals(new Result(0, "ecs-image " + VERSION + "\n", ""), r);
    }

    /**
     * Runs {@code command} with this process's environment, this JVM as JAVA_HOME, a home of its own
     * (for the per-user cache of archives), no archive made in the background (ECS_IMAGE_CDS_CREATE=0:
     * the tests that want one say so), and {@code env}.
     */
    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> e = new HashMap<>(System.getenv());
        e.remove("XDG_CACHE_HOME");
        e.put("HOME", tmp.resolve("home").toString());
        e.put("JAVA_HOME", JAVA_HOME);
        e.put("ECS_IMAGE_CDS_CREATE", "0");
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
