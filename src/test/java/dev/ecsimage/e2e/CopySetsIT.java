package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.sandbox.Encryption;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.Region;
import dev.ecsimage.sandbox.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sets of copies through the launcher: every region at once, status and cancel of the whole set, per-region keys. */
class CopySetsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void toAllCopiesToEverySandboxRegionAndSkipsTheOneThatDoesNotSupportCopying() throws Exception {
        Launcher.Result r = launcher.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "all",
                "--exclude", Seed.FULL_IMAGE_QUOTA_REGION + "," + Seed.FULL_SNAPSHOT_QUOTA_REGION, "-o", "json",
                "--progress", "none", EndToEndIT.FAST_POLL);

        assertEquals(0, r.status(), r.err());
        List<String> expected = new ArrayList<>(Seed.regions().stream().map(Region::id).toList());
        expected.removeAll(List.of("cn-hangzhou", Seed.FULL_IMAGE_QUOTA_REGION, Seed.FULL_SNAPSHOT_QUOTA_REGION));
        List<String> regions = new ArrayList<>();
        for (JsonNode c : JSON.readTree(r.out()).get("copies")) {
            String region = c.get("region").asText();
            regions.add(region);
            if (region.equals(Seed.NO_COPY_REGION)) {
                assertEquals("Skipped", c.get("status").asText());
                assertTrue(c.get("imageId").isNull());
                assertEquals("RegionNotSupportCopy", c.at("/error/code").asText());
            } else {
                assertEquals("Available", c.get("status").asText(), region);
                assertEquals(region, sandbox.ecs().image(c.get("imageId").asText()).orElseThrow().region());
            }
        }
        assertEquals(expected, regions, "DescribeRegions' order, without the source and --exclude");
        assertEquals(expected.size() - 1, sandbox.ecs().copiesCreated());
        assertEquals(1, sandbox.ecs().calls("DescribeRegions"));
        assertTrue(r.err().startsWith("ecs-image: --to all: " + expected.size() + " regions: " + String.join(", ", expected)
                + "\necs-image: " + Seed.NO_COPY_REGION + ": skipped: RegionNotSupportCopy: "), r.err());
    }

    @Test
    void statusAndCancelFollowTheCopySetThatCopyPrinted() throws Exception {
        Launcher.Result copy = launcher.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou",
                "-t", "cn-shanghai,cn-nanjing,cn-beijing", "--no-wait", "-o", "json");
        assertEquals(6, copy.status(), "cn-nanjing, named explicitly, fails");
        Path file = home.resolve("copies.json");
        Files.writeString(file, copy.out());

        Launcher.Result waited = launcher.run("status", "--wait", "--from", file.toString(), "-o", "json",
                EndToEndIT.FAST_POLL, "--progress", "none");

        assertEquals(0, waited.status(), waited.err());
        JsonNode doc = JSON.readTree(waited.out());
        assertEquals(Sandbox.DEMO, doc.get("sourceImageId").asText());
        assertEquals(List.of("Available", "Error", "Available"),
                List.of(doc.at("/copies/0/status").asText(), doc.at("/copies/1/status").asText(),
                        doc.at("/copies/2/status").asText()));
        assertEquals("ecs-image: cn-nanjing: no image id in --from (Error): not looked at\n", waited.err());

        Launcher.Result piped = launcher.runWithInput(file, "status", "--from", "-", "-q");
        assertEquals(0, piped.status(), piped.err());
        assertEquals(doc.at("/copies/0/imageId").asText() + "\n\n" + doc.at("/copies/2/imageId").asText() + "\n",
                piped.out());

        String shanghai = "cn-shanghai:" + doc.at("/copies/0/imageId").asText();
        String beijing = "cn-beijing:" + doc.at("/copies/2/imageId").asText();
        Launcher.Result three = launcher.run("status", "-i", shanghai + ",cn-beijing:m-2ze4r6mp6afqfjzczbtt",
                "-i", beijing + ",cn-shenzhen:m-wz9nosuchimage000000");
        assertEquals(10, three.status(), "the first image that is not Available: the failed copy in cn-beijing");
        String from = "  from cn-hangzhou/" + Sandbox.DEMO;
        assertTrue(three.out().matches("cn-shanghai  m-uf6\\w{17}  Available  100%" + from + "\n"
                + "cn-beijing   m-2ze4r6mp6afqfjzczbtt  CreateFailed  60%\n"
                + "cn-beijing   m-2ze\\w{17}  Available  100%" + from + "\n"
                + "cn-shenzhen  m-wz9nosuchimage000000  NotFound  -\n"), three.out());
        assertTrue(three.err().startsWith("ecs-image: cn-shenzhen: no image m-wz9nosuchimage000000\nhint: "), three.err());

        Launcher.Result cancel = launcher.run("cancel", "--from", file.toString(), "-o", "json");
        assertEquals(6, cancel.status(), "finished copies cannot be cancelled: IncorrectImageStatus");
        assertEquals(2, JSON.readTree(cancel.out()).get("cancels").size());
        assertEquals(2, sandbox.ecs().calls("CancelCopyImage"));
    }

    @Test
    void eachDestinationGetsItsOwnKmsKeyOrTheServiceKey() throws Exception {
        Launcher.Result r = launcher.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--encrypted", "--kms-key-id", "cn-shanghai=" + Seed.USABLE_KMS_KEY, "--no-wait", "-q");

        assertEquals(0, r.status(), r.err());
        String[] ids = r.out().split("\n");
        assertEquals(Encryption.kmsKey(Seed.USABLE_KMS_KEY), sandbox.ecs().image(ids[0]).orElseThrow().encryption());
        assertEquals(Encryption.SERVICE_KEY, sandbox.ecs().image(ids[1]).orElseThrow().encryption());

        Launcher.Result plain = launcher.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--encrypted", "--kms-key-id", Seed.USABLE_KMS_KEY);
        assertEquals(2, plain.status());
        assertTrue(plain.err().startsWith("ecs-image: --kms-key-id '" + Seed.USABLE_KMS_KEY + "': KMS keys are "
                + "regional, and --to cn-shanghai,cn-beijing has several destinations: give one key per destination as "
                + "REGION=KEY_ID"), plain.err());
        assertEquals(2, sandbox.ecs().copiesCreated());
    }
}
