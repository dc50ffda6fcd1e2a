package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad input: one line naming the option and the rule, then where to look; status 2; no request sent. */
class UsageTest {
    private final CliRun cli = new CliRun();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--kms-key-id k1|--kms-key-id needs --encrypted (the API rejects a KMS key for an unencrypted copy: InvalidParameter.EncryptedIllegal)",
        "-n a|--name 'a' must be 2 to 128 characters long (it has 1)",
        "-n 1abc|--name '1abc' must start with a letter (English or Chinese) and contain only letters, digits, '.', ':', '_' and '-'",
        "-n web/v2|--name 'web/v2' must start with a letter (English or Chinese) and contain only letters, digits, '.', ':', '_' and '-'",
        "-n https://x|--name 'https://x' must not start with http:// or https://",
        "-d x|--description 'x' must be 2 to 256 characters long (it has 1)",
        "-d http://example.com|--description 'http://example.com' must not start with http:// or https://",
        "--tag novalue|--tag 'novalue' must be KEY=VALUE",
        "--tag aliyun:x=1|--tag 'aliyun:x=1': key must not start with 'aliyun' or 'acs:'",
        "--tag =v|--tag '=v': key must be 1 to 128 characters long",
        "--tag k=acs:v|--tag 'k=acs:v': value must not start with 'acs:'",
        "--client-token tök|--client-token 'tök' must be printable ASCII without spaces",
        "-t cn-hangzhou|--to 'cn-hangzhou' is the source region (--region): a copy must go to another region",
        "-t cn-beijing,cn-beijing|--to 'cn-beijing' is given twice: each destination gets one copy",
        "-t Shanghai|--to 'Shanghai' is not a region id (like cn-hangzhou or ap-southeast-1)",
        "--if-exists reuse|--if-exists reuse needs --name: the existing image is found by its name",
        "--timeout 10d|Invalid value for option '--timeout': '10d' is not a duration: use seconds (90) or a number with a unit, ms, s, m or h (500ms, 30s, 2m, 1h30m)",
        "--tag a=1 --tag a=2|--tag 'a=2': key 'a' is given twice: an image holds one value per tag key",
        "--dryrun|unknown option '--dryrun': did you mean '--dry-run'?",
        "--regoin cn-beijing|unknown option '--regoin': did you mean '--region'?",
        "--tiemout=5s|unknown option '--tiemout': did you mean '--timeout'?",
        "cn-beijing|unexpected argument 'cn-beijing'",
        "--if-exists maybe|Invalid value for option '--if-exists': expected one of [fail, reuse] (case-insensitive) but was 'maybe'",
        "--bogus|unknown option '--bogus'",
    })
    void copyRejects(String args, String message) {
        String[] extra = args.split(" ");
        String[] base = {"copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);

        CliRun.Result r = cli.run(all);

        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("ecs-image: " + message + "\nTry 'ecs-image copy --help' for more information.\n", r.err());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void chineseNamesAndNineteenTagsAreFine() {
        String[] args = new String[9 + 2 * 19];
        String[] base = {"copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait", "-n中文镜像"};
        System.arraycopy(base, 0, args, 0, base.length);
        for (int i = 0; i < 19; i++) {
            args[9 + 2 * i] = "--tag";
            args[10 + 2 * i] = "k" + i + "=v";
        }
        assertEquals(0, cli.run(args).status());
        assertEquals("中文镜像", cli.ecs.calls.get(1).params().get("DestinationImageName"), "after the source check");
    }

    @Test
    void aTwentiethTagIsRefusedForTheProvenanceTagTakesThatPlace() {
        String[] args = new String[7 + 2 * 20];
        String[] base = {"copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai"};
        System.arraycopy(base, 0, args, 0, base.length);
        for (int i = 0; i < 20; i++) {
            args[7 + 2 * i] = "--tag";
            args[8 + 2 * i] = "k" + i + "=v";
        }
        CliRun.Result r = cli.run(args);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("ecs-image: --tag: at most 19 tags (got 20): "), r.err());
    }

    @Test
    void aMissingRequiredOptionNamesIt() {
        CliRun.Result r = cli.run("copy", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertEquals(2, r.status());
        assertEquals("ecs-image: Missing required option: '--image-id=IMAGE_ID'\n"
                + "Try 'ecs-image copy --help' for more information.\n", r.err());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        assertEquals(0, cli.run("-r", "cn-hangzhou", "-q", "copy", "-i", "m-src", "-t", "cn-shanghai", "--no-wait").status());
        assertEquals(0, cli.run("copy", "-i", "m-src", "-t", "cn-beijing", "--no-wait", "-r", "cn-hangzhou", "-q").status());
        assertEquals("cn-hangzhou", cli.ecs.calls.get(0).region());
        assertEquals("cn-hangzhou", cli.ecs.calls.get(1).region());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--max-attempts=0|--max-attempts must be at least 1",
        "--read-timeout=0s|--read-timeout must be longer than 0",
        "--connect-timeout=0ms|--connect-timeout must be longer than 0",
    })
    void networkOptionsMustAllowACall(String option, String message) {
        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", option);

        assertEquals(2, r.status());
        assertEquals("ecs-image: " + message + "\nTry 'ecs-image --help' for more information.\n", r.err());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun.Result r = cli.run();

        assertEquals(2, r.status());
        assertEquals("ecs-image: a command is required: copy, status or cancel\n"
                + "Try 'ecs-image --help' for more information.\n", r.err());
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOne() {
        CliRun.Result r = cli.run("copi", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertEquals(2, r.status());
        assertEquals("ecs-image: unknown command 'copi': did you mean 'copy'?\n"
                + "Try 'ecs-image --help' for more information.\n", r.err());
        assertEquals("ecs-image: unknown command 'cancle': did you mean 'cancel'?\n"
                + "Try 'ecs-image --help' for more information.\n", cli.run("cancle").err());
        assertEquals("ecs-image: unknown command 'serv': did you mean 'serve'?\n"
                + "Try 'ecs-image sandbox --help' for more information.\n", cli.run("sandbox", "serv").err());
        assertEquals("ecs-image: unknown command 'frobnicate'\n"
                + "Try 'ecs-image --help' for more information.\n", cli.run("frobnicate").err());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void aMisspeltOptionIsSaidBeforeTheRequiredOptionItLeavesOut() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "--too", "cn-shanghai");

        assertEquals(2, r.status());
        assertEquals("ecs-image: unknown option '--too': did you mean '--to'?\n"
                + "Try 'ecs-image copy --help' for more information.\n", r.err());
    }

    @Test
    void aMissingRequiredOptionAloneIsNamed() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou");

        assertEquals("ecs-image: Missing required option: '--to=REGION'\n"
                + "Try 'ecs-image copy --help' for more information.\n", r.err());
    }

    @Test
    void pIsShortForProfile() {
        CliRun.Result shortForm = cli.run("-p", "prod", "status", "-r", "cn-shanghai", "-i", "m-a");
        CliRun.Result longForm = cli.run("--profile", "prod", "status", "-r", "cn-shanghai", "-i", "m-a");

        assertEquals(3, shortForm.status());
        assertEquals("ecs-image: profile 'prod' (--profile) not found in ~/.aliyun/config.json "
                + "or ~/.alibabacloud/credentials\n", shortForm.err());
        assertEquals(longForm.err(), shortForm.err());
    }
}
