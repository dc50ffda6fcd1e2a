package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.transport.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Service answers: success JSON (lenient), error JSON, and everything that is not the service's JSON. */
class ResponseParserTest {
    private static final String ENDPOINT = "https://ecs.cn-beijing.aliyuncs.com";

    private static RawResponse raw(int status, String body) {
        return new RawResponse(status, body, ENDPOINT, "sts");
    }

    private static EcsException failure(int status, String body) {
        return assertThrows(EcsException.class, () -> ResponseParser.parse(raw(status, body)));
    }

    @Test
    void jsonErrorCarriesEverything() {
        EcsException e = failure(403, "{\"RequestId\":\"R-1\",\"HostId\":\"ecs.cn-beijing.aliyuncs.com\","
                + "\"Code\":\"QuotaExceed.Image\",\"Message\":\"The Image Quota exceeds.\","
                + "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=QuotaExceed.Image\"}");
        assertEquals("QuotaExceed.Image", e.code());
        assertEquals("The Image Quota exceeds.", e.getMessage());
        assertEquals("R-1", e.requestId());
        assertEquals(403, e.httpStatus());
        assertEquals("https://api.aliyun.com/troubleshoot?q=QuotaExceed.Image", e.recommend());
        assertEquals(ErrorKind.QUOTA, e.kind());
        assertEquals("QuotaExceed.Image: The Image Quota exceeds. (HTTP 403, RequestId R-1)", e.describe());
    }

    @Test
    void jsonErrorWithoutMessage() {
        EcsException e = failure(400, "{\"Code\":\"MissingParameter\"}");
        assertEquals("MissingParameter: no message (HTTP 400)", e.describe());
        assertNull(e.requestId());
        assertNull(e.recommend());
    }

    @Test
    void jsonErrorMessageLosesItsSecurityToken() {
        EcsException e = failure(400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not "
                + "matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dak"
                + "%26SecurityToken%3DCAISsecret%26Version%3D2014-05-26\"}");
        assertEquals("Specified signature is not matched with our calculation. server string to sign is:"
                + "POST&%2F&AccessKeyId%3Dak%26SecurityToken%3D<redacted>%26Version%3D2014-05-26", e.getMessage());
    }

    @Test
    void xmlBody() {
        EcsException e = failure(400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <RequestId>R</RequestId>"
                + "<Code>Throttling</Code></Error>");
        assertEquals(EcsException.BAD_RESPONSE, e.code());
        assertEquals(400, e.httpStatus());
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 400, body starts with \"<?xml version=\\\"1.0\\\""
                .replace("\\\"", "\"") + " encoding=\"UTF-8\"?> <Error> <RequestId>R</RequestId><Code>Throttling"
                + "</Code></Error>\"", e.getMessage());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    }

    @Test
    void htmlFromAProxyIsCutAfter120Characters() {
        String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>" + "x".repeat(200) + "</body></html>";
        EcsException e = failure(502, html);
        String flat = "<html> <head><title>502 Bad Gateway</title></head> <body>" + "x".repeat(200);
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 502, body starts with \""
                + flat.substring(0, 120) + "...\"", e.getMessage());
        assertEquals(502, e.httpStatus());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    }

    @Test
    void emptyBody() {
        EcsException e = failure(200, "");
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 200, empty body", e.getMessage());
        assertEquals("UnexpectedResponse: unexpected answer from " + ENDPOINT + ": HTTP 200, empty body (HTTP 200)",
                e.describe());
    }

    @Test
    void blankBodyIsEmpty() {
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 504, empty body", failure(504, " \n").getMessage());
    }

    @Test
    void truncatedJson() {
        EcsException e = failure(200, "{\"RequestId\":\"R\",\"ImageId\":\"m-");
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 200, body starts with "
                + "\"{\"RequestId\":\"R\",\"ImageId\":\"m-\"", e.getMessage());
        assertEquals(EcsException.BAD_RESPONSE, e.code());
    }

    @Test
    void jsonThatIsNotAnObject() {
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 200, body starts with \"null\"",
                failure(200, "null").getMessage());
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 200, body starts with \"[1,2]\"",
                failure(200, "[1,2]").getMessage());
    }

    @Test
    void errorStatusWithJsonButNoCode() {
        EcsException e = failure(404, "{\"message\":\"no route\"}");
        assertEquals("unexpected answer from " + ENDPOINT + ": HTTP 404 without an error code, body starts with "
                + "\"{\"message\":\"no route\"}\"", e.getMessage());
        assertEquals(404, e.httpStatus());
    }

    @Test
    void successReturnsTheJson() {
        JsonNode answer = ResponseParser.parse(raw(200, "{\"RequestId\":\"R\",\"ImageId\":\"m-1\",\"Extra\":{\"a\":1}}"));
        assertEquals("m-1", ResponseParser.text(answer, "ImageId"));
        assertNull(ResponseParser.text(answer, "Missing"));
    }

    @Test
    void numbersMayArriveAsStringsOrPercent() {
        JsonNode n = ResponseParser.parse(raw(200, "{\"A\":47,\"B\":\"47\",\"C\":\"47%\",\"D\":\" 100 % \","
                + "\"E\":\"soon\",\"F\":null,\"G\":\"12.0\"}"));
        assertEquals(47L, ResponseParser.number(n, "A"));
        assertEquals(47L, ResponseParser.number(n, "B"));
        assertEquals(47L, ResponseParser.number(n, "C"));
        assertEquals(100L, ResponseParser.number(n, "D"));
        assertNull(ResponseParser.number(n, "E"));
        assertNull(ResponseParser.number(n, "F"));
        assertNull(ResponseParser.number(n, "Missing"));
        assertEquals(12L, ResponseParser.number(n, "G"));
    }

    @Test
    void imagesIgnoreUnknownFieldsAndTakeTheLongestRemainTime() {
        JsonNode answer = ResponseParser.parse(raw(200, "{\"RequestId\":\"R\",\"TotalCount\":\"2\",\"NewField\":[1],"
                + "\"Images\":{\"Image\":[{\"ImageId\":\"m-1\",\"ImageName\":\"copy\",\"Status\":\"Creating\","
                + "\"Progress\":\"47%\",\"Size\":40,\"IsCopied\":true,\"Unknown\":{\"x\":[]},"
                + "\"DiskDeviceMappings\":{\"DiskDeviceMapping\":[{\"Device\":\"/dev/xvda\",\"Size\":\"40\","
                + "\"RemainTime\":\"120\"},{\"RemainTime\":300}]}},"
                + "{\"ImageId\":\"m-2\",\"Status\":\"Available\"}]}}"));
        assertEquals(List.of(new Image("cn-beijing", "m-1", "copy", "Creating", 47, 300L),
                new Image("cn-beijing", "m-2", null, "Available", null, null)),
                ResponseParser.images("cn-beijing", answer));
        assertEquals(2L, ResponseParser.number(answer, "TotalCount"));
    }

    @Test
    void noImages() {
        assertEquals(List.of(), ResponseParser.images("r", ResponseParser.parse(raw(200, "{\"RequestId\":\"R\"}"))));
    }

    private static Image image(String fields) {
        return ResponseParser.images("r", ResponseParser.parse(raw(200,
                "{\"Images\":{\"Image\":[{\"ImageId\":\"m-1\"" + fields + "}]}}"))).get(0);
    }

    @Test
    void anImageWithoutStatusHasAnUnknownStatusThatIsNeverFinal() {
        Image image = image("");
        assertNull(image.status());
        assertFalse(image.isFinal());
        assertFalse(image.isFailed());
        assertFalse(image.isKnownStatus());
        assertNull(image(",\"Status\":null").status());
        assertNull(image(",\"Status\":{\"Value\":\"Available\"}").status());
        assertFalse(image(",\"Status\":[\"Available\"]").isFinal());
    }

    @ParameterizedTest
    @CsvSource({
            "Creating, true, false", "Waiting, true, false", "Available, true, true", "UnAvailable, true, true",
            "CreateFailed, true, true", "Deprecated, true, true", "Copying, false, false", "available, false, false",
    })
    void knownStatuses(String status, boolean known, boolean isFinal) {
        Image image = image(",\"Status\":\"" + status + "\"");
        assertEquals(known, image.isKnownStatus());
        assertEquals(known, Image.isKnownStatus(status));
        assertEquals(isFinal, image.isFinal());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "unknown", value = {
            "47, 47", "'\"47%\"', 47", "47.9, 47", "-5, 0", "'\"-5%\"', 0", "250, 100", "'\"250%\"', 100",
            "1e30, 100", "'\"NaN\"', unknown", "'\"Infinity\"', unknown", "'\"abc\"', unknown",
            "null, unknown", "'[50]', unknown", "'{\"v\":50}', unknown",
    })
    void progressIsAPercentFrom0To100OrUnknown(String json, Integer progress) {
        assertEquals(progress, image(",\"Progress\":" + json).progress());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "unknown", value = {
            "120, 120", "'\"120\"', 120", "0, 0", "2592000, 2592000", "2592001, unknown", "-1, unknown",
            "9223372036854775807, unknown", "'\"9223372036854775807\"', unknown", "1e30, unknown",
            "'\"soon\"', unknown", "null, unknown",
    })
    void remainingTimeIsAnEstimateOfAtMost30DaysOrUnknown(String json, Long seconds) {
        assertEquals(seconds, image(",\"DiskDeviceMappings\":{\"DiskDeviceMapping\":[{\"RemainTime\":" + json + "}]}")
                .remainingSeconds());
    }

    @Test
    void oneDiskWithAnAbsurdRemainingTimeMakesTheWholeEstimateUnknown() {
        assertNull(image(",\"DiskDeviceMappings\":{\"DiskDeviceMapping\":[{\"RemainTime\":60},"
                + "{\"RemainTime\":-7}]}").remainingSeconds());
        assertEquals(60L, image(",\"DiskDeviceMappings\":{\"DiskDeviceMapping\":[{\"RemainTime\":60},"
                + "{\"Device\":\"/dev/xvdb\"},\"junk\"]}").remainingSeconds());
        assertNull(image(",\"DiskDeviceMappings\":\"none\"").remainingSeconds());
    }
}
