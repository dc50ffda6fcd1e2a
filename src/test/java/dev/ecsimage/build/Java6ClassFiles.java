package dev.ecsimage.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step ({@code mvn package}, after the shade plugin): marks the Java 5 class files in the
 * jar (picocli ships major version 49) as Java 6 (50). The class format is the same; what changes is
 * that HotSpot's class-data sharing accepts them (it refuses pre-Java-6 classes), so the start-up
 * archive can hold most of picocli. Classes without stack maps still verify: for version 50 the
 * JVM falls back to the type-inferring verifier, as it did for 49. Argument: the jar.
 */
public final class Java6ClassFiles {
    static final int JAVA_5 = 49;
    static final int JAVA_6 = 50;

    private Java6ClassFiles() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), "java6-", ".jar");
        int changed = 0;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && bump(bytes)) {
                    changed++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Java6ClassFiles: " + changed + " class files of " + jar + " marked Java 6");
    }

    /** Rewrites a Java 5 class file's major version in place; true when it did. */
    static boolean bump(byte[] classFile) {
        boolean java5 = classFile.length > 8 && (classFile[0] & 0xff) == 0xca && (classFile[1] & 0xff) == 0xfe
                && (classFile[2] & 0xff) == 0xba && (classFile[3] & 0xff) == 0xbe
                && classFile[6] == 0 && classFile[7] == JAVA_5;
        if (java5) {
            classFile[7] = JAVA_6;
        }
        return java5;
    }
}
