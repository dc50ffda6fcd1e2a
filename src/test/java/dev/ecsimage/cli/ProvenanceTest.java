package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import dev.ecsimage.transport.ApiCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provenance tag on every copy, and {@code --if-exists reuse} that adopts only the account's own copy of this source. */
class ProvenanceTest {
    private static final String SOURCE = "cn-hangzhou/m-src";

    private final CliRun cli = new CliRun();

    private CliRun.Result copy(String... extra) {
        List<String> args = new ArrayList<>(List.of("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--progress", "none"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    private CliRun.Result reuse(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("-n", name, "--if-exists", "reuse"));
        args.addAll(List.of(extra));
        return copy(args.toArray(String[]::new));
    }

    private Map<String, String> copyImage() {
        return cli.ecs.calls.stream().filter(c -> c.action().equals("CopyImage")).findFirst().orElseThrow().params();
    }

    @Test
    void everyCopyCarriesItsSourceAsTheLastTag() {
        assertEquals(0, copy("--tag", "team=web", "--no-wait").status());

        Map<String, String> p = copyImage();
        assertEquals("team", p.get("Tag.1.Key"));
        assertEquals("ecs-image:source", p.get("Tag.2.Key"));
        assertEquals(SOURCE, p.get("Tag.2.Value"));
        assertNull(p.get("Tag.3.Key"));
    }

    @Test
    void aDryRunSendsTheTagToo() {
        cli.ecs.fail("CopyImage", 400, "DryRunOperation");

        assertEquals(0, copy("--dry-run").status());

        assertEquals("ecs-image:source", copyImage().get("Tag.1.Key"));
    }

    @Test
    void noProvenanceTagLeavesItOff() {
        assertEquals(0, copy("--no-provenance-tag", "--no-wait").status());

        assertNull(copyImage().get("Tag.1.Key"));
    }

    @Test
    void theTagCountsTowardTheTwentySoNineteenUserTagsAreTheMost() {
        assertEquals(0, copy(tags(19, "--no-wait")).status());
        assertEquals(20, copyImage().keySet().stream().filter(k -> k.endsWith(".Key")).count());

        CliRun.Result twenty = copy(tags(20));
        assertEquals(2, twenty.status());
        assertEquals("ecs-image: --tag: at most 19 tags (got 20): an image holds 20, and ecs-image adds "
                + "ecs-image:source (--no-provenance-tag leaves it off)\n"
                + "Try 'ecs-image copy --help' for more information.\n", twenty.err());

        assertEquals(0, copy(tags(20, "--no-provenance-tag", "--no-wait")).status());
        CliRun.Result twentyOne = copy(tags(21, "--no-provenance-tag"));
        assertEquals(2, twentyOne.status());
        assertTrue(twentyOne.err().startsWith("ecs-image: --tag: at most 20 tags (got 21)\n"), twentyOne.err());
    }

    private static String[] tags(int count, String... extra) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            args.addAll(List.of("--tag", "k" + i + "=v"));
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void theTagKeyIsEcsImagesOwnUnlessItIsLeftOff() {
        CliRun.Result r = copy("--tag", "ecs-image:source=cn-beijing/m-other");

        assertEquals(2, r.status());
        assertEquals("ecs-image: --tag 'ecs-image:source=cn-beijing/m-other': ecs-image sets ecs-image:source itself, "
                + "to SOURCE_REGION/SOURCE_IMAGE_ID (--no-provenance-tag leaves it off)\n"
                + "Try 'ecs-image copy --help' for more information.\n", r.err());
        assertEquals(0, copy("--tag", "ecs-image:source=cn-beijing/m-other", "--no-provenance-tag", "--no-wait").status());
        assertEquals("cn-beijing/m-other", copyImage().get("Tag.1.Value"));
    }

    @Test
    void reuseNeverAdoptsAnImageAnotherAccountSharedWithUs() {
        cli.ecs.image("cn-shanghai", "m-theirs", "release-10", new Step("Available", 100, null))
                .owner("m-theirs", "others").tag("m-theirs", "ecs-image:source", SOURCE);

        CliRun.Result r = reuse("release-10");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%\n", r.out());
        assertEquals("", r.err());
        ApiCall lookup = cli.ecs.calls.get(1);
        assertEquals("cn-shanghai", lookup.region());
        assertEquals("release-10", lookup.params().get("ImageName"));
        assertEquals("self", lookup.params().get("ImageOwnerAlias"), "only the account's own images");
        assertNull(lookup.params().get("ImageId"));
        assertEquals("release-10", copyImage().get("DestinationImageName"), "a copy of its own is made");
    }

    @Test
    void reuseNeverAdoptsAnImageThatOnlyStartsWithTheName() {
        cli.ecs.image("cn-shanghai", "m-old", "release-10-old", new Step("Available", 100, null))
                .tag("m-old", "ecs-image:source", SOURCE);

        CliRun.Result r = reuse("release-10", "-q");

        assertEquals(0, r.status(), r.err());
        assertEquals("m-cnscopy1\n", r.out());
        assertEquals(1, cli.ecs.count("CopyImage"));
    }

    @Test
    void anOwnImageOfThatNameCopiedFromAnotherSourceIsAConflict() {
        cli.ecs.image("cn-shanghai", "m-rel11", "release-11", new Step("Available", 100, null))
                .tag("m-rel11", "ecs-image:source", "cn-hangzhou/m-media");

        CliRun.Result r = reuse("release-11", "-o", "json");

        assertEquals(7, r.status(), r.err());
        assertEquals("ecs-image: cn-shanghai: ExistingImage.OtherSource: m-rel11, named release-11, is a copy of "
                + "cn-hangzhou/m-media (its ecs-image:source tag), not of cn-hangzhou/m-src: not reused\n"
                + "hint: delete it, or choose another --name\n", r.err());
        assertTrue(r.out().contains("""
                      "region": "cn-shanghai",
                      "imageId": null,
                      "status": "Error",
                      "progress": null,
                      "requestId": null,
                      "clientToken": "token-1",
                      "reused": false,
                      "sharedWith": null,
                      "error": {
                        "code": "ExistingImage.OtherSource",
                """), r.out());
        assertTrue(r.out().contains("\"exitStatus\": 7"), r.out());
        assertEquals(0, cli.ecs.count("CopyImage"));
        assertEquals(1 + 1, cli.ecs.count("DescribeImages"), "the source check and the look-up: nothing is waited for");
    }

    @Test
    void withoutTheTagOnOurCopiesReuseStillRefusesAnotherSourcesImage() {
        cli.ecs.image("cn-shanghai", "m-rel11", "release-11", new Step("Available", 100, null))
                .tag("m-rel11", "ecs-image:source", "cn-hangzhou/m-media");

        assertEquals(7, reuse("release-11", "--no-provenance-tag").status());
    }

    @Test
    void anOwnCopyOfThisSourceIsReusedWithoutACopyImage() {
        cli.ecs.image("cn-shanghai", "m-rel10", "release-10", new Step("Available", 100, null))
                .tag("m-rel10", "ecs-image:source", SOURCE);

        CliRun.Result r = reuse("release-10", "-o", "json");

        assertEquals(0, r.status(), r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
        assertTrue(r.out().contains("\"imageId\": \"m-rel10\",\n      \"status\": \"Available\""), r.out());
        assertTrue(r.out().contains("\"reused\": true"), r.out());
        assertEquals("ecs-image: reusing m-rel10 in cn-shanghai, already named release-10 (Available)\n", r.err());
    }

    @Test
    void anOwnImageWithoutTheTagIsReusedWithAWarningThatQuietDoesNotHide() {
        cli.ecs.image("cn-shanghai", "m-rel12", "release-12", new Step("Available", 100, null));

        CliRun.Result r = reuse("release-12", "-q");

        assertEquals(0, r.status(), r.err());
        assertEquals("m-rel12\n", r.out());
        assertEquals("warning: cn-shanghai: reusing m-rel12, named release-12, which has no ecs-image:source tag: its "
                + "source cannot be verified\n", r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
    }

    @Test
    void anOwnImageOfThatNameThatFailedIsAConflictAndNotWaitedFor() {
        cli.ecs.image("cn-shanghai", "m-broken", "web-7", new Step("CreateFailed", 60, null))
                .tag("m-broken", "ecs-image:source", SOURCE);

        CliRun.Result r = reuse("web-7");

        assertEquals(7, r.status(), r.err());
        assertEquals("cn-shanghai  -  Error  -\n", r.out());
        assertEquals("ecs-image: cn-shanghai: ExistingImage.Failed: m-broken, named web-7, ended CreateFailed: not reused\n"
                + "hint: delete it, or choose another --name\n", r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
        assertEquals(List.of(), cli.time.sleeps, "not waited for");
    }

    @Test
    void theCommandThatFindsAnUnknownCopyKeepsTheTagLeftOff() {
        cli.ecs.drop("CopyImage");

        CliRun.Result r = copy("--no-provenance-tag", "--max-attempts", "1", "--client-token", "t");

        assertEquals(9, r.status());
        assertTrue(r.err().endsWith("  ecs-image copy -i m-src -r cn-hangzhou -t cn-shanghai --client-token t "
                + "--no-provenance-tag\n"), r.err());
    }
}
