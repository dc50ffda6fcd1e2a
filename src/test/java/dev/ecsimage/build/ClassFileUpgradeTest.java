package dev.ecsimage.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ClassFileUpgradeTest {
    private static byte[] picocli() throws Exception {
        try (InputStream in = ClassFileUpgradeTest.class.getResourceAsStream("/picocli/CommandLine$Range.class")) {
            return in.readAllBytes();
        }
    }

    private static int major(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** Counts the stack map frames ASM reads back (0 when the class file has none). */
    private static int frames(byte[] classFile) {
        int[] count = {0};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String d, String s, String[] e) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                        count[0]++;
                    }
                };
            }
        }, 0);
        return count[0];
    }

    @Test
    void picocliShipsJava5ClassFilesWithoutFrames() throws Exception {
        byte[] original = picocli();
        assertEquals(49, major(original));
        assertEquals(0, frames(original));
        assertTrue(ClassFileUpgrade.needsFrames(original));
    }

    @Test
    void theUpgradeIsJava8WithFramesAndLoads() throws Exception {
        byte[] upgraded = ClassFileUpgrade.upgrade(picocli());

        assertEquals(52, major(upgraded));
        assertTrue(frames(upgraded) > 0);
        assertFalse(ClassFileUpgrade.needsFrames(upgraded));
        Class<?> loaded = new ClassLoader(null) {
            Class<?> define() {
                return defineClass("picocli.CommandLine$Range", upgraded, 0, upgraded.length);
            }
        }.define();
        assertEquals("picocli.CommandLine$Range", loaded.getName());
    }

    @Test
    void modernClassFilesAreLeftAlone() throws Exception {
        try (InputStream in = ClassFileUpgradeTest.class.getResourceAsStream("/dev/ecsimage/Main.class")) {
            assertFalse(ClassFileUpgrade.needsFrames(in.readAllBytes()));
        }
    }
}
