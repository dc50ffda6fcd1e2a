package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * ModifyImageSharePermission and DescribeImageSharePermission as the service documents them
 * (api-ecs-2014-05-26-modifyimagesharepermission, -describeimagesharepermission).
 */
class SharePermissionsTest extends SimulatedEcsFixture {
    static final String A = "1000000000000001";
    static final String B = "1000000000000002";

    /** Existing account ids, distinct for distinct n. */
    static List<String> accounts(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(n -> String.format("17%014d", n)).toList();
    }

    /** ModifyImageSharePermission with AddAccount.1.. (or another parameter prefix) and extra parameters. */
    ApiAnswer modify(String region, String imageId, String prefix, List<String> accounts, String... extra) {
        List<String> kv = new ArrayList<>(List.of("RegionId", region, "ImageId", imageId));
        for (int i = 0; i < accounts.size(); i++) {
            kv.add(prefix + "." + (i + 1));
            kv.add(accounts.get(i));
        }
        kv.addAll(List.of(extra));
        return call("ModifyImageSharePermission", kv.toArray(String[]::new));
    }

    /** ModifyImageSharePermission of an image in cn-hangzhou with AddAccount.1.. */
    ApiAnswer share(String imageId, List<String> accounts, String... extra) {
        return modify("cn-hangzhou", imageId, "AddAccount", accounts, extra);
    }

    JsonNode describe(String imageId, String... extra) {
        List<String> kv = new ArrayList<>(List.of("RegionId", "cn-hangzhou", "ImageId", imageId));
        kv.addAll(List.of(extra));
        return ok(call("DescribeImageSharePermission", kv.toArray(String[]::new)));
    }

    List<String> sharedWith(String imageId) {
        return ecs.image(imageId).orElseThrow().sharedWith();
    }

    @Test
    void sharingListsTheAccountsWithTheirTimeAndAgainIsNoError() {
        JsonNode answer = ok(share(DEMO, List.of(A, B)));
        assertEquals(List.of("RequestId"), fieldNames(answer));
        clock.advanceSeconds(60);
        ok(share(DEMO, List.of(B)));
        assertEquals("{\"RegionId\":\"cn-hangzhou\",\"ImageId\":\"" + DEMO + "\",\"TotalCount\":2,\"PageNumber\":1,"
                + "\"PageSize\":10,\"Accounts\":{\"Account\":[{\"AliyunId\":\"" + A + "\",\"SharedTime\":"
                + "\"2026-01-10T10:00:00Z\"},{\"AliyunId\":\"" + B + "\",\"SharedTime\":\"2026-01-10T10:00:00Z\"}]},"
                + "\"ShareGroups\":{\"ShareGroup\":[]}}", withoutRequestId(describe(DEMO)),
                "sharing again keeps the first SharedTime");
        assertEquals(List.of(A, B), sharedWith(DEMO));
        assertEquals(2, ecs.calls("ModifyImageSharePermission"));
    }

    private static String withoutRequestId(JsonNode body) {
        JsonNode copy = body.deepCopy();
        ((ObjectNode) copy).remove("RequestId");
        return copy.toString();
    }

    @Test
    void onlyTheFirstTenAccountsOfACallAreRead() {
        List<String> twelve = accounts(0, 12);
        ok(share(DEMO, twelve));
        assertEquals(twelve.subList(0, 10), sharedWith(DEMO), "AddAccount.11 and .12 are ignored, as documented");
        ok(modify("cn-hangzhou", DEMO, "RemoveAccount", List.of(twelve.get(0), twelve.get(1))));
        assertEquals(twelve.subList(2, 10), sharedWith(DEMO));
        ok(call("ModifyImageSharePermission", "RegionId", "cn-hangzhou", "ImageId", DEMO, "AddAccount.0", A,
                "AddAccount.11", B, "AddAccount.x", A));
        assertEquals(twelve.subList(2, 10), sharedWith(DEMO), "N outside 1..10 is ignored");
    }

    @Test
    void fiftyAccountsAtMostAndACallBeyondChangesNothing() {
        for (int batch = 0; batch < 5; batch++) {
            ok(share(DEMO, accounts(batch * 10, 10)));
        }
        assertEquals(accounts(0, 50), sharedWith(DEMO));
        assertError(share(DEMO, List.of(A)), 403, "QuotaExceed.ShareImageUser", "The shared Image user Quota exceeds.");
        assertError(modify("cn-hangzhou", DEMO, "AddAccount", List.of(A, B), "RemoveAccount.1", accounts(0, 1).get(0)),
                403, "QuotaExceed.ShareImageUser");
        assertEquals(accounts(0, 50), sharedWith(DEMO), "nothing of a refused call is applied");
        ok(modify("cn-hangzhou", DEMO, "AddAccount", List.of(A), "RemoveAccount.1", accounts(0, 1).get(0)));
        assertEquals(50, sharedWith(DEMO).size());
        assertTrue(sharedWith(DEMO).contains(A));
        ok(share(DEMO, accounts(1, 10)));
        assertEquals(50, describe(DEMO).get("TotalCount").asInt(), "sharing again at the limit is no error");
    }

    @Test
    void unknownAccountsAndTheOwnerAreRefusedAndNothingIsShared() {
        assertError(share(DEMO, List.of(A, "1234567890123456")), 404, "InvalidAccount.NotFound",
                "The specified account 1234567890123456 in parameter \"AddAccount.n\" or \"RemoveAccount.n\" does not exist.");
        assertError(share(DEMO, List.of("12345")), 404, "InvalidAccount.NotFound");
        assertError(modify("cn-hangzhou", DEMO, "RemoveAccount", List.of("1999999999999999")), 404,
                "InvalidAccount.NotFound");
        assertError(share(DEMO, List.of(Seed.ACCOUNT_ID)), 404, "InvalidAccount.Forbbiden",
                "The specified Account does not yourself.");
        assertEquals(List.of(), sharedWith(DEMO));
    }

    @Test
    void onlyTheAccountsOwnAvailableImagesCanBeShared() {
        assertError(share("m-bp1doesnotexist00000", List.of(A)), 404, "InvalidImageId.NotFound",
                "The specified ImageId does not exist.");
        assertError(modify("cn-beijing", DEMO, "AddAccount", List.of(A)), 404, "InvalidImageId.NotFound");
        assertError(modify("cn-shanghai", OTHERS_RELEASE_10, "AddAccount", List.of(A)), 404, "InvalidImageId.NotFound");
        assertError(share(MARKETPLACE_IMAGE, List.of(A)), 404, "InvalidImageId.NotFound");
        assertError(share(Seed.SYSTEM_IMAGE, List.of(A)), 403, "Image.Public", "The specified image is public image.");
        assertError(share(CREATING, List.of(A)), 400, "IncorrectImageStatus", "The image is not available.");
        String copy = copied(DEMO, "cn-hangzhou", "cn-shanghai");
        assertError(modify("cn-shanghai", copy, "AddAccount", List.of(A)), 400, "IncorrectImageStatus");
        clock.advanceSeconds(11);
        ok(modify("cn-shanghai", copy, "AddAccount", List.of(A)));
        assertEquals(List.of(A), sharedWith(copy));
        assertError(modify("cn-nowhere", DEMO, "AddAccount", List.of(A)), 404, "InvalidRegionId.NotFound");
        assertError(call("ModifyImageSharePermission", "RegionId", "cn-hangzhou"), 400, "MissingParameter",
                "The input parameter \"ImageId\" that is mandatory for processing this request is not supplied.");
        assertError(call("ModifyImageSharePermission", "ImageId", DEMO), 400, "MissingParameter");
    }

    @Test
    void imagesEncryptedWithTheServiceKeyCannotBeSharedThoseWithAKmsKeyCan() {
        assertError(share(SERVICE_KEY_IMAGE, List.of(A)), 403, "InvalidOperation.ServiceKeyEncryptedImageUnsupported",
                "The specified service key encrypted image is not supported for this operation. Please switch to a CMK "
                        + "(Customer Master Key) encrypted image and retry.");
        ok(share(CMK_IMAGE, List.of(A)));
        assertError(share(ENCRYPTED, List.of(A)), 403, "OperationDeined.EncryptedSnapshot",
                "The image contains encrypted snapshots, which do not support share.");
        String serviceKeyCopy = copied(DEMO, "cn-hangzhou", "cn-beijing", "Encrypted", "true");
        String kmsCopy = copied(OPS, "cn-beijing", "cn-shanghai", "Encrypted", "true", "KMSKeyId", Seed.USABLE_KMS_KEY);
        clock.advanceSeconds(11);
        assertError(modify("cn-beijing", serviceKeyCopy, "AddAccount", List.of(A)), 403,
                "InvalidOperation.ServiceKeyEncryptedImageUnsupported");
        ok(modify("cn-shanghai", kmsCopy, "AddAccount", List.of(A)));
    }

    @Test
    void isPublicPublishesAndUnpublishesACommunityImage() {
        ok(share(DEMO, List.of(), "IsPublic", "true"));
        assertEquals("[{\"Group\":\"all\"}]", describe(DEMO).get("ShareGroups").get("ShareGroup").toString());
        assertTrue(ecs.image(DEMO).orElseThrow().isPublic());
        ok(share(DEMO, List.of(), "IsPublic", "false"));
        assertEquals("[]", describe(DEMO).get("ShareGroups").get("ShareGroup").toString());
        assertFalse(ecs.image(DEMO).orElseThrow().isPublic());
        assertError(share(DEMO, List.of(), "IsPublic", "false"), 403, "Image.NotPublic",
                "The specified image is not public image.");
        assertError(share(DEMO, List.of(), "IsPublic", "yes"), 400, "InvalidParameter");
    }

    @Test
    void sharePermissionsArePagedTenByDefaultAtMostAHundred() {
        for (int batch = 0; batch < 3; batch++) {
            ok(share(DEMO, accounts(batch * 10, 10)));
        }
        ok(share(DEMO, accounts(30, 5)));
        JsonNode first = describe(DEMO);
        assertEquals(35, first.get("TotalCount").asInt());
        assertEquals(10, first.get("Accounts").get("Account").size());
        assertEquals(accounts(0, 1).get(0), first.get("Accounts").get("Account").get(0).get("AliyunId").asText());
        JsonNode last = describe(DEMO, "PageNumber", "4");
        assertEquals(4, last.get("PageNumber").asInt());
        assertEquals(5, last.get("Accounts").get("Account").size());
        assertEquals(accounts(34, 1).get(0), last.get("Accounts").get("Account").get(4).get("AliyunId").asText());
        assertEquals(35, describe(DEMO, "PageSize", "100").get("Accounts").get("Account").size());
        assertEquals(0, describe(DEMO, "PageNumber", "5").get("Accounts").get("Account").size());
        assertEquals(0, describe(SLOW).get("TotalCount").asInt());
        assertError(call("DescribeImageSharePermission", "RegionId", "cn-hangzhou", "ImageId", DEMO, "PageSize", "101"),
                400, "InvalidParameter");
        assertError(call("DescribeImageSharePermission", "RegionId", "cn-hangzhou", "ImageId", DEMO, "PageNumber", "0"),
                400, "InvalidParameter");
        assertError(call("DescribeImageSharePermission", "RegionId", "cn-shanghai", "ImageId", OTHERS_RELEASE_10), 404,
                "InvalidImageId.NotFound");
        assertError(call("DescribeImageSharePermission", "RegionId", "cn-hangzhou"), 400, "MissingParameter");
    }
}
