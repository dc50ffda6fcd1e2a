package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whose images DescribeImages lists (ImageOwnerAlias, documented: empty means system + self +
 * others), the fuzzy ImageName, tags and IsCopied, names taken only by the account's own images,
 * and the encryption of copies as the sandbox keeps it.
 */
class ImageOwnershipTest extends SimulatedEcsFixture {

    ApiAnswer describe(String region, String... extra) {
        String[] kv = new String[extra.length + 2];
        kv[0] = "RegionId";
        kv[1] = region;
        System.arraycopy(extra, 0, kv, 2, extra.length);
        return call("DescribeImages", kv);
    }

    JsonNode only(ApiAnswer answer) {
        JsonNode body = ok(answer);
        assertEquals(1, body.get("TotalCount").asInt(), answer.json());
        return body.get("Images").get("Image").get(0);
    }

    @Test
    void withoutImageOwnerAliasSystemSelfAndOthersAreListedButNotMarketplace() {
        assertEquals(List.of("release-11", "release-10", "release-12", "golden-base", "release-10-old",
                Seed.SYSTEM_IMAGE), names(describe("cn-shanghai", "PageSize", "100")), "newest first, then by id");
        assertEquals(List.of("release-11", "release-12", "golden-base", "release-10-old"),
                names(describe("cn-shanghai", "ImageOwnerAlias", "self")));
        assertEquals(List.of("release-10"), names(describe("cn-shanghai", "ImageOwnerAlias", "others")));
        assertEquals(List.of(Seed.SYSTEM_IMAGE), names(describe("cn-shanghai", "ImageOwnerAlias", "system")));
        assertEquals(List.of("lamp-marketplace"),
                names(describe("cn-hangzhou", "ImageOwnerAlias", "marketplace")));
        assertFalse(names(describe("cn-hangzhou", "PageSize", "100")).contains("lamp-marketplace"));
        JsonNode system = only(describe("cn-beijing", "ImageOwnerAlias", "system"));
        assertEquals(Seed.SYSTEM_IMAGE, system.get("ImageId").asText());
        assertTrue(system.get("IsPublic").asBoolean());
        assertEquals("", system.get("DiskDeviceMappings").get("DiskDeviceMapping").get(0).get("SnapshotId").asText());
    }

    @Test
    void imageNameIsAFuzzyMatchThatFindsOtherAccountsImagesToo() {
        assertEquals(List.of("release-10", "release-10-old"),
                names(describe("cn-shanghai", "ImageName", "release-10")));
        assertEquals(List.of("release-10-old"),
                names(describe("cn-shanghai", "ImageName", "release-10", "ImageOwnerAlias", "self")));
        JsonNode foreign = only(describe("cn-shanghai", "ImageName", "release-10", "ImageOwnerAlias", "others"));
        assertEquals(OTHERS_RELEASE_10, foreign.get("ImageId").asText());
        assertEquals("others", foreign.get("ImageOwnerAlias").asText());
        assertEquals(false, foreign.get("IsCopied").asBoolean());
        assertEquals("[]", foreign.get("Tags").get("Tag").toString());
    }

    @Test
    void provenanceTagsAndIsCopiedAreShown() {
        JsonNode tagged = only(describe("cn-shanghai", "ImageId", TAGGED_RELEASE_11));
        assertEquals("[{\"TagKey\":\"ecs-image:source\",\"TagValue\":\"cn-hangzhou/m-bp1ht9lgmxg9edn581u3\"}]",
                tagged.get("Tags").get("Tag").toString());
        assertEquals(true, tagged.get("IsCopied").asBoolean());
        assertEquals("self", tagged.get("ImageOwnerAlias").asText());
        assertEquals("[]", only(describe("cn-shanghai", "ImageId", UNTAGGED_RELEASE_12)).get("Tags").get("Tag").toString());
        String copy = copied(DEMO, "cn-hangzhou", "cn-beijing", "DestinationImageName", "release-13",
                "Tag.1.Key", Seed.SOURCE_TAG, "Tag.1.Value", "cn-hangzhou/" + DEMO, "Tag.2.Key", "team", "Tag.2.Value", "");
        JsonNode listed = only(describe("cn-beijing", "ImageId", copy, "Status", "ALL"));
        assertEquals("[{\"TagKey\":\"ecs-image:source\",\"TagValue\":\"cn-hangzhou/" + DEMO + "\"},"
                + "{\"TagKey\":\"team\",\"TagValue\":\"\"}]", listed.get("Tags").get("Tag").toString());
        assertEquals(true, listed.get("IsCopied").asBoolean());
        assertEquals(Map.of(Seed.SOURCE_TAG, "cn-hangzhou/" + DEMO, "team", ""), ecs.image(copy).orElseThrow().tags());
    }

    @Test
    void onlyTheAccountsOwnImagesTakeANameInARegion() {
        copied(DEMO, "cn-hangzhou", "cn-shanghai", "DestinationImageName", "release-10");
        assertError(copy(DEMO, "cn-hangzhou", "cn-shanghai", "DestinationImageName", "release-10-old"), 400,
                "InvalidImageName.Duplicated", "The destination image is exist.");
        assertError(copy(SLOW, "cn-hangzhou", "cn-shanghai", "DestinationImageName", "release-10"), 400,
                "InvalidImageName.Duplicated"); // now the account has a release-10 of its own there
    }

    @Test
    void publicMarketplaceAndSharedImagesAreNotCopied() {
        assertError(copy(Seed.SYSTEM_IMAGE, "cn-hangzhou", "cn-shanghai"), 404, "InvalidImageId.NotFound");
        assertError(copy(MARKETPLACE_IMAGE, "cn-hangzhou", "cn-shanghai"), 404, "InvalidImageId.NotFound");
        assertError(copy(OTHERS_RELEASE_10, "cn-shanghai", "cn-beijing"), 403, "OperationDenied.SameRegionOnly");
        assertEquals(0, ecs.copiesCreated());
    }

    @Test
    void theSandboxKeepsEachCopysEncryption() {
        String kms = copied(DEMO, "cn-hangzhou", "cn-beijing", "Encrypted", "true", "KMSKeyId", Seed.USABLE_KMS_KEY);
        String serviceKey = copied(DEMO, "cn-hangzhou", "cn-shanghai", "Encrypted", "true");
        String plain = copied(DEMO, "cn-hangzhou", "cn-qingdao");
        String ofEncrypted = copied(SERVICE_KEY_IMAGE, "cn-hangzhou", "cn-qingdao");
        ImageView view = ecs.image(kms).orElseThrow();
        assertEquals(new ImageView(kms, "cn-beijing", "web-app-v1", "self", "Waiting",
                Encryption.kmsKey(Seed.USABLE_KMS_KEY), Map.of(), List.of(), false), view);
        assertEquals(Encryption.SERVICE_KEY, ecs.image(serviceKey).orElseThrow().encryption());
        assertEquals(Encryption.NONE, ecs.image(plain).orElseThrow().encryption());
        assertEquals(Encryption.SERVICE_KEY, ecs.image(ofEncrypted).orElseThrow().encryption(),
                "the copy of an encrypted image is encrypted");
        clock.advanceSeconds(11);
        assertEquals("Available", ecs.image(kms).orElseThrow().status());
        assertEquals(Optional.empty(), ecs.image("m-bp1doesnotexist00000"));
        assertEquals("cn-hangzhou", ecs.image(Seed.SYSTEM_IMAGE).orElseThrow().region());
    }
}
