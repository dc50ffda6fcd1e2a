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
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step ({@code mvn package}, after the shade plugin): rewrites the pre-Java-7 class files in
 * the jar (picocli ships Java 5 ones) as Java 8 class files with stack map frames. HotSpot's
 * class-data sharing refuses Java 5 classes, and classes that verify only by the old
 * type-inferring verifier; with frames computed here they verify the modern way and the start-up
 * archive holds all of picocli. The code itself is unchanged. Argument: the jar.
 */
public final class ClassFileUpgrade {
    private ClassFileUpgrade() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), "upgrade-", ".jar");
        int changed = 0;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && needsFrames(bytes)) {
                    bytes = upgrade(bytes);
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
        System.out.println("ClassFileUpgrade: " + changed + " class files of " + jar + " now Java 8 with stack maps");
    }

    /** A class file older than Java 7 (major version below 51): it may lack stack map frames. */
    static boolean needsFrames(byte[] classFile) {
        return classFile.length > 8 && (classFile[0] & 0xff) == 0xca && (classFile[1] & 0xff) == 0xfe
                && (classFile[2] & 0xff) == 0xba && (classFile[3] & 0xff) == 0xbe
                && classFile[6] == 0 && (classFile[7] & 0xff) < Opcodes.V1_7;
    }

    /** The same class as a Java 8 class file, frames and maximum stack sizes computed anew. */
    static byte[] upgrade(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return ClassFileUpgrade.class.getClassLoader();
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
