package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.auth.ConfigException;
import dev.ecsimage.auth.Credentials;
import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.SandboxKeys;
import dev.ecsimage.sandbox.Seed;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.HttpTransport;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.SignatureVersion;
import dev.ecsimage.transport.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Clock clock = Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC);
    final List<String> hookEvents = new ArrayList<>();
    final AbortHooks hooks = new AbortHooks() {
        @Override
        public Object register(Runnable onAbort) {
            hookEvents.add("register");
            return "handle";
        }

        @Override
        public void unregister(Object handle) {
            hookEvents.add("unregister " + handle);
        }
    };

    int run(Map<String, String> env, Sleeper sleeper, String... args) {
        Context context = new Context(env, Path.of("/nonexistent"), clock, sleeper, new PrintWriter(out, true),
                new PrintWriter(err, true), false, () -> "id", hooks, null);
        return EcsImageCommand.run(context, args);
    }

    int run(String... args) {
        return run(Map.of(), duration -> { throw new InterruptedException(); }, args);
    }

    @Test
    void imagesPrintsTheSeedTable() {
        assertEquals(0, run("sandbox", "images"));
        String text = out.toString();
        assertTrue(text.startsWith("Seeded images (CopyImage's RegionId is the image's region):"), text);
        assertTrue(text.contains("  " + Seed.DEMO_IMAGE_ID + "  cn-hangzhou     web-app-v1          Available        40  "
                + "the demo: copies fine (about 10 s at the default speed)"), text);
        assertTrue(text.contains("  cn-nanjing      does not support copying"), text);
        assertTrue(text.contains("Regions (27): cn-qingdao, cn-beijing,"), text);
        assertTrue(text.contains("  " + Seed.USABLE_KMS_KEY + "  encrypts the copy"), text);
        assertTrue(text.contains("OperationDenied.ImageCopying"), text);
        assertEquals("", err.toString());
    }

    @Test
    void imagesInJson() throws IOException {
        assertEquals(0, run("-o", "json", "sandbox", "images"));
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals(Seed.DEMO_IMAGE_ID, doc.get("images").get(0).get("imageId").asText());
        assertEquals("cn-hangzhou", doc.get("images").get(0).get("region").asText());
        assertEquals(Seed.images().size(), doc.get("images").size());
        assertEquals(27, doc.get("regions").size());
        assertEquals("InvalidImageName.Malformed",
                doc.get("requestScenarios").get("DestinationImageName=1st-copy (not starting with a letter)").asText());
    }

    @Test
    void serveAnswersOverHttpWithItsFaultsUntilInterrupted() {
        List<String> seen = new ArrayList<>();
        Sleeper whileServing = duration -> {
            Matcher url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) ").matcher(out.toString());
            assertTrue(url.find(), out.toString());
            Credentials keys = Credentials.of(SandboxKeys.ACCESS_KEY_ID, SandboxKeys.ACCESS_KEY_SECRET, null, "banner");
            try (HttpTransport t = new HttpTransport(Endpoints.fixed(URI.create(url.group(1))), () -> keys,
                    HttpTransport.Settings.defaults(), Map.of(), clock, HttpTransport.randomNonces())) {
                ApiCall describe = new ApiCall("cn-hangzhou", "DescribeImages", Map.of("RegionId", "cn-hangzhou"));
                for (int i = 0; i < 2; i++) {
                    RawResponse raw = t.send(describe);
                    seen.add(raw.status() + " " + new ObjectMapper().readTree(raw.body()).path("Code").asText());
                }
            } catch (IOException e) {
                seen.add(e.toString());
            }
            throw new InterruptedException();
        };
        int status = run(Map.of("ECS_IMAGE_SANDBOX_SPEED", "25"), whileServing, "sandbox", "serve", "--throttle", "1",
                "--fail-action", "DescribeImages");
        assertEquals(ExitStatus.INTERRUPTED.code, status);
        assertEquals(List.of("400 Throttling.User", "200 "), seen);
        String banner = out.toString();
        assertTrue(banner.contains("Copy speed: 25 %/s (a normal copy takes about 4 s)"), banner);
        assertTrue(banner.contains("Faults: throttle the first 1 (only DescribeImages)"), banner);
        assertTrue(banner.contains("  export ALIBABA_CLOUD_ACCESS_KEY_ID=" + SandboxKeys.ACCESS_KEY_ID), banner);
        assertTrue(banner.contains("  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + SandboxKeys.ACCESS_KEY_SECRET), banner);
        assertTrue(banner.contains("Seeded images"), banner);
        assertEquals("sandbox: DescribeImages: HTTP 400 Throttling.User" + System.lineSeparator()
                + "sandbox: DescribeImages: HTTP 200" + System.lineSeparator(), err.toString());
        assertEquals(List.of("register", "unregister handle"), hookEvents);
    }

    /** The catalogue comes before what a user needs to go on, so a 30-row terminal still shows the URL and keys. */
    @Test
    void theBannerEndsWithTheEndpointTheKeysAndAnExample() {
        String banner = SandboxCommand.banner("http://127.0.0.1:8800", 10, Faults.NONE, Messages.of(Language.en));
        String nl = System.lineSeparator();

        assertTrue(banner.startsWith("ECS sandbox listening on http://127.0.0.1:8800 (Ctrl-C stops it; "), banner);
        assertTrue(banner.endsWith(nl + nl
                + "Copy speed: 10 %/s (a normal copy takes about 10 s)" + nl
                + "Faults: none" + nl
                + "Endpoint: http://127.0.0.1:8800 (Ctrl-C stops the sandbox)" + nl
                + "Its access keys (fake, for this sandbox only):" + nl
                + "  export ALIBABA_CLOUD_ACCESS_KEY_ID=" + SandboxKeys.ACCESS_KEY_ID + nl
                + "  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + SandboxKeys.ACCESS_KEY_SECRET + nl
                + "  STS pair: access key id " + SandboxKeys.STS_ACCESS_KEY_ID + nl
                + "            secret " + SandboxKeys.STS_ACCESS_KEY_SECRET + nl
                + "            security token " + SandboxKeys.STS_SECURITY_TOKEN + nl
                + "Then, for example:" + nl
                + "  ecs-image --endpoint http://127.0.0.1:8800 \\" + nl
                + "    copy -i m-bp1ujzde8gxd6ncf10ep -r cn-hangzhou -t cn-shanghai" + nl), banner);
        assertTrue(banner.indexOf("Seeded images") < banner.indexOf("Copy speed:"), banner);
    }

    @Test
    void theServerStopsWhenServeEnds() {
        List<URI> urls = new ArrayList<>();
        run(Map.of(), duration -> {
            Matcher url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) ").matcher(out.toString());
            assertTrue(url.find());
            urls.add(URI.create(url.group(1)));
            throw new InterruptedException();
        }, "sandbox", "serve");
        Credentials keys = Credentials.of(SandboxKeys.ACCESS_KEY_ID, SandboxKeys.ACCESS_KEY_SECRET, null, "t");
        try (HttpTransport t = new HttpTransport(Endpoints.fixed(urls.get(0)), () -> keys,
                new HttpTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), SignatureVersion.v3, "t"),
                Map.of(), clock, HttpTransport.randomNonces())) {
            assertThrows(IOException.class, () -> t.send(new ApiCall("cn-hangzhou", "DescribeImages",
                    Map.of("RegionId", "cn-hangzhou"))));
        }
        assertTrue(out.toString().contains("Copy speed: 10 %/s (a normal copy takes about 10 s)"), out.toString());
        assertTrue(out.toString().contains("Faults: none"), out.toString());
    }

    @Test
    void badSpeedsAndRatesAreUsageErrors() {
        assertEquals(ExitStatus.USAGE.code, run("sandbox", "serve", "--speed", "0"));
        assertTrue(err.toString().contains("'0' is not a speed"), err.toString());
        assertEquals(ExitStatus.USAGE.code, run("sandbox", "serve", "--throttle-rate", "1.5"));
        assertTrue(err.toString().contains("'1.5' is not a rate"), err.toString());
        assertEquals(ExitStatus.USAGE.code, run("sandbox", "serve", "--throttle", "-1"));
        assertTrue(err.toString().contains("a fault needs a count >= 0"), err.toString());
        assertEquals(ExitStatus.USAGE.code, run("sandbox", "serve", "--port", "70000"));
        assertTrue(err.toString().contains("cannot listen on 127.0.0.1:70000: "), err.toString());
        assertEquals(ExitStatus.USAGE.code, run("sandbox"));
        assertTrue(err.toString().contains("a sandbox command is required: serve or images"), err.toString());
    }

    @Test
    void speedComesFromTheOptionThenTheEnvironmentThenTen() {
        assertEquals(30, SandboxCommand.speed(30.0, Map.of(SandboxCommand.SPEED_ENV, "25")));
        assertEquals(25, SandboxCommand.speed(null, Map.of(SandboxCommand.SPEED_ENV, "25")));
        assertEquals(10, SandboxCommand.speed(null, Map.of()));
        ConfigException bad = assertThrows(ConfigException.class,
                () -> SandboxCommand.speed(null, Map.of(SandboxCommand.SPEED_ENV, "fast")));
        assertTrue(bad.getMessage().startsWith("ECS_IMAGE_SANDBOX_SPEED: 'fast' is not a speed"), bad.getMessage());
    }

    @Test
    void helpDocumentsFaultsAndListsTheSeed() {
        assertEquals(0, run("sandbox", "serve", "--help"));
        String help = out.toString();
        for (String option : List.of("--port", "--speed", "--drop-before", "--drop-before-rate", "--throttle",
                "--throttle-rate", "--server-errors", "--server-error-rate", "--drop-after", "--drop-after-rate",
                "--delay", "--fail-action")) {
            assertTrue(help.contains(option), option);
        }
        assertTrue(help.contains(Seed.DEMO_IMAGE_ID + "  cn-hangzhou"), help);
        assertTrue(help.contains("every copy stops at 60% and ends CreateFailed"), help);
        out.getBuffer().setLength(0);
        assertEquals(0, run("sandbox", "--help"));
        assertTrue(out.toString().contains("Seeded images"), out.toString());
    }

    @Test
    void selftestPassesInProcessWithFakeTime() {
        CliRun cli = new CliRun();

        CliRun.Result r = cli.run("sandbox", "selftest");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("selftest passed: copy, status and cancel over HTTP against a local sandbox "
                + "\\(\\d+ ms\\)\n"), r.out());
        assertEquals("", r.err());
    }
}
