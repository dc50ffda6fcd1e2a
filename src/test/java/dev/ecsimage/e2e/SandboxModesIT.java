package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox as users meet it: {@code --sandbox} in-process, and {@code sandbox serve} as its own process. */
class SandboxModesIT {
    @TempDir
    Path home;

    @Test
    void theReadmeDemoRunsInProcessWithoutCredentials() throws Exception {
        Launcher.Result r = new Launcher(home).env("ECS_IMAGE_SANDBOX_SPEED", "400")
                .run("--sandbox", "copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                        EndToEndIT.FAST_POLL);

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("cn-shanghai  m-uf6\\w{17}  Available  100%\ncn-beijing   m-2ze\\w{17}  Available  100%\n"),
                r.out());
    }

    @Test
    void aFlakyCopyInProcessFailsWith10() throws Exception {
        Launcher.Result r = new Launcher(home).run("--sandbox", "--sandbox-speed", "400", "copy", "-i", Sandbox.FLAKY,
                "-r", "cn-hangzhou", "-t", "cn-beijing", "-q", EndToEndIT.FAST_POLL);

        assertEquals(10, r.status(), r.err());
    }

    @Test
    void selftestRunsCopyStatusAndCancelOverHttp() throws Exception {
        Launcher.Result r = new Launcher(home).run("sandbox", "selftest");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("selftest passed: copy, status and cancel over HTTP against a local sandbox "
                + "\\(\\d+ ms\\)\n"), r.out());
        assertEquals("", r.err());
    }

    /** {@code ecs-image sandbox serve} as its own process, and what its banner says. */
    private record Served(Process process, String url, Launcher client) implements AutoCloseable {
        static Served start(Path home) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV",
                    Launcher.SCRIPT.toString(), "sandbox", "serve", "--port", "0", "--speed", "400"));
            pb.environment().put("HOME", home.toString());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process serve = pb.start();
            BufferedReader banner = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String keyId = null;
            String secret = null;
            Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
            for (String line; (line = banner.readLine()) != null && (url == null || keyId == null || secret == null); ) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                } else if (line.contains("export ALIBABA_CLOUD_ACCESS_KEY_ID=")) {
                    keyId = line.substring(line.indexOf('=') + 1).trim();
                } else if (line.contains("export ALIBABA_CLOUD_ACCESS_KEY_SECRET=")) {
                    secret = line.substring(line.indexOf('=') + 1).trim();
                }
            }
            return new Served(serve, url, new Launcher(home).env("ALIBABA_CLOUD_ACCESS_KEY_ID", keyId)
                    .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret));
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void sandboxServeAnswersAnyClientUntilInterrupted() throws Exception {
        try (Served served = Served.start(home)) {
            Launcher.Result r = served.client().run("--endpoint", served.url(), "--signature-version", "v1", "copy", "-i",
                    Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai", "-o", "json", EndToEndIT.FAST_POLL);

            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("\"status\": \"Available\""), r.out());
            new ProcessBuilder("kill", "-INT", Long.toString(served.process().pid())).start().waitFor();
            assertTrue(served.process().waitFor(20, TimeUnit.SECONDS));
            assertEquals(130, served.process().exitValue());
        }
    }

    @Test
    void theFollowLineWorksWhenPastedWithTheEndpointItNames() throws Exception {
        try (Served served = Served.start(home)) {
            Launcher.Result noWait = served.client().run("--endpoint", served.url(), "--signature-version", "v1", "copy",
                    "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing", "--no-wait",
                    "--client-token", "paste-me");
            String follow = noWait.err().lines().filter(l -> l.startsWith("  follow: ")).findFirst().orElseThrow()
                    .substring("  follow: ".length());
            assertTrue(follow.startsWith("ecs-image --endpoint " + served.url() + " --signature-version v1 status --wait "
                    + "-i cn-shanghai:m-uf6"), follow);

            Launcher.Result followed = served.client().shell(home.resolve("bin"), follow);

            assertEquals(0, noWait.status(), noWait.err());
            assertEquals(0, followed.status(), followed.err());
            String from = "  from cn-hangzhou/" + Sandbox.DEMO;
            assertTrue(followed.out().matches("cn-shanghai  m-uf6\\w{17}  Available  100%" + from + "\n"
                    + "cn-beijing   m-2ze\\w{17}  Available  100%" + from + "\n"), followed.out());
        }
    }
}
