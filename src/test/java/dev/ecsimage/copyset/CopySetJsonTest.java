package dev.ecsimage.copyset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import dev.ecsimage.output.Sentence;
import org.junit.jupiter.api.Test;

class CopySetJsonTest {
    @Test
    void whatIsWrittenReadsBackAsTheSameSet() throws Exception {
        CopySet set = new CopySet("cn-hangzhou", "m-src", List.of(
                new Copy("cn-shanghai", "m-1", "Creating", 40, 120L, "req-1", "t-sh", false, null, null),
                new Copy("cn-beijing", null, Copy.ERROR, null, null, null, "t-bj", false, List.of(),
                        new CopyError("QuotaExceed.Image", "full", "req-2", 403, 8)),
                new Copy("cn-nanjing", null, Copy.UNKNOWN, null, null, null, "t-nj", true, null,
                        new CopyError("NetworkError", "no answer", null, null, 9)),
                new Copy("cn-shenzhen", "m-4", "Available", 100, null, null, "t-sz", false,
                        List.of("1234567890123456", "1999999999999999"),
                        new CopyError("QuotaExceed.ShareImageUser", "too many", "req-4", 403, 8))));

        String text = CopySetJson.write(set).toPrettyString();
        CopySet back = CopySetJson.read(text);

        assertEquals("cn-hangzhou", back.sourceRegion());
        assertEquals("m-src", back.sourceImageId());
        assertEquals(List.of(
                new Copy("cn-shanghai", "m-1", "Creating", 40, null, "req-1", "t-sh", false, null, null),
                set.copies().get(1), set.copies().get(2), set.copies().get(3)), back.copies(),
                "all but the remaining time, not written");
        assertTrue(text.contains("\"sharedWith\" : [ \"1234567890123456\", \"1999999999999999\" ]"), text);
        assertTrue(text.contains("\"sharedWith\" : null"), "no sharing asked for: null\n" + text);
        assertTrue(text.contains("\"sharedWith\" : [ ]"), "asked for, none shared yet: empty\n" + text);
        assertEquals(text, CopySetJson.write(back).toPrettyString());
    }

    @Test
    void fieldsItDoesNotKnowAreIgnoredSoLaterDocumentsStillRead() throws Exception {
        CopySet set = CopySetJson.read("""
                {"sourceImageId": "m-src", "sourceRegion": "cn-hangzhou", "version": 2,
                 "copies": [{"region": "cn-shanghai", "imageId": "m-1", "status": "Available",
                             "sharedWith": ["1234567890123456"], "sharedBy": "someone", "error": null}]}
                """);

        assertEquals(List.of(new Copy("cn-shanghai", "m-1", "Available", null, null, null, null, false,
                List.of("1234567890123456"), null)), set.copies());
    }

    @Test
    void anErrorNeedsItsExitStatusAndCodeAndNumbersMustBeWhole() {
        assertEquals("copies[0].error: \"exitStatus\" is missing", said(assertThrows(CopySetJson.NotACopySet.class,
                () -> CopySetJson.read("{\"copies\": [{\"region\": \"cn-shanghai\", \"status\": \"Error\", "
                        + "\"error\": {\"code\": \"X\"}}]}"))));
        assertEquals("copies[0].error: \"code\" is missing", said(assertThrows(CopySetJson.NotACopySet.class,
                () -> CopySetJson.read("{\"copies\": [{\"region\": \"cn-shanghai\", \"status\": \"Error\", "
                        + "\"error\": {\"exitStatus\": 6}}]}"))));
        assertEquals("copies[0]: \"progress\" must be a whole number", said(assertThrows(CopySetJson.NotACopySet.class,
                () -> CopySetJson.read("{\"copies\": [{\"region\": \"cn-shanghai\", \"status\": \"Creating\", "
                        + "\"progress\": \"40%\"}]}"))));
        assertEquals("copies[0]: \"reused\" must be true or false", said(assertThrows(CopySetJson.NotACopySet.class,
                () -> CopySetJson.read("{\"copies\": [{\"region\": \"cn-shanghai\", \"status\": \"Creating\", "
                        + "\"reused\": \"no\"}]}"))));
        assertEquals("not a JSON object", said(assertThrows(CopySetJson.NotACopySet.class,
                () -> CopySetJson.read("[]"))));
        assertEquals("copies[0]: \"sharedWith\" must be a list of account ids or null",
                said(assertThrows(CopySetJson.NotACopySet.class, () -> CopySetJson.read("{\"copies\": [{\"region\": "
                        + "\"cn-shanghai\", \"status\": \"Available\", \"sharedWith\": \"1234567890123456\"}]}"))));
        assertEquals("copies[0]: \"sharedWith\" must hold account ids (non-empty strings)",
                said(assertThrows(CopySetJson.NotACopySet.class, () -> CopySetJson.read("{\"copies\": [{\"region\": "
                        + "\"cn-shanghai\", \"status\": \"Available\", \"sharedWith\": [1234567890123456]}]}"))));
    }

    /** Why the reader refused, as an English run says it. */
    private static String said(CopySetJson.NotACopySet e) {
        return new Sentence(e.key(), e.args()).english();
    }
}
