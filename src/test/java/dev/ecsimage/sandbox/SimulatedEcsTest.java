package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatedEcsTest extends SimulatedEcsFixture {
    JsonNode image(String region, String imageId) {
        ApiAnswer answer = call("DescribeImages", "RegionId", region, "ImageId", imageId, "Status", "ALL");
        assertEquals(200, answer.status(), answer.json());
        assertEquals(1, answer.body().get("TotalCount").asInt(), answer.json());
        return answer.body().get("Images").get("Image").get(0);
    }

    /** Status, Progress and RemainTime of an image, as one string. */
    String state(String region, String imageId) {
        JsonNode i = image(region, imageId);
        return i.get("Status").asText() + " " + i.get("Progress").asText() + " "
                + i.get("DiskDeviceMappings").get("DiskDeviceMapping").get(0).get("RemainTime").asLong();
    }

    @Test
    void aCopyWaitsThenProgressesWithTheClockAndEndsAvailable() {
        String id = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        assertTrue(id.matches("m-uf6[a-z0-9]{17}"), id);
        assertEquals("Waiting 0% 11", state("cn-shanghai", id));
        assertEquals(0, call("DescribeImages", "RegionId", "cn-shanghai", "ImageId", id).body().get("TotalCount").asInt(),
                "without Status a copy in progress is invisible");
        clock.advanceSeconds(1);
        assertEquals("Creating 0% 10", state("cn-shanghai", id));
        clock.advanceSeconds(4.7);
        assertEquals("Creating 47% 6", state("cn-shanghai", id));
        clock.advanceSeconds(5.2);
        assertEquals("Creating 99% 1", state("cn-shanghai", id));
        clock.advanceSeconds(0.1);
        assertEquals("Available 100% 0", state("cn-shanghai", id));
        JsonNode listed = call("DescribeImages", "RegionId", "cn-shanghai", "ImageId", id).body();
        assertEquals(1, listed.get("TotalCount").asInt());
        JsonNode image = listed.get("Images").get("Image").get(0);
        assertEquals("web-app-v1", image.get("ImageName").asText(), "a copy keeps the source's name by default");
        assertTrue(image.get("IsCopied").asBoolean());
        assertEquals(40, image.get("Size").asInt());
        assertEquals("2026-01-10T10:00:00Z", image.get("CreationTime").asText());
        JsonNode disk = image.get("DiskDeviceMappings").get("DiskDeviceMapping").get(0);
        assertEquals("40", disk.get("Size").asText());
        assertTrue(disk.get("Size").isTextual());
        assertTrue(disk.get("SnapshotId").asText().matches("s-uf6[a-z0-9]{17}"), disk.toString());
        assertEquals(1, ecs.copiesCreated());
    }

    @Test
    void copiesIntoOneRegionRunOneAtATimeInOrderAndOtherRegionsRunAlongside() {
        String a = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        String b = copied(SLOW, "cn-hangzhou", "cn-shanghai");
        String c = copied(OPS, "cn-beijing", "cn-shanghai");
        String d = copied(DEMO, "cn-hangzhou", "cn-beijing");
        assertTrue(d.matches("m-2ze[a-z0-9]{17}"), d);
        clock.advanceSeconds(2);
        assertEquals("Creating 10% 9", state("cn-shanghai", a));
        assertEquals("Waiting 0% 109", state("cn-shanghai", b), "9 s for a, then its own 100 s");
        assertEquals("Waiting 0% 119", state("cn-shanghai", c));
        assertEquals("Creating 10% 9", state("cn-beijing", d));
        clock.advanceSeconds(10);
        assertEquals("Available 100% 0", state("cn-shanghai", a));
        assertEquals("Creating 1% 99", state("cn-shanghai", b), "b started when a ended, at 11 s");
        assertEquals("Waiting 0% 109", state("cn-shanghai", c));
        clock.advanceSeconds(99);
        assertEquals("Available 100% 0", state("cn-shanghai", b));
        assertEquals("Creating 0% 10", state("cn-shanghai", c));
        clock.advanceSeconds(10);
        assertEquals("Available 100% 0", state("cn-shanghai", c));
    }

    @Test
    void aFlakyImageCopyStopsPartWayAndEndsCreateFailedThenTheNextStarts() {
        String failing = copied(FLAKY, "cn-hangzhou", "cn-shanghai");
        String next = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        clock.advanceSeconds(1 + 5.9);
        assertEquals("Creating 59% 5", state("cn-shanghai", failing));
        clock.advanceSeconds(0.1);
        assertEquals("CreateFailed 60% 0", state("cn-shanghai", failing));
        assertEquals("Creating 0% 10", state("cn-shanghai", next));
    }

    @Test
    void theSlowImageCopiesTenTimesSlower() {
        String id = copied(SLOW, "cn-hangzhou", "cn-qingdao");
        assertTrue(id.matches("m-m5e[a-z0-9]{17}"), id);
        clock.advanceSeconds(10 + 50);
        assertEquals("Creating 50% 50", state("cn-qingdao", id));
        clock.advanceSeconds(50);
        assertEquals("Available 100% 0", state("cn-qingdao", id));
    }

    @Test
    void speedScalesEveryCopy() {
        SimulatedEcs fast = new SimulatedEcs(clock, 50);
        String id = fast.handle("CopyImage", Map.of("RegionId", "cn-hangzhou", "ImageId", DEMO,
                "DestinationRegionId", "cn-shanghai")).body().get("ImageId").asText();
        clock.advanceSeconds(0.2 + 1);
        JsonNode image = fast.handle("DescribeImages", Map.of("RegionId", "cn-shanghai", "ImageId", id,
                "Status", "ALL")).body().get("Images").get("Image").get(0);
        assertEquals("Creating", image.get("Status").asText());
        assertEquals("50%", image.get("Progress").asText());
    }

    @Test
    void theSameClientTokenWithTheSameParametersReturnsTheSameCopy() {
        String first = copied(DEMO, "cn-hangzhou", "cn-shanghai", "ClientToken", "tok-1", "DestinationImageName", "web-b");
        clock.advanceSeconds(3);
        String again = copied(DEMO, "cn-hangzhou", "cn-shanghai", "ClientToken", "tok-1", "DestinationImageName", "web-b");
        assertEquals(first, again);
        assertEquals(1, ecs.copiesCreated());
        assertEquals(2, ecs.calls("CopyImage"));
        assertError(copy(DEMO, "cn-hangzhou", "cn-shanghai", "ClientToken", "tok-1", "DestinationImageName", "web-c"),
                400, "IdempotentParameterMismatch");
        assertError(copy(DEMO, "cn-hangzhou", "cn-beijing", "ClientToken", "tok-1", "DestinationImageName", "web-b"),
                400, "IdempotentParameterMismatch");
        assertEquals(1, ecs.copiesCreated());
    }

    @Test
    void dryRunChecksEverythingAndCreatesNothing() {
        assertError(copy(DEMO, "cn-hangzhou", "cn-shanghai", "DryRun", "true"), 400, "DryRunOperation");
        assertError(copy(ENCRYPTED, "cn-hangzhou", "cn-shanghai", "DryRun", "true"), 403,
                "OperationDeined.EncryptedSnapshot");
        assertEquals(0, ecs.copiesCreated());
        assertEquals(0, call("DescribeImages", "RegionId", "cn-shanghai", "Status", "Waiting,Creating")
                .body().get("TotalCount").asInt());
    }

    @Test
    void copyingAgainWhileTheCopyRunsIsDeniedAndAllowedOnceItEnded() {
        copied(DEMO, "cn-hangzhou", "cn-shanghai");
        assertError(copy(DEMO, "cn-hangzhou", "cn-shanghai"), 403, "OperationDenied.ImageCopying");
        copied(DEMO, "cn-hangzhou", "cn-beijing");
        clock.advanceSeconds(11);
        copied(DEMO, "cn-hangzhou", "cn-shanghai");
        assertEquals(3, ecs.copiesCreated());
    }

    @Test
    void anExplicitNameTakenInTheDestinationIsDuplicated() {
        assertError(copy(DEMO, "cn-hangzhou", "cn-shanghai", "DestinationImageName", Seed.TAKEN_NAME), 400,
                "InvalidImageName.Duplicated");
        copied(DEMO, "cn-hangzhou", "cn-beijing", "DestinationImageName", Seed.TAKEN_NAME);
        assertError(copy(OPS, "cn-beijing", "cn-shanghai", "DestinationImageName", Seed.TAKEN_NAME), 400,
                "InvalidImageName.Duplicated");
    }

    @Test
    void theImageQuotaCountsCopiesInProgress() {
        assertError(copy(DEMO, "cn-hangzhou", Seed.FULL_IMAGE_QUOTA_REGION), 403, "QuotaExceed.Image");
    }

    @Test
    void copiesCarryTheirNameDescriptionAndTags() {
        String id = copied(DEMO, "cn-hangzhou", "cn-shanghai", "DestinationImageName", "web:v2_b-1.0",
                "DestinationDescription", "copied for DR", "Tag.1.Key", "env", "Tag.1.Value", "prod",
                "Tag.2.Key", "team", "Encrypted", "true", "KMSKeyId", Seed.USABLE_KMS_KEY);
        JsonNode image = image("cn-shanghai", id);
        assertEquals("web:v2_b-1.0", image.get("ImageName").asText());
        assertEquals("copied for DR", image.get("Description").asText());
        assertEquals("[{\"TagKey\":\"env\",\"TagValue\":\"prod\"},{\"TagKey\":\"team\",\"TagValue\":\"\"}]",
                image.get("Tags").get("Tag").toString());
    }

    static Stream<Arguments> copyErrors() {
        String kms = Seed.USABLE_KMS_KEY;
        return Stream.of(
                Arguments.of(List.of("ImageId", DEMO, "DestinationRegionId", "cn-shanghai"), 400, "MissingParameter"),
                Arguments.of(List.of("RegionId", "cn-hangzhou", "DestinationRegionId", "cn-shanghai"), 400, "MissingParameter"),
                Arguments.of(List.of("RegionId", "cn-hangzhou", "ImageId", DEMO), 400, "MissingParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationImageName", "1st-copy"), 400, "InvalidImageName.Malformed"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationImageName", "aliyun-copy"), 400, "InvalidImageName.Malformed"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationImageName", "a"), 400, "InvalidImageName.Malformed"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationImageName", "web/app"), 400, "InvalidImageName.Malformed"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationDescription", "http://x"), 400, "InvalidDescription.Malformed"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationDescription", "x"), 400, "InvalidDescription.Malformed"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Tag.1.Key", "aliyun-x"), 400, "InvalidParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Tag.21.Key", "k"), 400, "InvalidParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Tag.1.Value", "v"), 400, "InvalidParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Tag.1.Key", "k", "Tag.1.Value", "acs:v"), 400, "InvalidParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "ClientToken", "x".repeat(65)), 400, "InvalidParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Encrypted", "yes"), 400, "InvalidParameter"),
                Arguments.of(hz(DEMO, "cn-shanghai", "KMSKeyId", kms), 400, "InvalidParameter.EncryptedIllegal"),
                Arguments.of(List.of("RegionId", "cn-nowhere", "ImageId", DEMO, "DestinationRegionId", "cn-shanghai"),
                        400, "SourceRegion.NotFound"),
                Arguments.of(hz(DEMO, "cn-nowhere"), 400, "DestinationRegion.NotFound"),
                Arguments.of(hz(DEMO, "cn-hangzhou"), 403, "IncorrectDestinationRegion"),
                Arguments.of(hz(DEMO, Seed.NO_COPY_REGION), 403, "RegionNotSupportCopy"),
                Arguments.of(hz("m-bp1doesnotexist00000", "cn-shanghai"), 404, "InvalidImageId.NotFound"),
                Arguments.of(List.of("RegionId", "cn-beijing", "ImageId", DEMO, "DestinationRegionId", "cn-shanghai"),
                        404, "InvalidImageId.NotFound"),
                Arguments.of(hz("m-bp1nbqns6puq80idw370", "cn-shanghai"), 403, "Forbbiden"),
                Arguments.of(hz(CREATING, "cn-shanghai"), 400, "IncorrectImageStatus"),
                Arguments.of(hz("m-bp1wx4hh5344tfjgvq4k", "cn-shanghai"), 403, "OperationDenied.SameRegionOnly"),
                Arguments.of(hz(ENCRYPTED, "cn-shanghai"), 403, "OperationDeined.EncryptedSnapshot"),
                Arguments.of(hz("m-bp1wfhym4l1vfz3zfkki", "cn-shanghai"), 403, "InvalidSnapshot.TooOld"),
                Arguments.of(hz("m-bp1u7794g9dpmrcg629b", "cn-shanghai"), 400, "InvalidSnapshotId.NotFound"),
                Arguments.of(hz("m-bp12i0hz2uep1enthjxj", "cn-shanghai"), 403, "OperationDenied"),
                Arguments.of(hz("m-bp1886vompzom75wbbr4", "cn-shanghai"), 403, "SizeExceed.Image"),
                Arguments.of(hz("m-bp1ufxbv932byv7s6eho", "cn-shenzhen"), 403, "OperationDenied.NotPublished"),
                Arguments.of(hz(DEMO, Seed.NO_BYOK_REGION, "Encrypted", "true", "KMSKeyId", kms), 403,
                        "InvalidRegion.NotSupport"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Encrypted", "true", "KMSKeyId", "11111111-2222-3333-4444-555555555555"),
                        404, "InvalidParameter.KMSKeyId.NotFound"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Encrypted", "true", "KMSKeyId", "0b9e6f4c-7d1a-4e3b-9c2f-5a8d1e6b3f70"),
                        403, "InvalidParameter.KMSKeyId.KMSUnauthorized"),
                Arguments.of(hz(DEMO, "cn-shanghai", "Encrypted", "true", "KMSKeyId", "7f3c2a91-4b6e-4d8a-a1f5-c93e0d27b6a4"),
                        403, "UserNotInTheWhiteList"),
                Arguments.of(hz(DEMO, Seed.FULL_IMAGE_QUOTA_REGION), 403, "QuotaExceed.Image"),
                Arguments.of(hz(DEMO, Seed.FULL_SNAPSHOT_QUOTA_REGION), 403, "QuotaExceed.Snapshot"),
                // the service's order: form first, then regions, then the image, then the destination
                Arguments.of(hz("m-bp1doesnotexist00000", "cn-hangzhou", "DestinationImageName", "1x"), 400,
                        "InvalidImageName.Malformed"),
                Arguments.of(hz(ENCRYPTED, "cn-hangzhou"), 403, "IncorrectDestinationRegion"),
                Arguments.of(hz(CREATING, Seed.NO_COPY_REGION), 403, "RegionNotSupportCopy"),
                Arguments.of(hz(CREATING, Seed.FULL_IMAGE_QUOTA_REGION), 400, "IncorrectImageStatus"),
                Arguments.of(hz(DEMO, "cn-shanghai", "DestinationImageName", Seed.TAKEN_NAME, "Encrypted", "true",
                        "KMSKeyId", "0b9e6f4c-7d1a-4e3b-9c2f-5a8d1e6b3f70"), 403, "InvalidParameter.KMSKeyId.KMSUnauthorized"));
    }

    private static List<String> hz(String imageId, String destination, String... extra) {
        List<String> kv = new ArrayList<>(List.of("RegionId", "cn-hangzhou", "ImageId", imageId,
                "DestinationRegionId", destination));
        kv.addAll(List.of(extra));
        return kv;
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("copyErrors")
    void copyImageErrorsHaveTheServiceStatus(List<String> params, int status, String code) {
        assertError(call("CopyImage", params.toArray(String[]::new)), status, code);
        assertEquals(0, ecs.copiesCreated());
    }

    @Test
    void theMarketplaceImageCopiesWhereItsProductIsPublished() {
        copied("m-bp1ufxbv932byv7s6eho", "cn-hangzhou", "cn-beijing");
    }

    @Test
    void errorBodiesHaveTheServiceFields() {
        ApiAnswer answer = copy(ENCRYPTED, "cn-hangzhou", "cn-shanghai");
        JsonNode body = answer.body();
        assertEquals("ecs-cn-hangzhou.aliyuncs.com", body.get("HostId").asText(), "the official SDK's host");
        assertEquals("ecs.cn-beijing.aliyuncs.com", copy(ENCRYPTED, "cn-beijing", "cn-shanghai").body()
                .get("HostId").asText());
        assertEquals("The image contains encrypted snapshots, which do not support copying.", body.get("Message").asText());
        String requestId = body.get("RequestId").asText();
        assertTrue(requestId.matches("[0-9A-F-]{36}"), requestId);
        assertEquals("https://api.aliyun.com/troubleshoot?q=OperationDeined.EncryptedSnapshot&product=Ecs&requestId="
                + requestId, body.get("Recommend").asText());
        assertEquals("The input parameter \"ImageId\" that is mandatory for processing this request is not supplied.",
                call("CopyImage", "RegionId", "cn-hangzhou", "DestinationRegionId", "cn-shanghai").body()
                        .get("Message").asText());
    }

    @Test
    void anUnknownActionIsNotFound() {
        assertError(call("DeleteImage", "RegionId", "cn-hangzhou", "ImageId", DEMO), 404, "InvalidAction.NotFound");
        assertEquals(1, ecs.calls("DeleteImage"));
    }

    @Test
    void describeImagesShowsOnlyAvailableByDefaultAndPages() {
        JsonNode page1 = call("DescribeImages", "RegionId", "cn-hangzhou").body();
        assertEquals("cn-hangzhou", page1.get("RegionId").asText());
        assertEquals(15, page1.get("TotalCount").asInt(), "11 own, 2 public, 1 shared with us; not the marketplace one");
        assertEquals(1, page1.get("PageNumber").asInt());
        assertEquals(10, page1.get("PageSize").asInt());
        assertEquals(10, page1.get("Images").get("Image").size());
        JsonNode page2 = call("DescribeImages", "RegionId", "cn-hangzhou", "PageNumber", "2").body();
        assertEquals(5, page2.get("Images").get("Image").size());
        assertEquals("legacy-2012", page2.get("Images").get("Image").get(4).get("ImageName").asText(),
                "newest first: the 2013 image comes last");
        JsonNode all = call("DescribeImages", "RegionId", "cn-hangzhou", "Status", "ALL", "PageSize", "100").body();
        assertEquals(16, all.get("TotalCount").asInt());
        assertEquals(16, all.get("Images").get("Image").size());
    }

    @Test
    void describeImagesFilters() {
        assertEquals(List.of("nightly-build"), names(call("DescribeImages", "RegionId", "cn-hangzhou", "Status", "Creating")));
        assertEquals(List.of("partner-appliance"),
                names(call("DescribeImages", "RegionId", "cn-hangzhou", "ImageOwnerAlias", "others")));
        assertEquals(List.of("flaky-build"), names(call("DescribeImages", "RegionId", "cn-hangzhou", "ImageName", "flaky")));
        assertEquals(List.of("media-archive", "web-app-v1"), names(call("DescribeImages", "RegionId", "cn-hangzhou",
                "ImageId", SLOW + ", " + DEMO)));
        assertEquals(List.of(), names(call("DescribeImages", "RegionId", "cn-hangzhou", "ImageId", CREATING)),
                "the default Status filter applies to an ImageId too");
        assertEquals(List.of("broken-copy"), names(call("DescribeImages", "RegionId", "cn-beijing",
                "Status", "CreateFailed,Waiting")));
        assertEquals(List.of(), names(call("DescribeImages", "RegionId", "cn-shanghai", "ImageId", DEMO)),
                "an image of another region is not listed");
    }

    @Test
    void describeImagesRejectsBadParameters() {
        assertError(call("DescribeImages"), 400, "MissingParameter");
        assertError(call("DescribeImages", "RegionId", "cn-nowhere"), 404, "InvalidRegionId.NotFound");
        assertError(call("DescribeImages", "RegionId", "cn-hangzhou", "Status", "Ready"), 400, "InvalidParameter");
        assertError(call("DescribeImages", "RegionId", "cn-hangzhou", "PageSize", "101"), 400, "InvalidParameter");
        assertError(call("DescribeImages", "RegionId", "cn-hangzhou", "PageNumber", "0"), 400, "InvalidParameter");
        assertError(call("DescribeImages", "RegionId", "cn-hangzhou", "ImageOwnerAlias", "me"), 400, "InvalidParameter");
    }

    @Test
    void cancellingAWaitingOrRunningCopyDeletesItAndTheNextStarts() {
        String running = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        String waiting = copied(OPS, "cn-beijing", "cn-shanghai");
        String last = copied(FLAKY, "cn-hangzhou", "cn-shanghai");
        clock.advanceSeconds(3);
        ApiAnswer cancelled = call("CancelCopyImage", "RegionId", "cn-shanghai", "ImageId", waiting);
        assertEquals(200, cancelled.status(), cancelled.json());
        assertEquals(List.of("RequestId"), fieldNames(cancelled.body()));
        assertEquals(0, call("DescribeImages", "RegionId", "cn-shanghai", "ImageId", waiting, "Status", "ALL")
                .body().get("TotalCount").asInt());
        assertEquals(200, call("CancelCopyImage", "RegionId", "cn-shanghai", "ImageId", running).status());
        assertEquals("Creating 0% 10", state("cn-shanghai", last), "the next copy starts at once");
        clock.advanceSeconds(5);
        assertEquals("Creating 50% 5", state("cn-shanghai", last));
        assertError(call("CancelCopyImage", "RegionId", "cn-shanghai", "ImageId", running), 404, "InvalidImageId.NotFound");
        assertEquals("Available 100% 0", state("cn-hangzhou", DEMO), "the source stays");
    }

    @Test
    void cancelRefusesFinishedFailedAndNonCopies() {
        String done = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        String failed = copied(FLAKY, "cn-hangzhou", "cn-beijing");
        clock.advanceSeconds(11);
        ApiAnswer completed = call("CancelCopyImage", "RegionId", "cn-shanghai", "ImageId", done);
        assertError(completed, 400, "IncorrectImageStatus");
        assertEquals("The image has completed copy.", completed.body().get("Message").asText());
        ApiAnswer copyFailed = call("CancelCopyImage", "RegionId", "cn-beijing", "ImageId", failed);
        assertError(copyFailed, 400, "IncorrectImageStatus");
        assertEquals("The Image copy has been failed.", copyFailed.body().get("Message").asText());
        assertEquals("The image has completed copy.", call("CancelCopyImage", "RegionId", "cn-shanghai",
                "ImageId", GOLDEN).body().get("Message").asText());
        assertEquals("The Image copy has been failed.", call("CancelCopyImage", "RegionId", "cn-beijing",
                "ImageId", BROKEN_COPY).body().get("Message").asText());
        assertError(call("CancelCopyImage", "RegionId", "cn-hangzhou", "ImageId", DEMO), 400, "ImageCreatedNotFromCopy");
        assertError(call("CancelCopyImage", "RegionId", "cn-hangzhou", "ImageId", done), 404, "InvalidImageId.NotFound");
        assertError(call("CancelCopyImage", "RegionId", "cn-nowhere", "ImageId", done), 404, "InvalidRegionId.NotFound");
        assertError(call("CancelCopyImage", "RegionId", "cn-shanghai"), 400, "MissingParameter");
    }

    @Test
    void newIdsDifferFromEachOther() {
        String a = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        String b = copied(SLOW, "cn-hangzhou", "cn-shanghai");
        assertNotEquals(a, b);
    }
}
