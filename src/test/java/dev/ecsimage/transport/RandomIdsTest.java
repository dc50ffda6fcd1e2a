package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nonces and ClientTokens are random version-4 UUIDs written as UUID.randomUUID() writes them. */
class RandomIdsTest {
    private static final String FORM = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void randomVersion4UuidsFromTheSystem() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RandomIds.uuid();
            assertTrue(id.matches(FORM), id);
            assertEquals(4, UUID.fromString(id).version());
            assertEquals(2, UUID.fromString(id).variant());
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void theBytesReadMakeTheUuid(@TempDir Path dir) throws Exception {
        Path bytes = dir.resolve("bytes");
        byte[] all = new byte[16];
        java.util.Arrays.fill(all, (byte) 0xff);
        Files.write(bytes, all);
        assertEquals("ffffffff-ffff-4fff-bfff-ffffffffffff", RandomIds.uuid(bytes.toString()));
        Files.write(bytes, new byte[17]);
        assertEquals("00000000-0000-4000-8000-000000000000", RandomIds.uuid(bytes.toString()));
    }

    @Test
    void withoutTheSourceUuidRandomUuidMakesThem(@TempDir Path dir) throws Exception {
        Path shortFile = dir.resolve("short");
        Files.write(shortFile, new byte[15]);
        for (String source : new String[] {dir.resolve("missing").toString(), shortFile.toString(), dir.toString()}) {
            String id = RandomIds.uuid(source);
            assertTrue(id.matches(FORM), id);
            assertTrue(!id.equals("00000000-0000-4000-8000-000000000000"), id);
        }
    }
}
