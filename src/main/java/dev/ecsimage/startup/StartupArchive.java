package dev.ecsimage.startup;

import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive of the java this runs on: tells whether it is missing or stale, and
 * makes it. The launcher finds the archive and says where it looks (system properties
 * {@value #ARCHIVE}, {@value #KEY}, {@value #DIRS}); this class does what needs a JVM:
 *
 * <ul>
 *   <li>{@link #refreshWhenStale()}, first thing in every run: compares the id beside the archive
 *       the launcher found (java.home, java.vm.version, the jar's size and time) with this
 *       run's; when they differ, or there is no archive, it starts {@code make --background}
 *       once this process ends: detached, niced, all streams on /dev/null.</li>
 *   <li>{@code main("make")} ({@code ECS_IMAGE_CDS_CREATE=1 ecs-image}, install time) and
 *       {@code main("make", "--background")}: records {@link Training} into
 *       {@code DIR/KEY.jsa} (Java 17-24, dynamic AppCDS) or {@code DIR/KEY.aot} (Java 25+, AOT
 *       cache), DIR the jar's {@code archives} folder when writable, else the per-user cache; under a
 *       lock, so that concurrent runs make it once. The id is written even when no archive came out:
 *       the tool then does not try again for this java and jar.</li>
 * </ul>
 * {@code ECS_IMAGE_CDS_CREATE=0} keeps a run from making an archive by itself.
 */
public final class StartupArchive {
    static final String ARCHIVE = "ecs-image.archive";
    static final String KEY = "ecs-image.archive.key";
    static final String DIRS = "ecs-image.archive.dirs";
    private static final long MAKING_TIMEOUT_MINUTES = 10;
    /** Ends the id of an attempt that made no archive: not tried again for a day. */
    static final String FAILED = "failed\n";
    private static final long RETRY_FAILED_AFTER_MILLIS = 24 * 60 * 60 * 1000L;

    /** Where archives live for this run: the found archive (or null), the java's key, the folders in lookup order. */
    record Layout(Path found, String key, List<Path> dirs, String jar) {
        static Layout of(String found, String key, String dirs, String jar) {
            List<Path> folders = new ArrayList<>();
            for (String dir : dirs.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    folders.add(Path.of(dir));
                }
            }
            return new Layout(found == null || found.isEmpty() ? null : Path.of(found), key, folders, jar);
        }

        /** The same layout with the archive the launcher would find now, as it looks for one. */
        Layout lookedUpAgain() {
            for (Path dir : dirs) {
                for (String suffix : List.of(".aot", ".jsa")) {
                    if (Files.isRegularFile(file(dir, suffix))) {
                        return new Layout(file(dir, suffix), key, dirs, jar);
                    }
                }
            }
            return new Layout(null, key, dirs, jar);
        }

        /** DIR/KEY plus the suffix. */
        Path file(Path dir, String suffix) {
            return Path.of(dir.toString().concat(key).concat(suffix));
        }

        /** Where an archive is made: the install's folder (the last one) when writable, else the per-user cache. */
        Path target(boolean createInstallFolder) {
            Path install = dirs.get(dirs.size() - 1);
            if (Files.isDirectory(install) ? Files.isWritable(install)
                    : createInstallFolder && Files.isWritable(install.getParent())) {
                return install;
            }
            for (Path dir : dirs) {
                if (!dir.equals(install) && creatable(dir)) {
                    return dir;
                }
            }
            return null;
        }

        private static boolean creatable(Path dir) {
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    return Files.isDirectory(p) && Files.isWritable(p);
                }
            }
            return false;
        }
    }

    private StartupArchive() {}

    /** Called first by Main: when this java's archive is missing or stale, makes it after this process. */
    public static void refreshWhenStale() {
        String key = System.getProperty(KEY);
        if (key == null || "0".equals(System.getenv("ECS_IMAGE_CDS_CREATE"))) {
            return; // not started by the launcher, or told not to
        }
        try {
            Layout layout = Layout.of(System.getProperty(ARCHIVE), key, System.getProperty(DIRS, ""),
                    System.getProperty("java.class.path"));
            // no archive found: the launcher has started the maker already (a shell job is cheaper)
            if (layout.found() != null && needsArchive(layout, false) && !beingMade(layout)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> startInBackground(layout)));
            }
        } catch (IOException | RuntimeException e) {
            // the archive only saves time: nothing about it may disturb the command
        }
    }

    /** Whether another run is making this java's archive now (it holds the lock): no need to start one more. */
    private static boolean beingMade(Layout layout) throws IOException {
        Path dir = layout.target(false);
        Path lockFile = dir == null ? null : layout.file(dir, ".lock");
        if (lockFile == null || !Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        }
    }

    /**
     * Whether to make an archive, the decision alone.
     *
     * @param expected   the id of this java and jar
     * @param found      whether the launcher found an archive
     * @param foundId    the id beside that archive (null when none)
     * @param recorded   the ids of this java's attempts that made no archive, within the last day
     * @param writable   whether there is a folder to make one in
     */
    static boolean stale(String expected, boolean found, String foundId, List<String> recorded, boolean writable) {
        if (!writable) {
            return false;
        }
        if (found) {
            return !expected.equals(foundId);
        }
        return !recorded.contains(expected);
    }

    /**
     * What identifies the java and the jar an archive serves: it stops serving when any of these
     * change. Not the jar's path: the same jar is reached by several ({@code ./bin/ecs-image}).
     */
    static String id(String javaHome, String vmVersion, long jarSize, long jarModified) {
        // A StringBuilder, not +: on Java 17, + spins up method handles that no archive holds.
        return new StringBuilder("java.home=").append(javaHome).append("\njava.vm.version=").append(vmVersion)
                .append("\njar.size=").append(jarSize).append("\njar.modified=").append(jarModified).append('\n')
                .toString();
    }

    private static String currentId(String jar) throws IOException {
        BasicFileAttributes a = Files.readAttributes(Path.of(jar), BasicFileAttributes.class);
        return id(System.getProperty("java.home"), System.getProperty("java.vm.version"), a.size(),
                a.lastModifiedTime().toMillis());
    }

    /** What every run does to tell whether its archive is fresh, on files of the training's: loads the same classes. */
    static void train(Path dir, String jar) throws IOException {
        Files.writeString(dir.resolve("java.id"), id("", "", 0, 0), StandardCharsets.UTF_8);
        needsArchive(Layout.of(dir.resolve("java.jsa").toString(), "/java", dir.toString(), jar), false);
    }

    static boolean needsArchive(Layout layout, boolean createInstallFolder) throws IOException {
        String expected = currentId(layout.jar());
        String foundId = null;
        if (layout.found() != null) {
            String name = layout.found().getFileName().toString();
            foundId = read(layout.found().resolveSibling(name.substring(0, name.lastIndexOf('.')).concat(".id")));
            if (expected.equals(foundId)) {
                return false; // the common case, decided by one small read
            }
        }
        List<String> recorded = new ArrayList<>(); // failed attempts; an archive lost since it was made is made again
        for (Path dir : layout.dirs()) {
            Path file = layout.file(dir, ".id");
            String id = read(file);
            if (id != null && id.endsWith(FAILED) && System.currentTimeMillis()
                    - Files.getLastModifiedTime(file).toMillis() < RETRY_FAILED_AFTER_MILLIS) {
                recorded.add(id.substring(0, id.length() - FAILED.length()));
            }
        }
        return stale(expected, layout.found() != null, foundId, recorded, layout.target(createInstallFolder) != null);
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code make --background} detached from this run: no stream of it reaches the user, Ctrl-C spares it. */
    private static void startInBackground(Layout layout) {
        try {
            // The shell starts the maker as its background job and exits at once: waiting for it
            // here keeps no thread of this JVM in waitpid, which would hold the JVM's exit for
            // 300 ms (HotSpot waits that long for threads in native code).
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                    "trap '' INT HUP; if command -v nice >/dev/null; then nice -n 10 \"$@\" & else \"$@\" & fi",
                    "sh"));
            command.addAll(makeCommand(layout, "--background"));
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // no archive this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> makeCommand(Layout layout, String mode) {
        String dirs = String.join(File.pathSeparator, layout.dirs().stream().map(Path::toString).toList());
        return List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds*=off,class+path*=off",
                "-D" + KEY + "=" + layout.key(), "-D" + DIRS + "=" + dirs, "-cp", layout.jar(),
                StartupArchive.class.getName(), "make", mode);
    }

    /**
     * {@code make}: makes the archive now, says on stderr when it cannot, exit 1. {@code make
     * --background}: makes it unless another run is making it or has made it meanwhile, silently.
     */
    public static void main(String[] args) throws Exception {
        boolean background = args.length > 1 && args[1].equals("--background");
        Layout layout = Layout.of(System.getProperty(ARCHIVE), System.getProperty(KEY), System.getProperty(DIRS, ""),
                System.getProperty("java.class.path"));
        String problem = make(layout, background);
        if (problem != null && !background) {
            // UTF-8 as the tool's own output: System.err speaks the platform's charset, often ASCII in containers
            new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8)
                    .println("ecs-image: " + messages(System.getenv()).get(problem, java(), layout.dirs()));
            System.exit(1);
        }
        System.exit(0);
    }

    /** The language of what {@code ECS_IMAGE_CDS_CREATE=1} says: ECS_IMAGE_LANG, else the locale (no profile is read). */
    static Messages messages(Map<String, String> env) {
        for (String name : List.of("ECS_IMAGE_LANG", "LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Messages.of(Language.ofLocale(value));
            }
        }
        return Messages.of(Language.en);
    }

    /** Makes the archive; null, or the key of what went wrong (its arguments: the java, the folders). */
    static String make(Layout layout, boolean background) throws IOException, InterruptedException {
        Path dir = layout.target(!background);
        if (dir == null) {
            return "archive.no-folder";
        }
        Path base = layout.file(dir, "");
        Files.createDirectories(base.getParent());
        try (FileChannel channel = FileChannel.open(layout.file(dir, ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = background ? channel.tryLock() : channel.lock()) {
            if (lock == null || background && !needsArchive(layout.lookedUpAgain(), false)) {
                return null; // being made, or made meanwhile
            }
            for (Path other : layout.dirs()) {
                for (String suffix : List.of(".aot", ".jsa", ".id")) {
                    try {
                        Files.deleteIfExists(layout.file(other, suffix)); // a stale one elsewhere would shadow the new one
                    } catch (IOException e) {
                        // a read-only folder: the launcher looks in the writable cache first
                    }
                }
            }
            boolean aot = Runtime.version().feature() >= 25;
            Path archive = layout.file(dir, aot ? ".aot" : ".jsa");
            Path partial = layout.file(dir, aot ? ".aot.part" : ".jsa.part");
            Files.deleteIfExists(partial);
            List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    aot ? "-XX:AOTCacheOutput=" + partial : "-XX:ArchiveClassesAtExit=" + partial,
                    aot ? "-Xlog:aot*=off,cds*=off,class+path*=off" : "-Xlog:cds*=off,class+path*=off",
                    "-cp", layout.jar(), Training.class.getName()));
            Process training = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean ended = training.waitFor(MAKING_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                training.destroyForcibly().waitFor();
            }
            boolean made = ended && training.exitValue() == 0 && Files.isRegularFile(partial);
            if (made) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(partial); // cut short: maybe incomplete
            }
            Path id = layout.file(dir, ".id.part");
            Files.writeString(id, made ? currentId(layout.jar()) : currentId(layout.jar()).concat(FAILED),
                    StandardCharsets.UTF_8);
            Files.move(id, layout.file(dir, ".id"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return made ? null : "archive.not-made";
        }
    }
}
