package dev.ecsimage.auth;

import dev.ecsimage.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chain's order for fixed keys, and every one-line message about a missing or broken setting. */
class CredentialChainTest {
    private static final String CONFIG_AK = """
            {"current":"main","profiles":[
              {"name":"main","mode":"AK","access_key_id":"LTAIconfigmain0001","access_key_secret":"s1","region_id":"cn-shanghai"},
              {"name":"other","mode":"StsToken","access_key_id":"STS.configother01","access_key_secret":"s2","sts_token":"t2",
               "region_id":"eu-central-1"}]}""";
    private static final String INI = """
            # comment
            [default]
            type = access_key
            access_key_id = LTAIinidefault0001
            access_key_secret = s3
            region_id = ap-southeast-1

            [prod]
            type = access_key
            access_key_id = LTAIiniprod000001
            access_key_secret = s4
            """;

    @TempDir
    Path home;
    final Map<String, String> env = new HashMap<>();
    final List<String> lines = new ArrayList<>();

    @BeforeEach
    void noMetadata() {
        env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    }

    private Credentials resolve(String profile) {
        return chain().resolve(profile).credentials();
    }

    private CredentialChain chain() {
        return new CredentialChain(env, home, new ManualClock(Instant.parse("2026-11-27T21:00:00Z")), lines::add);
    }

    private String failure(String profile) {
        return assertThrows(ConfigException.class, () -> chain().resolve(profile)).getMessage();
    }

    private Path config(String json) throws IOException {
        Path file = home.resolve(".aliyun/config.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    private Path ini(String text) throws IOException {
        Path file = home.resolve(".alibabacloud/credentials");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private void envKeys() {
        env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvironment1234");
        env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
    }

    @Test
    void environmentKeysComeBeforeTheProfileFiles() throws IOException {
        config(CONFIG_AK);
        ini(INI);
        envKeys();
        Credentials c = resolve(null);
        assertEquals("LTAIenvironment1234", c.accessKeyId());
        assertEquals("env-secret", c.accessKeySecret());
        assertNull(c.securityToken());
        assertEquals(List.of("credentials: environment ALIBABA_CLOUD_ACCESS_KEY_ID (LTAI****1234)"), lines);
    }

    @Test
    void profileOptionComesBeforeTheEnvironment() throws IOException {
        config(CONFIG_AK);
        envKeys();
        Credentials c = resolve("other");
        assertEquals("STS.configother01", c.accessKeyId());
        assertEquals("t2", c.securityToken());
        assertEquals(List.of("credentials: profile 'other' (mode StsToken) in ~/.aliyun/config.json (STS.****er01)"), lines);
    }

    @Test
    void profileOptionFallsBackToTheIniFile() throws IOException {
        config(CONFIG_AK);
        ini(INI);
        assertEquals("LTAIiniprod000001", resolve("prod").accessKeyId());
        assertEquals(List.of("credentials: section [prod] (type access_key) of ~/.alibabacloud/credentials (LTAI****0001)"),
                lines);
    }

    @Test
    void unknownProfileOptionIsAnError() throws IOException {
        config(CONFIG_AK);
        envKeys();
        assertEquals("profile 'nope' (--profile) not found in ~/.aliyun/config.json or ~/.alibabacloud/credentials",
                failure("nope"));
    }

    @Test
    void everyEnvironmentAliasFamilyIsRead() {
        String[][] families = {
                {"ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"},
                {"ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN"},
                {"ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"}};
        for (String[] family : families) {
            env.clear();
            env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
            env.put(family[0], "STS.alias" + family[0]);
            env.put(family[1], "secret-" + family[0]);
            env.put(family[2], "token-" + family[0]);
            Credentials c = resolve(null);
            assertEquals(List.of("STS.alias" + family[0], "secret-" + family[0], "token-" + family[0],
                    "environment " + family[0]), List.of(c.accessKeyId(), c.accessKeySecret(), c.securityToken(), c.source()));
        }
    }

    @Test
    void anIdWithoutItsSecretIsAnError() {
        env.put("ALICLOUD_ACCESS_KEY", "LTAIabcdefgh1234");
        assertEquals("environment: ALICLOUD_ACCESS_KEY is set but ALICLOUD_SECRET_KEY is not", failure(null));
    }

    @Test
    void currentProfileOfConfigJsonComesBeforeTheIniFile() throws IOException {
        config(CONFIG_AK);
        ini(INI);
        assertEquals("LTAIconfigmain0001", resolve(null).accessKeyId());
    }

    @Test
    void environmentProfileChoosesInEitherFile() throws IOException {
        config(CONFIG_AK);
        ini(INI);
        env.put("ALIBABA_CLOUD_PROFILE", "other");
        assertEquals("STS.configother01", resolve(null).accessKeyId());
        env.remove("ALIBABA_CLOUD_PROFILE");
        env.put("ALICLOUD_PROFILE", "prod");
        assertEquals("LTAIiniprod000001", resolve(null).accessKeyId());
    }

    @Test
    void iniDefaultSectionWhenNoConfigJson() throws IOException {
        ini(INI);
        assertEquals("LTAIinidefault0001", resolve(null).accessKeyId());
    }

    @Test
    void credentialsFileVariableNamesTheIniFile() throws IOException {
        Path elsewhere = Files.writeString(home.resolve("creds.ini"), "[default]\ntype=access_key\n"
                + "access_key_id=LTAIelsewhere00001\naccess_key_secret=x\n");
        env.put("ALIBABA_CLOUD_CREDENTIALS_FILE", elsewhere.toString());
        assertEquals("LTAIelsewhere00001", resolve(null).accessKeyId());
        env.put("ALIBABA_CLOUD_CREDENTIALS_FILE", home.resolve("missing.ini").toString());
        assertEquals("ALIBABA_CLOUD_CREDENTIALS_FILE: ~/missing.ini does not exist", failure(null));
        env.put("ALIBABA_CLOUD_CREDENTIALS_FILE", "/nonexistent/creds.ini");
        assertEquals("ALIBABA_CLOUD_CREDENTIALS_FILE: /nonexistent/creds.ini does not exist", failure(null));
    }

    @Test
    void nothingFoundSaysWhatWasTriedInOneLineAndWhatToDoInAHint() {
        ConfigException e = assertThrows(ConfigException.class, () -> chain().resolve(null));
        assertEquals("no credentials found: tried environment variables; ~/.aliyun/config.json (absent); "
                + "~/.alibabacloud/credentials (absent); ECS metadata (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)",
                e.getMessage());
        assertEquals("set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run 'aliyun configure', "
                + "or try --sandbox", e.hint());
    }

    @Test
    void configJsonWithoutACurrentProfileIsNamedSo() throws IOException {
        config("{\"profiles\":[]}");
        assertEquals("no credentials found: tried environment variables; ~/.aliyun/config.json (no current profile); "
                + "~/.alibabacloud/credentials (absent); ECS metadata (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)",
                failure(null));
    }

    /** A file with something wrong, and the message: {@code <file>} stands for the file's path. */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                arguments("config", "{\"profiles\": [\n  {\"name\": \"a\",,}\n]}",
                        "<file> is not valid JSON (line 2, column 16)"),
                arguments("config", "{\"current\":\"a\"}", "<file> has no \"profiles\" list"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"AK","access_key_id":"LTAIx","access_key_secret":""}]}""",
                        "profile 'a' (mode AK) in <file> has no access_key_secret"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"StsToken","access_key_id":"LTAIx","access_key_secret":"y"}]}""",
                        "profile 'a' (mode StsToken) in <file> has no sts_token"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"External"}]}""",
                        "profile 'a' (mode External) in <file> has no process_command"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"External","process_command":"helper 'unclosed"}]}""",
                        "profile 'a' (mode External) in <file>: process_command cannot be split into words: "
                                + "a ' quote is not closed"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"Kerberos"}]}""",
                        "profile 'a' (mode Kerberos) in <file>: unknown mode 'Kerberos' (supported: AK, StsToken, "
                                + "RamRoleArn, ChainableRamRoleArn, EcsRamRole, CredentialsURI, OIDC, External)"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a"}]}""", "profile 'a' in <file> has no mode"),
                arguments("config", """
                        {"current":"gone","profiles":[]}""", "<file>: the current profile 'gone' is not in its profiles"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"ChainableRamRoleArn","source_profile":"a",
                        "ram_role_arn":"acs:ram::1:role/x"}]}""",
                        "profile 'a' (mode ChainableRamRoleArn) in <file>: source_profile loops back to 'a'"),
                arguments("config", """
                        {"current":"a","profiles":[{"name":"a","mode":"RamRoleArn","access_key_id":"LTAIx",
                        "access_key_secret":"y","ram_role_arn":"r","expired_seconds":"soon"}]}""",
                        "profile 'a' (mode RamRoleArn) in <file>: expired_seconds 'soon' is not a number of seconds"),
                arguments("ini", "[prod]\ntype = access_key\naccess_key_id = a\naccess_key_secret = b\n",
                        "<file> has no section [default] (ALIBABA_CLOUD_PROFILE chooses another)"),
                arguments("ini", "[default]\ntype = rsa_key_pair\n", "section [default] (type rsa_key_pair) of <file>: "
                        + "unsupported type 'rsa_key_pair' (supported: access_key, ram_role_arn, ecs_ram_role, oidc_role_arn)"),
                arguments("ini", "[default]\naccess_key_id = a\n", "section [default] of <file> has no type"),
                arguments("ini", "[default]\ntype = access_key\naccess_key_id = a\n",
                        "section [default] (type access_key) of <file> has no access_key_secret"),
                arguments("ini", "[default]\ntype = access_key\nthis is not a setting\n",
                        "<file> line 3: expected [section] or key = value"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource
    void brokenFiles(String kind, String content, String message) throws IOException {
        if (kind.equals("config")) {
            config(content);
        } else {
            ini(content);
        }
        assertEquals(message.replace("<file>", kind.equals("config") ? "~/.aliyun/config.json" : "~/.alibabacloud/credentials"),
                failure(null));
    }

    @Test
    void iniWithoutTheNamedSection() throws IOException {
        ini(INI);
        env.put("ALIBABA_CLOUD_PROFILE", "staging");
        assertEquals("profile 'staging' (ALIBABA_CLOUD_PROFILE) not found in ~/.aliyun/config.json or "
                + "~/.alibabacloud/credentials", failure(null));
    }

    @Test
    void regionFromEnvironmentThenProfile() throws IOException {
        config(CONFIG_AK);
        ini(INI);
        assertEquals(Optional.of("cn-shanghai"), chain().defaultRegion(null));
        assertEquals(Optional.of("eu-central-1"), chain().defaultRegion("other"));
        assertEquals(Optional.empty(), chain().defaultRegion("prod"));
        env.put("ALICLOUD_REGION", "cn-beijing");
        assertEquals(Optional.of("cn-beijing"), chain().defaultRegion("other"));
        env.put("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
        assertEquals(Optional.of("cn-hangzhou"), chain().defaultRegion(null));
    }

    @Test
    void regionOfAnUnknownProfileOption() throws IOException {
        config(CONFIG_AK);
        assertEquals("profile 'nope' (--profile) not found in ~/.aliyun/config.json or ~/.alibabacloud/credentials",
                assertThrows(ConfigException.class, () -> chain().defaultRegion("nope")).getMessage());
    }

    @Test
    void regionFromTheIniSection() throws IOException {
        ini(INI);
        assertEquals(Optional.of("ap-southeast-1"), chain().defaultRegion(null));
    }

    @Test
    void aByteOrderMarkAtTheStartOfEitherFileIsAccepted() throws IOException {
        config("\uFEFF" + CONFIG_AK);
        ini("\uFEFF" + INI);
        assertEquals("LTAIconfigmain0001", resolve(null).accessKeyId());
        assertEquals("LTAIinidefault0001", resolve("default").accessKeyId());
    }

    @Test
    void aDanglingSymbolicLinkIsAnErrorNamingItsTarget() throws IOException {
        Path config = home.resolve(".aliyun/config.json");
        Files.createDirectories(config.getParent());
        Files.createSymbolicLink(config, home.resolve("moved/config.json"));
        assertEquals("~/.aliyun/config.json is a symbolic link to " + home.resolve("moved/config.json")
                + ", which does not exist", failure(null));
        Files.delete(config);
        Path ini = home.resolve(".alibabacloud/credentials");
        Files.createDirectories(ini.getParent());
        Files.createSymbolicLink(ini, Path.of("credentials.old"));
        assertEquals("~/.alibabacloud/credentials is a symbolic link to " + home.resolve(".alibabacloud/credentials.old")
                + ", which does not exist", failure(null));
    }

    @Test
    void filesReadableByOthersGetAWarningAndStillWork() throws IOException {
        Path config = config(CONFIG_AK);
        Path ini = ini(INI);
        assumeTrue(Files.getFileStore(config).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r-----"));
        List<String> warnings = new ArrayList<>();
        CredentialChain chain = new CredentialChain(env, home, new ManualClock(Instant.parse("2026-11-27T21:00:00Z")),
                lines::add, w -> warnings.add(w.english()));
        assertEquals("LTAIconfigmain0001", chain.resolve(null).credentials().accessKeyId());
        assertEquals("LTAIiniprod000001", chain.resolve("prod").credentials().accessKeyId());
        assertEquals(List.of("~/.aliyun/config.json is readable by others (mode 0644): chmod 600 it",
                "~/.alibabacloud/credentials is readable by its group (mode 0640): chmod 600 it"), warnings);
    }

    @Test
    void privateFilesGetNoWarning() throws IOException {
        Path config = config(CONFIG_AK);
        assumeTrue(Files.getFileStore(config).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        List<String> warnings = new ArrayList<>();
        new CredentialChain(env, home, new ManualClock(Instant.parse("2026-11-27T21:00:00Z")), null, w -> warnings.add(w.english()))
                .resolve(null);
        assertEquals(List.of(), warnings);
    }

    @Test
    void theAliyunClisProfileVariablesInItsOrder() throws IOException {
        config(CONFIG_AK);
        ini(INI);
        env.put("ALICLOUD_PROFILE", "prod");
        assertEquals("LTAIiniprod000001", resolve(null).accessKeyId());
        env.put("ALIBABA_CLOUD_PROFILE", "main");
        assertEquals("LTAIconfigmain0001", resolve(null).accessKeyId());
        env.put("ALIBABACLOUD_PROFILE", "other");
        assertEquals("STS.configother01", resolve(null).accessKeyId());
        assertEquals(Optional.of("eu-central-1"), chain().defaultRegion(null));
        env.put("ALIBABACLOUD_PROFILE", "gone");
        assertEquals("profile 'gone' (ALIBABACLOUD_PROFILE) not found in ~/.aliyun/config.json or "
                + "~/.alibabacloud/credentials", failure(null));
    }

    @Test
    void theAliyunClisRegionVariablesInItsOrderThenTerraforms() throws IOException {
        config(CONFIG_AK);
        env.put("ALICLOUD_REGION", "cn-beijing");
        assertEquals(Optional.of("cn-beijing"), chain().defaultRegion(null));
        env.put("ALICLOUD_REGION_ID", "cn-qingdao");
        assertEquals(Optional.of("cn-qingdao"), chain().defaultRegion(null));
        env.put("ALIBABACLOUD_REGION_ID", "cn-zhangjiakou");
        assertEquals(Optional.of("cn-zhangjiakou"), chain().defaultRegion(null));
        env.put("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
        assertEquals(Optional.of("cn-hangzhou"), chain().defaultRegion("other"));
    }

    /** A mode the aliyun CLI writes but ecs-image cannot use, and the reason given. */
    static Stream<Arguments> unusableModes() {
        return Stream.of(
                arguments("CloudSSO", "CloudSSO sign-in is done by the aliyun CLI, which has no command to hand its "
                        + "credentials to other tools"),
                arguments("OAuth", "OAuth sign-in is done by the aliyun CLI, which has no command to hand its "
                        + "credentials to other tools"),
                arguments("BearerToken", "a bearer token cannot sign ECS API calls"),
                arguments("Anonymous", "ECS API calls cannot be anonymous"),
                arguments("RsaKeyPair", "RsaKeyPair is retired by Alibaba Cloud"),
                arguments("RamRoleArnWithRoleName", "RamRoleArnWithRoleName is retired by the aliyun CLI: use "
                        + "ChainableRamRoleArn with an EcsRamRole source_profile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unusableModes(String mode, String reason) throws IOException {
        config("{\"current\":\"sso\",\"profiles\":[{\"name\":\"sso\",\"mode\":\"" + mode + "\","
                + "\"access_token\":\"secret-access-token\"}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> chain().resolve(null));
        assertEquals("profile 'sso' (mode " + mode + ") in ~/.aliyun/config.json: ecs-image cannot use mode " + mode
                + ": " + reason, e.getMessage());
        assertEquals("give ecs-image a profile of mode AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, "
                + "CredentialsURI, OIDC or External (--profile NAME), or set ALIBABA_CLOUD_ACCESS_KEY_ID, "
                + "ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN", e.hint());
    }

    @Test
    void aMalformedCredentialsUriIsShownWithoutItsQueryOrPassword() {
        env.put("ALIBABA_CLOUD_CREDENTIALS_URI", "127.0.0.1:8700/credentials?token=hush#frag");
        assertEquals("environment ALIBABA_CLOUD_CREDENTIALS_URI: '127.0.0.1:8700/credentials' is not an http:// or "
                + "https:// URL with a host", failure(null));
        env.put("ALIBABA_CLOUD_CREDENTIALS_URI", "http://ci:hush@ bad host/credentials?token=hush");
        assertEquals("environment ALIBABA_CLOUD_CREDENTIALS_URI: 'http:// bad host/credentials' is not an http:// or "
                + "https:// URL with a host", failure(null));
    }

    @Test
    void profileNamesForCompletionComeFromBothFilesOnce() throws IOException {
        config(CONFIG_AK);
        ini(INI + "\n[main]\ntype = access_key\n");
        assertEquals(List.of("main", "other", "default", "prod"), chain().profileNames());
    }

    @Test
    void profileNamesSkipABrokenFileQuietly() throws IOException {
        config("{\"profiles\": [ {\"name\": \"a\", \"access_key_secret\": \"hush\",, } ]}");
        ini(INI);
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of("default", "prod"), new CredentialChain(env, home, new ManualClock(Instant.EPOCH), lines::add,
                w -> warnings.add(w.english())).profileNames());
        assertEquals(List.of(), lines);
        assertEquals(List.of(), new CredentialChain(env, home.resolve("nobody")).profileNames());
    }

    /** The language field of the profile in use: --profile's, the profile variables', else config.json's current one. */
    @Test
    void theProfileInUseGivesItsLanguage() throws IOException {
        config("""
                {"current":"main","profiles":[
                  {"name":"main","mode":"AK","access_key_id":"LTAIa","access_key_secret":"s","language":"zh"},
                  {"name":"other","mode":"AK","access_key_id":"LTAIb","access_key_secret":"s","language":"en"},
                  {"name":"plain","mode":"AK","access_key_id":"LTAIc","access_key_secret":"s"}]}""");

        assertEquals(Optional.of("zh"), chain().profileLanguage(null));
        assertEquals(Optional.of("en"), chain().profileLanguage("other"));
        assertEquals(Optional.empty(), chain().profileLanguage("plain"));
        assertEquals(Optional.empty(), chain().profileLanguage("nosuch"), "an unknown profile gives no language, no error");
        env.put("ALICLOUD_PROFILE", "other");
        assertEquals(Optional.of("en"), chain().profileLanguage(null));
        assertEquals(Optional.of("zh"), chain().profileLanguage("main"), "--profile before the variables");
    }

    /** A broken config.json gives no language; the credentials lookup still reports it, and the file is read once. */
    @Test
    void aBrokenConfigFileGivesNoLanguageAndIsReportedOnceByTheCredentials() throws IOException {
        Path file = config("{\"profiles\": [");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();
        CredentialChain chain = new CredentialChain(env, home, new ManualClock(Instant.parse("2026-11-27T21:00:00Z")),
                null, w -> warnings.add(w.english()));

        assertEquals(Optional.empty(), chain.profileLanguage(null));
        ConfigException e = assertThrows(ConfigException.class, () -> chain.resolve(null));
        assertTrue(e.getMessage().startsWith("~/.aliyun/config.json is not valid JSON"), e.getMessage());
        assertEquals(1, warnings.size(), warnings.toString());
    }
}
