package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.ImageView;
import dev.ecsimage.sandbox.Seed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing and sharing through the launcher against the sandbox, which models image owners,
 * fuzzy names, share permissions and their error codes as the service documents them: shares in
 * calls of ten, share failures that keep the copy, and --if-exists reuse that adopts only the
 * account's own copy of the same source.
 */
class SharingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNER = "1403720885129642";
    /** The seeded images that a careless reuse of release-10 or release-11 would adopt. */
    private static final String THEIR_RELEASE_10_SHANGHAI = "m-uf6mpabt0167qcg0pjgg";
    private static final String THEIR_RELEASE_10_BEIJING = "m-2ze95igt3xjpia0l9mk8";
    private static final String OUR_RELEASE_10_OLD = "m-uf6z819rclg0hgfgwf1l";
    private static final String OUR_RELEASE_11 = "m-uf6jthrswt32gw1bk6on";

    @TempDir
    Path home;

    private Sandbox sandbox;
    private Launcher launcher;

    @BeforeEach
    void start() throws Exception {
        sandbox = new Sandbox(EndToEndIT.SPEED, Faults.NONE);
        launcher = sandbox.launcher(home);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<String> accounts(int count) {
        return IntStream.range(0, count).mapToObj(n -> String.format("17%014d", n)).toList();
    }

    private Launcher.Result copy(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("copy", "-r", "cn-hangzhou", "--progress", "none", EndToEndIT.FAST_POLL));
        all.addAll(List.of(args));
        return launcher.run(all.toArray(String[]::new));
    }

    private ImageView image(String id) {
        return sandbox.ecs().image(id).orElseThrow();
    }

    @Test
    void sharesWithOneAccountAndWithElevenInTwoCalls() throws Exception {
        Launcher.Result one = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "--share-with", PARTNER);

        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().matches("cn-shanghai  (m-uf6\\w{17})  Available  100%  shared with " + PARTNER + "\n"),
                one.out());
        String shanghai = one.out().split(" +")[1];
        assertEquals(List.of(PARTNER), image(shanghai).sharedWith());
        assertEquals(Map.of(Seed.SOURCE_TAG, "cn-hangzhou/" + Sandbox.DEMO), image(shanghai).tags(), "the provenance tag");
        assertEquals(1, sandbox.ecs().calls("ModifyImageSharePermission"));

        Launcher.Result eleven = copy("-i", Sandbox.DEMO, "-t", "cn-beijing", "--share-with",
                String.join(",", accounts(11)), "-o", "json");

        assertEquals(0, eleven.status(), eleven.err());
        JsonNode row = JSON.readTree(eleven.out()).at("/copies/0");
        List<String> listed = new ArrayList<>();
        row.get("sharedWith").forEach(a -> listed.add(a.asText()));
        assertEquals(accounts(11), listed);
        assertEquals(accounts(11), image(row.get("imageId").asText()).sharedWith());
        assertEquals(1 + 2, sandbox.ecs().calls("ModifyImageSharePermission"), "ten, then one");

        Launcher.Result status = launcher.run("status", "-i", "cn-shanghai:" + shanghai, "--shares");
        assertEquals(0, status.status(), status.err());
        assertEquals("cn-shanghai  " + shanghai + "  Available  100%  from cn-hangzhou/" + Sandbox.DEMO
                + "  shared with " + PARTNER + "\n", status.out());
    }

    @Test
    void fiftyOneAccountsAreAUsageErrorBeforeAnyCall() throws Exception {
        Launcher.Result r = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "--share-with", String.join(",", accounts(51)));

        assertEquals(2, r.status(), r.err());
        assertEquals("ecs-image: --share-with: at most 50 accounts (got 51): an image can be shared with no more\n"
                + "Try 'ecs-image copy --help' for more information.\n", r.err());
        assertEquals(0, sandbox.ecs().calls("DescribeImages") + sandbox.ecs().calls("CopyImage"));
    }

    @Test
    void anUnknownAccountExits5AndKeepsTheCopy() throws Exception {
        Launcher.Result r = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "--share-with", PARTNER + ",1234567890123456",
                "-o", "json");

        assertEquals(5, r.status(), r.err());
        JsonNode row = JSON.readTree(r.out()).at("/copies/0");
        assertEquals("Available", row.get("status").asText());
        assertEquals("InvalidAccount.NotFound", row.at("/error/code").asText());
        assertEquals(5, row.at("/error/exitStatus").asInt());
        assertEquals(0, row.get("sharedWith").size(), "one call for both: the service refused it whole");
        String id = row.get("imageId").asText();
        assertEquals("Available", image(id).status(), "the copy is kept");
        assertEquals(List.of(), image(id).sharedWith());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: sharing " + id + ": InvalidAccount.NotFound: The specified "
                + "account 1234567890123456 "), r.err());
        assertEquals(0, sandbox.ecs().calls("CancelCopyImage"));
    }

    @Test
    void aCopyEncryptedWithTheServiceKeyCannotBeSharedButOneWithAKmsKeyCan() throws Exception {
        Launcher.Result refused = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "--encrypted", "--share-with", PARTNER);
        assertEquals(2, refused.status(), "checked locally: " + refused.err());

        Launcher.Result withKey = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "--encrypted", "--kms-key-id",
                Seed.USABLE_KMS_KEY, "--share-with", PARTNER, "-q");
        assertEquals(0, withKey.status(), withKey.err());
        assertEquals(List.of(PARTNER), image(withKey.out().strip()).sharedWith());

        // A source encrypted with the service key gives its copy the service key, which the service refuses to share.
        Launcher.Result inherited = copy("-i", "m-bp1jk8qae5gq8fmn9klr", "-t", "cn-beijing", "--share-with", PARTNER);
        assertEquals(6, inherited.status(), inherited.err());
        assertTrue(inherited.err().contains(": InvalidOperation.ServiceKeyEncryptedImageUnsupported: "), inherited.err());
    }

    @Test
    void reuseDoesNotAdoptAnotherAccountsImageOfTheSameName() throws Exception {
        Launcher.Result r = copy("-i", Sandbox.DEMO, "-t", "cn-beijing", "-n", "release-10", "--if-exists", "reuse", "-q");

        assertEquals(0, r.status(), r.err());
        String id = r.out().strip();
        assertTrue(!id.equals(THEIR_RELEASE_10_BEIJING) && image(id).ownerAlias().equals("self"), id);
        assertEquals(1, sandbox.ecs().copiesCreated());
        assertEquals("", r.err());
    }

    @Test
    void reuseDoesNotAdoptReleaseTenOldForReleaseTen() throws Exception {
        Launcher.Result r = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "-n", "release-10", "--if-exists", "reuse",
                "-o", "json");

        assertEquals(0, r.status(), r.err());
        JsonNode row = JSON.readTree(r.out()).at("/copies/0");
        String id = row.get("imageId").asText();
        assertTrue(!id.equals(OUR_RELEASE_10_OLD) && !id.equals(THEIR_RELEASE_10_SHANGHAI), id);
        assertEquals(false, row.get("reused").asBoolean());
        assertEquals("release-10", image(id).name());
        assertEquals(1, sandbox.ecs().copiesCreated());
    }

    @Test
    void anOwnImageOfThatNameFromAnotherSourceIsAConflict() throws Exception {
        Launcher.Result r = copy("-i", Sandbox.DEMO, "-t", "cn-shanghai", "-n", "release-11", "--if-exists", "reuse");

        assertEquals(7, r.status(), r.err());
        assertEquals("cn-shanghai  -  Error  -\n", r.out());
        assertEquals("ecs-image: cn-shanghai: ExistingImage.OtherSource: " + OUR_RELEASE_11 + ", named release-11, is a "
                + "copy of cn-hangzhou/" + Sandbox.SLOW + " (its ecs-image:source tag), not of cn-hangzhou/" + Sandbox.DEMO
                + ": not reused\nhint: delete it, or choose another --name\n", r.err());
        assertEquals(0, sandbox.ecs().calls("CopyImage"));
    }

    @Test
    void anOwnCopyOfTheSameSourceIsReusedWithoutACopyImage() throws Exception {
        Launcher.Result r = copy("-i", Sandbox.SLOW, "-t", "cn-shanghai", "-n", "release-11", "--if-exists", "reuse",
                "--share-with", PARTNER);

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  " + OUR_RELEASE_11 + "  Available  100%  shared with " + PARTNER + "\n", r.out());
        assertEquals("ecs-image: reusing " + OUR_RELEASE_11 + " in cn-shanghai, already named release-11 (Available)\n",
                r.err());
        assertEquals(0, sandbox.ecs().calls("CopyImage"));
        assertEquals(List.of(PARTNER), image(OUR_RELEASE_11).sharedWith());
    }
}
