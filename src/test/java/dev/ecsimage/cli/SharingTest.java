package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.copyset.CopySetJson;
import dev.ecsimage.transport.ApiCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code copy --share-with}: each copy shared once Available, in calls of ten; failures; {@code status --shares}. */
class SharingTest {
    private static final String A = "1403720885129642";
    private static final String B = "1111222233334444";

    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    /** {@code count} distinct account ids, comma-separated. */
    private static String accounts(int count) {
        return String.join(",", ids(count));
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(n -> String.format("17%014d", n)).toList();
    }

    private List<ApiCall> shares() {
        return cli.ecs.calls.stream().filter(c -> c.action().equals("ModifyImageSharePermission")).toList();
    }

    private CliRun.Result copy(String... extra) {
        List<String> args = new ArrayList<>(List.of("copy", "-i", "m-src", "-r", "cn-hangzhou", "--progress", "none"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void aCopyIsSharedOnceAvailableAndItsRowNamesTheAccounts() {
        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", A + "," + B);

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%  shared with " + A + ", " + B + "\n", r.out());
        assertEquals("", r.err());
        List<ApiCall> shares = shares();
        assertEquals(1, shares.size());
        assertEquals("cn-shanghai", shares.get(0).region());
        assertEquals(Map.of("RegionId", "cn-shanghai", "ImageId", "m-cnscopy1", "AddAccount.1", A, "AddAccount.2", B),
                shares.get(0).params());
        assertEquals(List.of(A, B), cli.ecs.sharedWith("m-cnscopy1"));
        assertEquals("ModifyImageSharePermission", cli.ecs.calls.get(cli.ecs.calls.size() - 1).action(),
                "after the poll that saw it Available");
    }

    @Test
    void elevenAccountsAreTwoCallsAndTheJsonRowListsThemAll() throws Exception {
        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", accounts(11), "-o", "json");

        assertEquals(0, r.status(), r.err());
        List<ApiCall> shares = shares();
        assertEquals(2, shares.size());
        assertEquals(2 + 10, shares.get(0).params().size(), "RegionId, ImageId and AddAccount.1 to .10");
        assertEquals(ids(11).get(9), shares.get(0).params().get("AddAccount.10"));
        assertEquals(Map.of("RegionId", "cn-shanghai", "ImageId", "m-cnscopy1", "AddAccount.1", ids(11).get(10)),
                shares.get(1).params());
        CopySet set = CopySetJson.read(r.out());
        assertEquals(ids(11), set.copies().get(0).sharedWith());
        assertTrue(r.out().contains("      \"reused\": false,\n      \"sharedWith\": [\n        \"17000000000000000\",\n"
                .replace("17000000000000000", ids(1).get(0))), r.out());
    }

    @Test
    void fiftyOneAccountsAreAUsageErrorBeforeAnyCall() {
        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", accounts(51));

        assertEquals(2, r.status());
        assertEquals("ecs-image: --share-with: at most 50 accounts (got 51): an image can be shared with no more\n"
                + "Try 'ecs-image copy --help' for more information.\n", r.err());
        assertEquals(0, cli.ecs.calls.size());
        assertEquals(0, copy("-t", "cn-shanghai", "--share-with", accounts(50), "-q").status(), "fifty are fine");
        assertEquals(5, shares().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--share-with 12ab|--share-with '12ab' is not an account id: an Alibaba Cloud account id is digits only (like 1234567890123456)",
        "--share-with 1403720885129642,,1111222233334444|--share-with: an empty item: give account ids separated by commas",
        "--share-with 1403720885129642 --share-with 1403720885129642|--share-with '1403720885129642' is given twice",
        "--share-with 1403720885129642 --no-wait|--share-with cannot be combined with --no-wait: a copy is shared once it is Available, and --no-wait does not wait for that",
        "--share-with 1403720885129642 --encrypted|--share-with: the copy to cn-shanghai would be encrypted with the service key (--encrypted without a --kms-key-id for cn-shanghai), and such an image cannot be shared: give --kms-key-id cn-shanghai=KEY_ID",
        "--share-with 1403720885129642 -t cn-beijing --encrypted --kms-key-id cn-shanghai=k1|--share-with: the copy to cn-beijing would be encrypted with the service key (--encrypted without a --kms-key-id for cn-beijing), and such an image cannot be shared: give --kms-key-id cn-beijing=KEY_ID",
    })
    void localChecks(String args, String message) {
        List<String> all = new ArrayList<>(List.of("-t", "cn-shanghai"));
        all.addAll(List.of(args.split(" ")));

        CliRun.Result r = copy(all.toArray(String[]::new));

        assertEquals(2, r.status(), r.err());
        assertEquals("ecs-image: " + message + "\nTry 'ecs-image copy --help' for more information.\n", r.err());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void anEncryptedCopyWithAKmsKeyPerDestinationIsShared() {
        CliRun.Result r = copy("-t", "cn-shanghai,cn-beijing", "--encrypted", "--kms-key-id", "cn-shanghai=k1,cn-beijing=k2",
                "--share-with", A);

        assertEquals(0, r.status(), r.err());
        assertEquals(2, shares().size());
    }

    @Test
    void underToAllEveryDestinationNeedsAKmsKeyOnceTheRegionsAreKnown() {
        CliRun.Result r = copy("-t", "all", "--encrypted", "--kms-key-id", "cn-shanghai=k1", "--share-with", A);

        assertEquals(2, r.status());
        assertTrue(r.err().contains("ecs-image: --share-with: the copy to cn-beijing would be encrypted with the service "
                + "key"), r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
    }

    @Test
    void eachCopyIsSharedAsSoonAsItIsAvailableNotAfterTheOthers() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Available", 100, null)))
                .copyScript("cn-beijing", List.of(new Step("Creating", 10, 600L), new Step("Creating", 60, 200L),
                        new Step("Available", 100, null)));

        CliRun.Result r = copy("-t", "cn-shanghai,cn-beijing", "--share-with", A);

        assertEquals(0, r.status(), r.err());
        List<String> order = cli.ecs.calls.stream().filter(c -> !c.region().equals("cn-hangzhou"))
                .map(c -> c.action() + "@" + c.region()).toList();
        assertEquals(List.of("DescribeImages@cn-shanghai", "ModifyImageSharePermission@cn-shanghai",
                "DescribeImages@cn-beijing", "DescribeImages@cn-beijing", "DescribeImages@cn-beijing",
                "ModifyImageSharePermission@cn-beijing"), order);
    }

    @Test
    void anUnknownAccountKeepsTheCopyAndExits5WithTheErrorOnItsRow() throws Exception {
        cli.ecs.fail("ModifyImageSharePermission", 404, "InvalidAccount.NotFound");

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", "1234567890123456", "-o", "json");

        assertEquals(5, r.status(), r.err());
        assertEquals("ecs-image: cn-shanghai: sharing m-cnscopy1: InvalidAccount.NotFound: scripted InvalidAccount.NotFound "
                + "(HTTP 404, RequestId req-err)\n"
                + "hint: check the account ids of --share-with: each must be an existing Alibaba Cloud account\n", r.err());
        assertTrue(r.out().contains("""
                      "status": "Available",
                      "progress": 100,
                      "requestId": "req-2",
                      "clientToken": "token-1",
                      "reused": false,
                      "sharedWith": [],
                      "error": {
                        "code": "InvalidAccount.NotFound",
                        "message": "scripted InvalidAccount.NotFound",
                        "requestId": "req-err",
                        "httpStatus": 404,
                        "exitStatus": 5
                      }
                """), r.out());
        assertEquals(0, cli.ecs.count("CancelCopyImage"));
        assertTrue(cli.ecs.exists("cn-shanghai", "m-cnscopy1"), "the copy is kept");
        assertEquals(1, shares().size(), "not retried");

        cli.ecs.fail("ModifyImageSharePermission", 404, "InvalidAccount.NotFound");
        assertEquals("cn-shenzhen  m-cnscopy2  Available  100%  not shared: InvalidAccount.NotFound\n",
                copy("-t", "cn-shenzhen", "--share-with", "1234567890123456", "--client-token", "t2").out());
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource({
        "6, InvalidAccount.Forbbiden, 404",
        "6, InvalidOperation.ServiceKeyEncryptedImageUnsupported, 403",
        "8, QuotaExceed.ShareImageUser, 403",
        "4, AssumeRoleError, 403",
    })
    void eachShareErrorHasItsExitStatus(int status, String code, int http) {
        cli.ecs.fail("ModifyImageSharePermission", http, code);

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", A);

        assertEquals(status, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%  not shared: " + code + "\n", r.out());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: sharing m-cnscopy1: " + code + ": "), r.err());
    }

    @Test
    void aShareThatFailsHalfWayKeepsTheBatchesThatSucceeded() throws Exception {
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("ModifyImageSharePermission") && shares().size() == 1) {
                cli.ecs.fail("ModifyImageSharePermission", 403, "QuotaExceed.ShareImageUser");
            }
        };

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", accounts(12));

        assertEquals(8, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%  shared with " + String.join(", ", ids(10))
                + " (the rest: QuotaExceed.ShareImageUser)\n", r.out());
        assertEquals("ecs-image: cn-shanghai: sharing m-cnscopy1: QuotaExceed.ShareImageUser: scripted "
                + "QuotaExceed.ShareImageUser (HTTP 403, RequestId req-err)\n"
                + "hint: an image can be shared with at most 50 accounts: unshare some (status --shares lists them)\n",
                r.err());
        assertEquals(ids(10), cli.ecs.sharedWith("m-cnscopy1"));
    }

    @Test
    void aShareIsRetriedLikeEveryOtherCall() {
        cli.ecs.fail("ModifyImageSharePermission", 503, "ServiceUnavailable");

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", A);

        assertEquals(0, r.status(), r.err());
        assertEquals(2, shares().size());
        assertEquals("ecs-image: ModifyImageSharePermission in cn-shanghai: ServiceUnavailable (HTTP 503); retrying "
                + "(2/5) in Xs\n", CliRun.anyDelay(r.err()));
    }

    @Test
    void theFirstDestinationInOrderThatDidNotSucceedGivesTheStatus() {
        cli.ecs.failIn("cn-shanghai", "ModifyImageSharePermission", 404, "InvalidAccount.NotFound")
                .copyScript("cn-beijing", List.of(new Step("Creating", 30, null), new Step("CreateFailed", 30, null)));

        CliRun.Result shareFirst = copy("-t", "cn-shanghai,cn-beijing", "--share-with", A);

        assertEquals(5, shareFirst.status(), shareFirst.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%  not shared: InvalidAccount.NotFound\n"
                + "cn-beijing   m-cnbcopy2  CreateFailed  30%  not shared\n", shareFirst.out());

        cli.ecs.failIn("cn-shanghai", "ModifyImageSharePermission", 404, "InvalidAccount.NotFound");
        CliRun.Result copyFirst = copy("-t", "cn-beijing,cn-shanghai", "--share-with", A);
        assertEquals(10, copyFirst.status(), copyFirst.err());
    }

    @Test
    void aDryRunSharesNothingAndSaysSo() {
        cli.ecs.fail("CopyImage", 400, "DryRunOperation");

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", A, "--dry-run");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  -  DryRunPassed  -\n", r.out());
        assertEquals("ecs-image: dry run passed: CopyImage would be accepted for cn-shanghai (nothing was copied)\n"
                + "ecs-image: --share-with: nothing to share in a dry run (no copy was made)\n", r.err());
        assertEquals(0, shares().size());
    }

    @Test
    void aSignalDuringSharingPrintsASetThatParsesAndNamesWhatWasSharedAndHowToFinish() throws Exception {
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("ModifyImageSharePermission") && shares().size() == 1) {
                cli.interrupt(); // the second batch is sent, its answer not in
            }
        };

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", accounts(11), "--client-token", "rel-7", "-o", "json");

        assertEquals(130, r.status());
        CopySet set = CopySetJson.read(r.out());
        assertEquals(ids(10), set.copies().get(0).sharedWith());
        assertEquals("Available", set.copies().get(0).status());
        assertEquals("ecs-image: cn-shanghai: m-cnscopy1 is not shared with every account of --share-with yet: the run "
                + "ended first. This waits for it and shares it:\n"
                + "  ecs-image copy -i m-src -r cn-hangzhou -t cn-shanghai --client-token rel-7 --share-with "
                + accounts(11) + "\n", r.err());
    }

    @Test
    void aTimeoutBeforeTheCopyIsAvailableSaysHowToShareItLater() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));

        CliRun.Result r = copy("-t", "cn-shanghai", "--share-with", A, "--timeout", "4s", "--client-token", "t",
                "-n", "web-7", "--if-exists", "reuse");

        assertEquals(12, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Creating  10%  ETA 10m  not shared\n", r.out());
        assertEquals("ecs-image: still running after 4s; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-cnscopy1\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-cnscopy1\n"
                + "ecs-image: cn-shanghai: m-cnscopy1 is not shared with every account of --share-with yet: the run "
                + "ended first. This waits for it and shares it:\n"
                + "  ecs-image copy -i m-src -r cn-hangzhou -t cn-shanghai --client-token t -n web-7 --if-exists reuse "
                + "--share-with " + A + "\n", r.err());
        assertEquals(0, shares().size());
    }

    @Test
    void aReusedImageAlreadySharedIsSharedAgainWithoutError() {
        cli.ecs.image("cn-shanghai", "m-web7", "web-7", new Step("Available", 100, null))
                .tag("m-web7", "ecs-image:source", "cn-hangzhou/m-src");

        CliRun.Result first = copy("-t", "cn-shanghai", "-n", "web-7", "--if-exists", "reuse", "--share-with", A);
        CliRun.Result again = copy("-t", "cn-shanghai", "-n", "web-7", "--if-exists", "reuse", "--share-with", A + "," + B);

        assertEquals(0, first.status(), first.err());
        assertEquals(0, again.status(), again.err());
        assertEquals("cn-shanghai  m-web7  Available  100%  shared with " + A + ", " + B + "\n", again.out());
        assertEquals(List.of(A, B), cli.ecs.sharedWith("m-web7"));
        assertEquals(0, cli.ecs.count("CopyImage"));
    }

    @Test
    void statusSharesListsWhoEachImageIsSharedWithAndItsSource() {
        cli.ecs.image("cn-shanghai", "m-a", "web", new Step("Available", 100, null))
                .tag("m-a", "ecs-image:source", "cn-hangzhou/m-src")
                .image("cn-beijing", "m-b", "db", new Step("Available", 100, null));
        copy("-t", "cn-shenzhen", "--share-with", A + "," + B, "-q"); // shares m-cnscopy1 (no other way to seed shares)

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a,cn-beijing:m-b,cn-shenzhen:m-cnscopy1", "--shares");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-a  Available  100%  from cn-hangzhou/m-src  not shared\n"
                + "cn-beijing   m-b  Available  100%  not shared\n"
                + "cn-shenzhen  m-cnscopy1  Available  100%  from cn-hangzhou/m-src  shared with " + A + ", " + B + "\n",
                r.out());
        assertEquals(3, cli.ecs.calls.stream().filter(c -> c.action().equals("DescribeImageSharePermission")
                && c.params().get("PageNumber").equals("1")).count(), "one per image");

        CliRun.Result json = cli.run("status", "-i", "cn-shenzhen:m-cnscopy1", "--shares", "-o", "json");
        assertEquals("""
                {
                  "images": [
                    {
                      "region": "cn-shenzhen",
                      "imageId": "m-cnscopy1",
                      "name": null,
                      "status": "Available",
                      "progress": 100,
                      "remainingSeconds": 0,
                      "source": "cn-hangzhou/m-src",
                      "sharedWith": [
                        "%s",
                        "%s"
                      ],
                      "error": null
                    }
                  ]
                }
                """.formatted(A, B), json.out());
        assertEquals("cn-shanghai  m-a  Available  100%  from cn-hangzhou/m-src\n",
                cli.run("status", "-i", "cn-shanghai:m-a").out(), "without --shares, not asked");
    }

    @Test
    void statusSharesOfAnImageWhoseAccountsCannotBeListedExitsWithThatError() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null))
                .fail("DescribeImageSharePermission", 404, "InvalidImageId.NotFound");

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a", "--shares");

        assertEquals(5, r.status(), r.err());
        assertEquals("cn-shanghai  m-a  Available  100%\n", r.out());
        assertEquals("ecs-image: cn-shanghai: accounts of m-a: InvalidImageId.NotFound: scripted InvalidImageId.NotFound "
                + "(HTTP 404, RequestId req-err)\n", r.err());
    }

    @Test
    void statusFromACopySetWithSharesBringsItsAccountsUpToDate() throws Exception {
        copy("-t", "cn-shanghai", "--share-with", A, "-q");
        Path file = dir.resolve("copies.json");
        Files.writeString(file, "{\"sourceImageId\": \"m-src\", \"sourceRegion\": \"cn-hangzhou\", \"copies\": ["
                + "{\"region\": \"cn-shanghai\", \"imageId\": \"m-cnscopy1\", \"status\": \"Accepted\", \"sharedWith\": []},"
                + "{\"region\": \"cn-beijing\", \"imageId\": null, \"status\": \"Error\", \"sharedWith\": []}]}");

        CliRun.Result r = cli.run("status", "--from", file.toString(), "--shares");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%  shared with " + A + "\n"
                + "cn-beijing   -  Error  -\n", r.out());
        CliRun.Result without = cli.run("status", "--from", file.toString(), "-o", "json");
        assertEquals(List.of(), CopySetJson.read(without.out()).copies().get(0).sharedWith(),
                "without --shares, the set's accounts as they were");
    }
}
