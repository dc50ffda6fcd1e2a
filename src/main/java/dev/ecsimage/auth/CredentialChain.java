package dev.ecsimage.auth;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.output.Sentence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the credentials and default region the way the official tools do; first match wins:
 * {@code --profile}; access keys in the environment; {@code ALIBABA_CLOUD_CREDENTIALS_URI}; OIDC
 * from the environment; the profile files ({@code ~/.aliyun/config.json}, then
 * {@code ~/.alibabacloud/credentials}); the ECS instance's RAM role from the metadata service.
 * Temporary credentials are refreshed before they expire. Problems are one-line
 * {@link ConfigException}s (exit 3), or {@link EcsException}s when STS or the metadata service
 * refused (exit 4) or failed (transient). Nothing here prints: lines for the user go to the
 * verbose and warnings sinks.
 */
public final class CredentialChain {
    /** One family of environment variables: id, secret, and the optional STS token. */
    private record EnvKeys(String id, String secret, String token) {}

    /** A variable that is set, and its value. */
    private record EnvValue(String variable, String value) {}

    private static final List<EnvKeys> ENV_KEYS = List.of(
            new EnvKeys("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"),
            new EnvKeys("ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"),
            new EnvKeys("ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN"),
            new EnvKeys("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"));
    private static final List<String> OIDC_KEYS =
            List.of("ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE");
    /** The profile's name, in the aliyun CLI's order. */
    private static final List<String> PROFILE_KEYS = List.of("ALIBABACLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE");
    /** The region: the aliyun CLI's names in its order, then Terraform's. */
    private static final List<String> REGION_KEYS =
            List.of("ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION");
    /** The second line of "no credentials found". */
    private static final Sentence NO_CREDENTIALS_HINT = new Sentence("hint.no-credentials");

    private final Map<String, String> env;
    private final Path home;
    private final Consumer<String> verbose;
    private final Consumer<Sentence> warnings;
    private final Clock clock;
    private final Duration commandTimeout;
    /** Made at the first credentials looked up: reading the profile files (region, language) loads no HTTP code. */
    private CredentialSources sources;
    private Optional<AliyunConfigFile> configFile;
    /** Why config.json could not be read, kept so that a second look reports it again without reading (and warning) twice. */
    private ConfigException configFileError;
    private Optional<CredentialsIniFile> iniFile;

    public CredentialChain(Map<String, String> env, Path home) {
        this(env, home, Clock.systemUTC(), null, null);
    }

    /** Without warnings: see {@link #CredentialChain(Map, Path, Clock, Consumer, Consumer)}. */
    public CredentialChain(Map<String, String> env, Path home, Clock clock, Consumer<String> verbose) {
        this(env, home, clock, verbose, null);
    }

    /**
     * @param clock    decides when temporary credentials are refreshed
     * @param verbose  receives one line per credentials fetched or refresh failed (never a secret),
     *                 or null for silence
     * @param warnings receives one sentence per problem the user should fix although it works, e.g.
     *                 {@code ~/.aliyun/config.json is readable by others (mode 0644): chmod 600 it},
     *                 or null for silence
     */
    public CredentialChain(Map<String, String> env, Path home, Clock clock, Consumer<String> verbose,
                           Consumer<Sentence> warnings) {
        this(env, home, clock, verbose, warnings, null);
    }

    /** @param commandTimeout how long an External profile's command may run; null: the SDKs' 60 s */
    CredentialChain(Map<String, String> env, Path home, Clock clock, Consumer<String> verbose,
                    Consumer<Sentence> warnings, Duration commandTimeout) {
        this.env = env;
        this.home = home;
        this.verbose = verbose; // null: no line is even made
        this.warnings = warnings == null ? line -> { } : warnings;
        this.clock = clock;
        this.commandTimeout = commandTimeout;
    }

    /**
     * The provider of the first source found. Fixed keys are checked here; temporary credentials
     * are fetched at the first {@link CredentialsProvider#credentials()}, inside the API client's
     * retry loop, so a passing STS failure is retried (the ECS RAM role is fetched here already,
     * since asking the metadata service is how the chain knows it is there).
     *
     * @param profile {@code --profile}, or null
     * @throws ConfigException with a {@link ConfigException#hint()} when no source has credentials
     */
    public CredentialsProvider resolve(String profile) {
        CredentialsProvider provider = find(profile);
        if (!(provider instanceof RefreshingCredentialsProvider) && verbose != null) {
            verbose.accept("credentials: " + provider.credentials().describe());
        }
        return provider;
    }

    /**
     * The region when {@code --region} is absent: the first of {@code ALIBABA_CLOUD_REGION_ID},
     * {@code ALIBABACLOUD_REGION_ID}, {@code ALICLOUD_REGION_ID}, {@code ALICLOUD_REGION}, then the
     * {@code region_id} of the profile that {@code --profile}, the profile variables, config.json's
     * current profile or the ini's [default] names. An unknown {@code --profile} is an error.
     */
    public Optional<String> defaultRegion(String profile) {
        Optional<EnvValue> fromEnv = firstSet(REGION_KEYS);
        if (fromEnv.isPresent()) {
            return fromEnv.map(EnvValue::value);
        }
        String name = profile != null ? profile : envProfile().map(EnvValue::value).orElse(null);
        Optional<ProfileFields> chosen = configFile()
                .flatMap(f -> Optional.ofNullable(name).or(() -> Optional.ofNullable(f.current())).flatMap(f::profile))
                .or(() -> iniFile().flatMap(f -> f.section(name != null ? name : "default")));
        if (profile != null && chosen.isEmpty()) {
            throw profileNotFound(profile, "--profile");
        }
        return chosen.map(p -> p.optional("region_id"));
    }

    /**
     * The {@code language} field of the config.json profile in use (the aliyun CLI writes {@code zh}
     * or {@code en}), for the language ecs-image speaks: the profile that {@code --profile}, the
     * profile variables or config.json's current profile names. Empty when there is none, and also
     * when the file is broken: choosing a language never ends a run (the credentials lookup will
     * report the file).
     *
     * @param profile {@code --profile}, or null
     */
    public Optional<String> profileLanguage(String profile) {
        String name = profile != null ? profile : envProfile().map(EnvValue::value).orElse(null);
        try {
            return configFile()
                    .flatMap(f -> Optional.ofNullable(name != null ? name : f.current()).flatMap(f::profile))
                    .map(p -> p.optional("language"));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /**
     * The profile names for shell completion: config.json's in file order, then the ini file's
     * sections not listed yet. Only names are read out; a file that is absent, unreadable or
     * malformed adds none, and nothing is reported (completion must stay quiet).
     */
    public List<String> profileNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            configFile().ifPresent(f -> names.addAll(f.names()));
        } catch (ConfigException e) {
            // a broken file offers no names
        }
        try {
            iniFile().ifPresent(f -> names.addAll(f.names()));
        } catch (ConfigException e) {
            // a broken file offers no names
        }
        return List.copyOf(names);
    }

    private CredentialsProvider find(String profile) {
        if (profile != null) {
            return namedProfile(profile, "--profile");
        }
        List<Object> tried = new ArrayList<>();
        for (EnvKeys keys : ENV_KEYS) {
            String id = env(keys.id());
            String secret = env(keys.secret());
            if (id != null && secret == null) {
                throw new ConfigException(new Sentence("auth.env.no-secret", keys.id(), keys.secret()));
            }
            if (id != null) {
                return sources().fixed(id, secret, env(keys.token()), "environment " + keys.id());
            }
        }
        String uri = env("ALIBABA_CLOUD_CREDENTIALS_URI");
        if (uri != null) {
            return sources().credentialsUri(uri, "environment ALIBABA_CLOUD_CREDENTIALS_URI");
        }
        if (OIDC_KEYS.stream().allMatch(k -> env(k) != null)) {
            return sources().oidc(env(OIDC_KEYS.get(0)), env(OIDC_KEYS.get(1)), env(OIDC_KEYS.get(2)),
                    env("ALIBABA_CLOUD_ROLE_SESSION_NAME"), "environment ALIBABA_CLOUD_ROLE_ARN");
        }
        tried.add(new Sentence("auth.tried.environment"));
        Optional<CredentialsProvider> fromFiles = profileFiles(tried);
        if (fromFiles.isPresent()) {
            return fromFiles.get();
        }
        Optional<CredentialsProvider> metadata = metadataService(tried);
        if (metadata.isPresent()) {
            return metadata.get();
        }
        throw new ConfigException(new Sentence("auth.no-credentials", tried), NO_CREDENTIALS_HINT);
    }

    /**
     * The instance's RAM role, when a metadata service answers. No answer at all (refused, or
     * silent for the 1 s timeout) means there is none: the chain goes on. A service that answers
     * but fails (5xx, a broken answer) is there: its provider is returned, so the API client
     * retries it like any passing failure, and ends with "unavailable" if it keeps failing.
     */
    private Optional<CredentialsProvider> metadataService(List<Object> tried) {
        if ("true".equalsIgnoreCase(env("ALIBABA_CLOUD_ECS_METADATA_DISABLED"))) {
            tried.add(new Sentence("auth.tried.metadata-disabled"));
            return Optional.empty();
        }
        CredentialsProvider metadata = sources().ecsRamRole(env("ALIBABA_CLOUD_ECS_METADATA"));
        try {
            metadata.credentials();
            return Optional.of(metadata);
        } catch (EcsException e) {
            if (!EcsException.NETWORK_ERROR.equals(e.code())) {
                if (verbose != null) {
                    verbose.accept("credentials: the ECS metadata service answered but failed: " + e.describe());
                }
                return Optional.of(metadata);
            }
            if (verbose != null) {
                verbose.accept("credentials: " + e.getMessage());
            }
            tried.add(new Sentence("auth.tried.metadata-no-answer", sources().metadataEndpoint()));
        } catch (ConfigException e) {
            tried.add(e.getMessage());
        }
        return Optional.empty();
    }

    /** The profile variables' profile, else config.json's current one, else the ini's [default]. */
    private Optional<CredentialsProvider> profileFiles(List<Object> tried) {
        Optional<EnvValue> named = envProfile();
        if (named.isPresent()) {
            return Optional.of(namedProfile(named.get().value(), named.get().variable()));
        }
        Optional<AliyunConfigFile> config = configFile();
        if (config.isPresent() && config.get().current() != null) {
            AliyunConfigFile file = config.get();
            ProfileFields current = file.profile(file.current()).orElseThrow(() -> new ConfigException(
                    new Sentence("auth.config.no-current", file.shown(), file.current())));
            return Optional.of(file.provider(current, sources()));
        }
        tried.add(new Sentence(config.isPresent() ? "auth.tried.no-current-profile" : "auth.tried.absent",
                configPath().shown()));
        Optional<CredentialsIniFile> ini = iniFile();
        if (ini.isPresent()) {
            CredentialsIniFile file = ini.get();
            ProfileFields section = file.section("default").orElseThrow(() -> new ConfigException(
                    new Sentence("auth.ini.no-default", file.shown())));
            return Optional.of(file.provider(section, sources()));
        }
        tried.add(new Sentence("auth.tried.absent", iniPath().shown()));
        return Optional.empty();
    }

    private CredentialsProvider namedProfile(String name, String via) {
        Optional<AliyunConfigFile> config = configFile();
        Optional<ProfileFields> fromConfig = config.flatMap(f -> f.profile(name));
        if (fromConfig.isPresent()) {
            return config.get().provider(fromConfig.get(), sources());
        }
        Optional<CredentialsIniFile> ini = iniFile();
        Optional<ProfileFields> fromIni = ini.flatMap(f -> f.section(name));
        if (fromIni.isPresent()) {
            return ini.get().provider(fromIni.get(), sources());
        }
        throw profileNotFound(name, via);
    }

    private ConfigException profileNotFound(String name, String via) {
        return new ConfigException(new Sentence("auth.profile-not-found", name, via, configPath().shown(),
                iniPath().shown()));
    }

    private Optional<EnvValue> envProfile() {
        return firstSet(PROFILE_KEYS);
    }

    private Optional<EnvValue> firstSet(List<String> variables) {
        return variables.stream().filter(v -> env(v) != null).findFirst().map(v -> new EnvValue(v, env(v)));
    }

    private CredentialSources sources() {
        if (sources == null) {
            sources = new CredentialSources(env, clock, verbose,
                    commandTimeout != null ? commandTimeout : CredentialSources.COMMAND_TIMEOUT);
        }
        return sources;
    }

    private CredentialFile configPath() {
        return CredentialFile.underHome(configFile(home), home);
    }

    /** {@code ~/.aliyun/config.json}, the aliyun CLI's profiles. */
    public static Path configFile(Path home) {
        return home.resolve(".aliyun").resolve("config.json");
    }

    private CredentialFile iniPath() {
        String file = env("ALIBABA_CLOUD_CREDENTIALS_FILE");
        return CredentialFile.underHome(file != null ? Path.of(file) : home.resolve(".alibabacloud").resolve("credentials"),
                home);
    }

    private Optional<AliyunConfigFile> configFile() {
        if (configFileError != null) {
            throw configFileError;
        }
        if (configFile == null) {
            try {
                configFile = AliyunConfigFile.read(configPath(), warnings);
            } catch (ConfigException e) {
                configFileError = e;
                throw e;
            }
        }
        return configFile;
    }

    private Optional<CredentialsIniFile> iniFile() {
        if (iniFile == null) {
            CredentialFile file = iniPath();
            iniFile = CredentialsIniFile.read(file, warnings);
            if (iniFile.isEmpty() && env("ALIBABA_CLOUD_CREDENTIALS_FILE") != null) {
                throw new ConfigException(new Sentence("auth.ini.missing", file.shown()));
            }
        }
        return iniFile;
    }

    /** The variable's value, or null when unset or blank. */
    private String env(String name) {
        return Credentials.blankToNull(env.get(name));
    }
}
