package dev.ecsimage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/**
 * The tool's version, as Maven wrote it into the jar. No picocli here: {@code Main}
 * answers a bare {@code --version} before any command model is built ({@link VersionProvider} is
 * picocli's side of the same line).
 */
public final class Version {
    private Version() {}

    private static volatile String version;

    /**
     * The version: from the jar's manifest, which the class loader has read already (or the
     * class-data archive holds), so a run looks up no class-path resource for it; a run from the
     * classes folder (the tests) has no manifest and reads {@code version.properties}.
     */
    public static String version() {
        String v = version;
        if (v == null) {
            v = Version.class.getPackage().getImplementationVersion();
            version = v = v != null ? v : fromProperties();
        }
        return v;
    }

    private static String fromProperties() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/ecsimage/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    /** {@code ecs-image 0.1.0}: what {@code --version} prints. */
    static String line() {
        return "ecs-image " + version();
    }

    /** Whether {@code args} are exactly {@code --version} or {@code -V}. */
    public static boolean onlyAsked(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Prints what picocli prints for {@code --version}. */
    public static void print(PrintWriter out) {
        out.println(line());
        out.flush();
    }
}
