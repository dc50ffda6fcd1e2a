package dev.ecsimage.auth;

import dev.ecsimage.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.ErrorKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.ecsimage.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every temporary source against local stand-ins for STS and the metadata service, and their place in the chain. */
class TemporarySourcesTest {
    private static final String ROLE = "acs:ram::123:role/deploy";
    private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");

    @TempDir
    Path home;
    final Map<String, String> env = new HashMap<>();
    final List<String> lines = new ArrayList<>();
    final ManualClock clock = new ManualClock(NOW);
    StsStandIn sts;
    MetadataStandIn metadata;

    @BeforeEach
    void standIns() {
        sts = new StsStandIn();
        metadata = new MetadataStandIn();
        sts.secrets.put("LTAIsource00000001", "source-secret");
        env.put("ECS_IMAGE_STS_ENDPOINT", sts.url());
        env.put("ECS_IMAGE_METADATA_ENDPOINT", metadata.url());
    }

    @AfterEach
    void stop() {
        sts.close();
        metadata.close();
    }

    private CredentialChain chain() {
        return new CredentialChain(env, home, clock, lines::add);
    }

    private Path config(String profiles) throws IOException {
        Path file = home.resolve(".aliyun/config.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{\"current\":\"main\",\"profiles\":[" + profiles + "]}");
    }

    private Path ini(String text) throws IOException {
        Path file = home.resolve(".alibabacloud/credentials");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path oidcEnvironment(String token) throws IOException {
        Path tokenFile = Files.writeString(home.resolve("oidc-token"), token + "\n");
        env.put("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123:role/ci");
        env.put("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::123:oidc-provider/gitlab");
        env.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", tokenFile.toString());
        return tokenFile;
    }

    private static final String AK_MAIN = "{\"name\":\"main\",\"mode\":\"AK\",\"access_key_id\":\"LTAIsource00000001\","
            + "\"access_key_secret\":\"source-secret\"}";

    @Test
    void ramRoleArnProfileAssumesTheRoleSignedWithItsKeys() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIsource00000001\","
                + "\"access_key_secret\":\"source-secret\",\"ram_role_arn\":\"" + ROLE + "\",\"ram_session_name\":\"ci\","
                + "\"expired_seconds\":900}");
        Credentials c = chain().resolve(null).credentials();
        assertEquals(List.of("STS.ISSUED0001", "issued-secret-1", "issued-token-1", Instant.parse("2026-11-27T22:00:00Z")),
                List.of(c.accessKeyId(), c.accessKeySecret(), c.securityToken(), c.expiration()));
        assertEquals(1, sts.requests.size());
        Map<String, String> form = sts.requests.get(0).form();
        assertEquals("AssumeRole", form.get("Action"));
        assertEquals("2015-04-01", form.get("Version"));
        assertEquals(ROLE, form.get("RoleArn"));
        assertEquals("ci", form.get("RoleSessionName"));
        assertEquals("900", form.get("DurationSeconds"));
        assertEquals("LTAIsource00000001", form.get("AccessKeyId"));
        assertEquals("HMAC-SHA1", form.get("SignatureMethod"));
        assertEquals("2026-11-27T21:00:00Z", form.get("Timestamp"));
        assertEquals(List.of("credentials: sts AssumeRole role " + ROLE + " for profile 'main' (mode RamRoleArn) in "
                + "~/.aliyun/config.json (STS.****0001), expires 2026-11-27T22:00:00Z"), lines);
    }

    @Test
    void aWrongSecretIsDeniedWithTheStsCode() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIsource00000001\","
                + "\"access_key_secret\":\"wrong\",\"ram_role_arn\":\"" + ROLE + "\"}");
        EcsException e = assertThrows(EcsException.class, () -> chain().resolve(null).credentials());
        assertEquals(ErrorKind.DENIED, e.kind());
        assertEquals(4, e.kind().exitStatus);
        assertEquals("SignatureDoesNotMatch: STS AssumeRole of " + ROLE + " at " + sts.url()
                + ": Specified signature is not matched with our calculation. (HTTP 400, RequestId R-ERR)", e.describe());
    }

    @Test
    void stsThrottlingIsTransient() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIsource00000001\","
                + "\"access_key_secret\":\"source-secret\",\"ram_role_arn\":\"" + ROLE + "\"}");
        sts.queued.add(StsStandIn.error(400, "Throttling.User", "Request was denied due to user flow control."));
        EcsException e = assertThrows(EcsException.class, () -> chain().resolve(null).credentials());
        assertTrue(e.isTransient());
        assertEquals("Throttling.User", e.code());
    }

    @Test
    void chainableProfileSignsWithTheSourceProfilesTemporaryCredentials() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"ChainableRamRoleArn\",\"source_profile\":\"base\","
                + "\"ram_role_arn\":\"acs:ram::456:role/target\"},"
                + "{\"name\":\"base\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIsource00000001\","
                + "\"access_key_secret\":\"source-secret\",\"ram_role_arn\":\"" + ROLE + "\"}");
        Credentials c = chain().resolve(null).credentials();
        assertEquals("STS.ISSUED0002", c.accessKeyId());
        assertEquals(2, sts.requests.size());
        assertEquals(List.of(ROLE, "LTAIsource00000001"),
                List.of(sts.requests.get(0).form().get("RoleArn"), sts.requests.get(0).form().get("AccessKeyId")));
        Map<String, String> second = sts.requests.get(1).form();
        assertEquals(List.of("acs:ram::456:role/target", "STS.ISSUED0001", "issued-token-1", "3600"),
                List.of(second.get("RoleArn"), second.get("AccessKeyId"), second.get("SecurityToken"),
                        second.get("DurationSeconds")));
        assertEquals("ecs-image-" + NOW.getEpochSecond(), second.get("RoleSessionName"));
    }

    @Test
    void chainableProfileWithAMissingSource() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"ChainableRamRoleArn\",\"source_profile\":\"gone\","
                + "\"ram_role_arn\":\"" + ROLE + "\"}");
        assertEquals("profile 'main' (mode ChainableRamRoleArn) in ~/.aliyun/config.json: source_profile 'gone' not found",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
    }

    @Test
    void iniRamRoleArnSection() throws IOException {
        ini("[default]\ntype = ram_role_arn\naccess_key_id = LTAIsource00000001\naccess_key_secret = source-secret\n"
                + "role_arn = " + ROLE + "\nrole_session_name = nightly\n");
        assertEquals("STS.ISSUED0001", chain().resolve(null).credentials().accessKeyId());
        assertEquals("nightly", sts.requests.get(0).form().get("RoleSessionName"));
    }

    @Test
    void oidcFromTheEnvironmentIsAnonymous() throws IOException {
        oidcEnvironment("eyJ.first");
        env.put("ALIBABA_CLOUD_ROLE_SESSION_NAME", "pipeline-42");
        Credentials c = chain().resolve(null).credentials();
        assertEquals("STS.ISSUED0001", c.accessKeyId());
        Map<String, String> form = sts.requests.get(0).form();
        assertEquals(Map.of("Action", "AssumeRoleWithOIDC", "Version", "2015-04-01", "Format", "JSON",
                "RoleArn", "acs:ram::123:role/ci", "OIDCProviderArn", "acs:ram::123:oidc-provider/gitlab",
                "OIDCToken", "eyJ.first", "RoleSessionName", "pipeline-42", "DurationSeconds", "3600",
                "Timestamp", "2026-11-27T21:00:00Z", "SignatureNonce", form.get("SignatureNonce")), form);
        assertEquals(List.of("credentials: sts AssumeRoleWithOIDC role acs:ram::123:role/ci for environment "
                + "ALIBABA_CLOUD_ROLE_ARN (STS.****0001), expires 2026-11-27T22:00:00Z"), lines);
    }

    @Test
    void oidcTokenFileIsReadAgainOnEachRefresh() throws IOException {
        Path tokenFile = oidcEnvironment("eyJ.first");
        sts.expiration = NOW.plus(Duration.ofHours(1));
        CredentialsProvider provider = chain().resolve(null);
        assertEquals(0, sts.requests.size());
        assertEquals("STS.ISSUED0001", provider.credentials().accessKeyId());
        Files.writeString(tokenFile, "eyJ.rotated");
        clock.advance(Duration.ofMinutes(56));
        assertEquals("STS.ISSUED0001", provider.credentials().accessKeyId());
        assertEquals(1, sts.requests.size());
        clock.advance(Duration.ofMinutes(2));
        assertEquals("STS.ISSUED0002", provider.credentials().accessKeyId());
        assertEquals(List.of("eyJ.first", "eyJ.rotated"),
                sts.requests.stream().map(r -> r.form().get("OIDCToken")).toList());
    }

    @Test
    void oidcRefusedByStsIsDenied() throws IOException {
        oidcEnvironment("eyJ.old");
        sts.queued.add(StsStandIn.error(400, "AuthenticationFail.OIDCToken.Expired", "The OIDC token has expired."));
        EcsException e = assertThrows(EcsException.class, () -> chain().resolve(null).credentials());
        assertEquals(ErrorKind.DENIED, e.kind());
        assertEquals("AuthenticationFail.OIDCToken.Expired: STS AssumeRoleWithOIDC of acs:ram::123:role/ci at "
                + sts.url() + ": The OIDC token has expired. (HTTP 400, RequestId R-ERR)", e.describe());
    }

    @Test
    void oidcTokenFileMissing() throws IOException {
        oidcEnvironment("x");
        Path missing = home.resolve("nowhere");
        env.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", missing.toString());
        assertEquals("OIDC token file " + missing + " of environment ALIBABA_CLOUD_ROLE_ARN does not exist",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
        assertEquals(0, sts.requests.size());
    }

    @Test
    void oidcTokenFileThatIsADanglingLink() throws IOException {
        oidcEnvironment("x");
        Path link = Files.createSymbolicLink(home.resolve("token-link"), home.resolve("rotated/token"));
        env.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", link.toString());
        assertEquals("OIDC token file of environment ALIBABA_CLOUD_ROLE_ARN: " + link + " is a symbolic link to "
                + home.resolve("rotated/token") + ", which does not exist",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
        assertEquals(0, sts.requests.size());
    }

    @Test
    void oidcProfileInConfigJsonAndIni() throws IOException {
        Path tokenFile = Files.writeString(home.resolve("t"), "eyJ.file");
        config("{\"name\":\"main\",\"mode\":\"OIDC\",\"ram_role_arn\":\"" + ROLE + "\",\"oidc_provider_arn\":\"p\","
                + "\"oidc_token_file\":\"" + tokenFile + "\"}");
        ini("[default]\ntype = oidc_role_arn\nrole_arn = acs:ram::9:role/i\noidc_provider_arn = q\n"
                + "oidc_token_file_path = " + tokenFile + "\n");
        assertEquals("STS.ISSUED0001", chain().resolve(null).credentials().accessKeyId());
        assertEquals("STS.ISSUED0002", chain().resolve("default").credentials().accessKeyId());
        assertEquals(List.of(ROLE, "acs:ram::9:role/i"), sts.requests.stream().map(r -> r.form().get("RoleArn")).toList());
    }

    @Test
    void environmentKeysComeBeforeOidcWhichComesBeforeTheProfileFiles() throws IOException {
        config(AK_MAIN);
        oidcEnvironment("eyJ.order");
        assertEquals("STS.ISSUED0001", chain().resolve(null).credentials().accessKeyId());
        env.put("ALICLOUD_ACCESS_KEY", "LTAIenvironment1234");
        env.put("ALICLOUD_SECRET_KEY", "s");
        assertEquals("LTAIenvironment1234", chain().resolve(null).credentials().accessKeyId());
        assertEquals(1, sts.requests.size());
    }

    @Test
    void credentialsUriComesBeforeOidc() throws IOException {
        oidcEnvironment("eyJ.unused");
        metadata.tokenStatus = 404;
        env.put("ALIBABA_CLOUD_CREDENTIALS_URI", metadata.url() + InstanceMetadataSource.ROLES_PATH + "ci-role");
        Credentials c = chain().resolve(null).credentials();
        assertEquals(List.of("STS.METADATA0001", "meta-secret", "meta-token"),
                List.of(c.accessKeyId(), c.accessKeySecret(), c.securityToken()));
        assertEquals(0, sts.requests.size());
        assertEquals(List.of("credentials: environment ALIBABA_CLOUD_CREDENTIALS_URI (STS.****0001), "
                + "expires 2026-11-27T22:00:00Z"), lines);
    }

    @Test
    void credentialsUriProfileAndItsFailures() throws IOException {
        metadata.tokenStatus = 404;
        String uri = metadata.url() + "/nothing-here";
        config("{\"name\":\"main\",\"mode\":\"CredentialsURI\",\"credentials_uri\":\"" + uri + "?key=hush\"}");
        assertEquals("credentials URI " + uri + ": HTTP 404",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
        config("{\"name\":\"main\",\"mode\":\"CredentialsURI\",\"credentials_uri\":\"" + metadata.url()
                + InstanceMetadataSource.ROLES_PATH + "ci-role\"}");
        assertEquals("STS.METADATA0001", chain().resolve(null).credentials().accessKeyId());
    }

    @Test
    void profileFilesComeBeforeTheMetadataService() throws IOException {
        config(AK_MAIN);
        assertEquals("LTAIsource00000001", chain().resolve(null).credentials().accessKeyId());
        assertEquals(0, metadata.requests.size());
    }

    @Test
    void metadataServiceIsLastWithAnImdsV2Token() {
        Credentials c = chain().resolve(null).credentials();
        assertEquals(List.of("STS.METADATA0001", "meta-secret", "meta-token", Instant.parse("2026-11-27T22:00:00Z")),
                List.of(c.accessKeyId(), c.accessKeySecret(), c.securityToken(), c.expiration()));
        assertEquals(List.of(
                new StandIn.Request("PUT", "/latest/api/token", null, Map.of()),
                new StandIn.Request("GET", "/latest/meta-data/ram/security-credentials/", "tok-1", Map.of()),
                new StandIn.Request("GET", "/latest/meta-data/ram/security-credentials/ci-role", "tok-1", Map.of())),
                metadata.requests);
        assertEquals(List.of("credentials: ecs metadata role ci-role at " + metadata.url() + " (STS.****0001), "
                + "expires 2026-11-27T22:00:00Z"), lines);
    }

    @ParameterizedTest(name = "HTTP {0} from the token endpoint")
    @ValueSource(ints = {403, 404, 405})
    void imdsV2RefusedThenImdsV1(int status) {
        metadata.tokenStatus = status;
        env.put("ALIBABA_CLOUD_ECS_METADATA", "ci-role");
        assertEquals("STS.METADATA0001", chain().resolve(null).credentials().accessKeyId());
        assertEquals(List.of(
                new StandIn.Request("PUT", "/latest/api/token", null, Map.of()),
                new StandIn.Request("GET", "/latest/meta-data/ram/security-credentials/ci-role", null, Map.of())),
                metadata.requests);
        assertEquals("credentials: ECS metadata " + metadata.url() + " IMDSv2 token refused (HTTP " + status
                + "), using IMDSv1", lines.get(0));
    }

    @Test
    void imdsV1DisabledForAnExplicitEcsRamRole() throws IOException {
        metadata.tokenStatus = 403;
        env.put("ALIBABA_CLOUD_IMDSV1_DISABLED", "true");
        ini("[default]\ntype = ecs_ram_role\nrole_name = ci-role\n");
        assertEquals("ECS metadata " + metadata.url() + " IMDSv2 token: HTTP 403, and IMDSv1 is disabled "
                + "(ALIBABA_CLOUD_IMDSV1_DISABLED=true)",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
        assertEquals(1, metadata.requests.size());
    }

    @Test
    void ecsRamRoleProfileWithANameThatIsNoRoleName() throws IOException {
        ini("[default]\ntype = ecs_ram_role\nrole_name = ../../latest/user-data\n");
        assertEquals("ECS RAM role name '../../latest/user-data' is not a RAM role name (1-64 letters, digits, '.' or '-')",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
        assertEquals(0, metadata.requests.size());
    }

    @Test
    void ecsRamRoleProfileWithAnUnknownRole() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"EcsRamRole\",\"ram_role_name\":\"other-role\"}");
        assertEquals("ECS metadata " + metadata.url() + " credentials of role other-role: HTTP 404",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
    }

    @Test
    void metadataAnswersThatAreNotCredentials() {
        env.put("ALIBABA_CLOUD_ECS_METADATA", "ci-role");
        String what = "ECS metadata " + metadata.url() + " credentials of role ci-role";
        metadata.credentialsBody = "{\"Code\":\"Failure\\u001b[2J\"}";
        assertEquals("UnexpectedResponse: " + what + ": Code is 'Failure\\x1b[2J', not 'Success' (HTTP 200)",
                transientFailure(chain().resolve(null)).describe());
        metadata.credentialsBody = "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.x\",\"SecurityToken\":\"t\","
                + "\"Expiration\":\"2026-11-27T22:00:00Z\"}";
        assertEquals(what + ": the answer has no AccessKeySecret", transientFailure(chain().resolve(null)).getMessage());
        metadata.credentialsBody = "<html>proxy error</html>";
        assertEquals(what + ": answered HTTP 200 without a JSON object", transientFailure(chain().resolve(null)).getMessage());
        metadata.credentialsBody = "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"s\","
                + "\"SecurityToken\":\"t\",\"Expiration\":\"soon\\u0007\"}";
        assertEquals(what + ": Expiration 'soon\\x07' is not an ISO-8601 instant",
                transientFailure(chain().resolve(null)).getMessage());
    }

    /** What the provider throws: a transient failure, so the API client retries it. */
    private static EcsException transientFailure(CredentialsProvider provider) {
        EcsException e = assertThrows(EcsException.class, provider::credentials);
        assertTrue(e.isTransient(), e.describe());
        return e;
    }

    @Test
    void aRoleNameAnswerWithControlCharactersIsShownEscaped() {
        metadata.roles = "ci-role\u001b]0;owned\u0007";
        assertEquals("UnexpectedResponse: ECS metadata " + metadata.url() + " role name: answered "
                + "'ci-role\\x1b]0;owned\\x07', which is not a RAM role name (HTTP 200)",
                transientFailure(chain().resolve(null)).describe());
    }

    @Test
    void anInstanceWithoutARoleIsNoCredentials() {
        metadata.roles = "";
        assertEquals("no credentials found: tried environment variables; ~/.aliyun/config.json (absent); "
                + "~/.alibabacloud/credentials (absent); ECS metadata " + metadata.url()
                + " role name: no RAM role is attached to this instance",
                assertThrows(ConfigException.class, () -> chain().resolve(null)).getMessage());
    }

    @ParameterizedTest(name = "HTTP {0} from the token endpoint")
    @ValueSource(ints = {500, 502, 503, 504})
    void aFailingMetadataServiceIsTransientAndRetriedByTheClient(int status) throws InterruptedException {
        metadata.tokenStatus = status;
        CredentialsProvider provider = chain().resolve(null);
        assertEquals(1, metadata.requests.size());
        EcsClient client = new EcsClient(call -> {
            provider.credentials();
            throw new AssertionError("no credentials, no call");
        }, RetryPolicy.standard(3), d -> { }, null);
        EcsException e = assertThrows(EcsException.class, () -> client.describeImages("cn-hangzhou", null, null, null));
        assertEquals("UnexpectedResponse: ECS metadata " + metadata.url() + " IMDSv2 token: HTTP " + status
                + " (HTTP " + status + ")", e.describe());
        assertEquals(9, e.kind().exitStatus);
        assertEquals(Collections.nCopies(4, new StandIn.Request("PUT", "/latest/api/token", null, Map.of())),
                metadata.requests);
    }

    @Test
    void aFailingCredentialsAnswerIsTransientToo() {
        metadata.credentialsStatus = 503;
        CredentialsProvider provider = chain().resolve(null);
        assertEquals("UnexpectedResponse: ECS metadata " + metadata.url() + " credentials of role ci-role: HTTP 503 "
                + "(HTTP 503)", transientFailure(provider).describe());
        metadata.credentialsStatus = 200;
        assertEquals("STS.METADATA0001", provider.credentials().accessKeyId());
        assertEquals(List.of("credentials: the ECS metadata service answered but failed: UnexpectedResponse: ECS metadata "
                + metadata.url() + " credentials of role ci-role: HTTP 503 (HTTP 503)",
                "credentials: ecs metadata role ci-role at " + metadata.url() + " (STS.****0001), expires 2026-11-27T22:00:00Z"),
                lines);
    }

    @Test
    void aFailingTokenEndpointDoesNotDropToImdsV1() {
        metadata.tokenStatus = 500;
        env.put("ALIBABA_CLOUD_ECS_METADATA", "ci-role");
        transientFailure(chain().resolve(null));
        assertEquals(List.of("PUT", "PUT"), metadata.requests.stream().map(StandIn.Request::method).toList());
    }

    @Test
    void anStsMessageWithControlCharactersIsShownEscaped() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIsource00000001\","
                + "\"access_key_secret\":\"source-secret\",\"ram_role_arn\":\"" + ROLE + "\"}");
        sts.queued.add(new StandIn.Answer(403, "{\"RequestId\":\"R-\\u0007\",\"Code\":\"NoPermission\\u001b[0m\","
                + "\"Message\":\"You are not authorized.\\r\\necs-image: copy succeeded\\u009b31m\"}"));
        EcsException e = assertThrows(EcsException.class, () -> chain().resolve(null).credentials());
        assertEquals("NoPermission\\x1b[0m: STS AssumeRole of " + ROLE + " at " + sts.url() + ": You are not authorized."
                + "\\r\\necs-image: copy succeeded\\x9b31m (HTTP 403, RequestId R-\\x07)", e.describe());
        assertEquals(ErrorKind.DENIED, e.kind());
    }

    @Test
    void metadataAbsentFallsThroughFast() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        env.put("ECS_IMAGE_METADATA_ENDPOINT", endpoint);
        long start = System.nanoTime();
        String message = assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 900, "took " + millis + " ms");
        assertEquals("no credentials found: tried environment variables; ~/.aliyun/config.json (absent); "
                + "~/.alibabacloud/credentials (absent); ECS metadata " + endpoint + " (no answer)", message);
        assertEquals(1, lines.size());
        assertEquals("credentials: ECS metadata " + endpoint + " IMDSv2 token: no answer (connection refused)",
                lines.get(0));
    }

    @Test
    void metadataSilentForTheTimeoutFallsThrough() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            env.put("ECS_IMAGE_METADATA_ENDPOINT", endpoint);
            assertEquals("no credentials found: tried environment variables; ~/.aliyun/config.json (absent); "
                    + "~/.alibabacloud/credentials (absent); ECS metadata " + endpoint + " (no answer)",
                    assertThrows(ConfigException.class, () -> chain().resolve(null)).getMessage());
        }
    }

    @Test
    void badEndpointVariable() throws IOException {
        config("{\"name\":\"main\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIsource00000001\","
                + "\"access_key_secret\":\"source-secret\",\"ram_role_arn\":\"" + ROLE + "\"}");
        env.put("ECS_IMAGE_STS_ENDPOINT", "sts.example");
        assertEquals("ECS_IMAGE_STS_ENDPOINT: 'sts.example' is not an http:// or https:// URL with a host",
                assertThrows(ConfigException.class, () -> chain().resolve(null).credentials()).getMessage());
    }

    @Test
    void defaultStsEndpoints() {
        assertEquals(URI.create("https://sts.aliyuncs.com"), StsClient.defaultEndpoint(null));
        assertEquals(URI.create("https://sts.cn-shanghai.aliyuncs.com"), StsClient.defaultEndpoint("cn-shanghai"));
    }

    @Test
    void noSecretOrTokenInVerboseLines() throws IOException {
        oidcEnvironment("eyJ.secret-token");
        chain().resolve(null).credentials();
        assertEquals(1, lines.size());
        lines.forEach(line -> {
            assertFalse(line.contains("issued-secret"), line);
            assertFalse(line.contains("issued-token"), line);
            assertFalse(line.contains("eyJ"), line);
        });
        assertNull(sts.requests.get(0).form().get("Signature"));
    }
}
