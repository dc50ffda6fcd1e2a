package dev.ecsimage.auth;

import dev.ecsimage.api.EcsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the credentials and default region the way the official tools do; first match wins:
 * {@code --profile}; access keys in the environment; {@code ALIBABA_CLOUD_CREDENTIALS_URI}; OIDC
 * from the environment; the profile files ({@code ~/.aliyun/config.json}, then
 * {@code ~/.alibabacloud/credentials}); the ECS instance's RAM role from the metadata service.
 * Temporary credentials are refreshed before they expire. Problems are one-line
 * {@link ConfigException}s (exit 3), or {@link EcsException}s when STS or the metadata service
 * refused (exit 4) or failed (transient).
 */
public final class CredentialChain {
    /** One family of environment variables: id, secret, and the optional STS token. */
    private record EnvKeys(String id, String secret, String token) {}

    private static final List<EnvKeys> ENV_KEYS = List.of(
            new EnvKeys("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"),
            new EnvKeys("ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"),
            new EnvKeys("ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN"),
            new EnvKeys("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"));
    private static final List<String> OIDC_KEYS =
            List.of("ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE");

    private final Map<String, String> env;
    private final Path home;
    private final Consumer<String> verbose;
    private final CredentialSources sources;
    private Optional<AliyunConfigFile> configFile;
    private Optional<CredentialsIniFile> iniFile;

    public CredentialChain(Map<String, String> env, Path home) {
        this(env, home, Clock.systemUTC(), null);
    }

    /**
     * @param clock   decides when temporary credentials are refreshed
     * @param verbose receives one line per credentials fetched or refresh failed (never a secret),
     *                or null for silence
     */
    public CredentialChain(Map<String, String> env, Path home, Clock clock, Consumer<String> verbose) {
        this.env = env;
        this.home = home;
        this.verbose = verbose == null ? line -> { } : verbose;
        this.sources = new CredentialSources(env, clock, this.verbose);
    }

    /**
     * The provider of the first source found. Fixed keys are checked here; temporary credentials
     * are fetched at the first {@link CredentialsProvider#credentials()}, inside the API client's
     * retry loop, so a passing STS failure is retried (the ECS RAM role is fetched here already,
     * since asking the metadata service is how the chain knows it is there).
     *
     * @param profile {@code --profile}, or null
     */
    public CredentialsProvider resolve(String profile) {
        CredentialsProvider provider = find(profile);
        if (!(provider instanceof RefreshingCredentialsProvider)) {
            verbose.accept("credentials: " + provider.credentials().describe());
        }
        return provider;
    }

    /**
     * The region when {@code --region} is absent: {@code ALIBABA_CLOUD_REGION_ID}, {@code ALICLOUD_REGION},
     * then the {@code region_id} of the profile that {@code --profile}, {@code ALIBABA_CLOUD_PROFILE},
     * config.json's current profile or the ini's [default] names. An unknown {@code --profile} is an error.
     */
    public Optional<String> defaultRegion(String profile) {
        Optional<String> fromEnv = Stream.of("ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION").map(this::env)
                .filter(v -> v != null).findFirst();
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        String name = profile != null ? profile : envProfile();
        Optional<ProfileFields> chosen = configFile()
                .flatMap(f -> Optional.ofNullable(name).or(() -> Optional.ofNullable(f.current())).flatMap(f::profile))
                .or(() -> iniFile().flatMap(f -> f.section(name != null ? name : "default")));
        if (profile != null && chosen.isEmpty()) {
            throw profileNotFound(profile, "--profile");
        }
        return chosen.map(p -> p.optional("region_id"));
    }

    private CredentialsProvider find(String profile) {
        if (profile != null) {
            return namedProfile(profile, "--profile");
        }
        List<String> tried = new ArrayList<>();
        for (EnvKeys keys : ENV_KEYS) {
            String id = env(keys.id());
            String secret = env(keys.secret());
            if (id != null && secret == null) {
                throw new ConfigException("environment: " + keys.id() + " is set but " + keys.secret() + " is not");
            }
            if (id != null) {
                return sources.fixed(id, secret, env(keys.token()), "environment " + keys.id());
            }
        }
        tried.add("environment ALIBABA_CLOUD_ACCESS_KEY_ID (and its aliases)");
        String uri = env("ALIBABA_CLOUD_CREDENTIALS_URI");
        if (uri != null) {
            return sources.credentialsUri(uri, "environment ALIBABA_CLOUD_CREDENTIALS_URI");
        }
        tried.add("ALIBABA_CLOUD_CREDENTIALS_URI");
        if (OIDC_KEYS.stream().allMatch(k -> env(k) != null)) {
            return sources.oidc(env(OIDC_KEYS.get(0)), env(OIDC_KEYS.get(1)), env(OIDC_KEYS.get(2)),
                    env("ALIBABA_CLOUD_ROLE_SESSION_NAME"), "environment ALIBABA_CLOUD_ROLE_ARN");
        }
        tried.add("OIDC " + String.join(" + ", OIDC_KEYS));
        Optional<CredentialsProvider> fromFiles = profileFiles(tried);
        if (fromFiles.isPresent()) {
            return fromFiles.get();
        }
        if ("true".equalsIgnoreCase(env("ALIBABA_CLOUD_ECS_METADATA_DISABLED"))) {
            tried.add("ECS metadata (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)");
        } else {
            CredentialsProvider metadata = sources.ecsRamRole(env("ALIBABA_CLOUD_ECS_METADATA"));
            try {
                metadata.credentials();
                return metadata;
            } catch (EcsException | ConfigException e) {
                tried.add(e.getMessage());
            }
        }
        throw new ConfigException("no credentials found: tried " + String.join("; ", tried));
    }

    /** ALIBABA_CLOUD_PROFILE's profile, else config.json's current one, else the ini's [default]. */
    private Optional<CredentialsProvider> profileFiles(List<String> tried) {
        String named = envProfile();
        if (named != null) {
            return Optional.of(namedProfile(named, env("ALIBABA_CLOUD_PROFILE") != null ? "ALIBABA_CLOUD_PROFILE" : "ALICLOUD_PROFILE"));
        }
        Optional<AliyunConfigFile> config = configFile();
        if (config.isPresent() && config.get().current() != null) {
            AliyunConfigFile file = config.get();
            ProfileFields current = file.profile(file.current()).orElseThrow(() -> new ConfigException(
                    file.path() + ": the current profile '" + file.current() + "' is not in its profiles"));
            return Optional.of(file.provider(current, sources));
        }
        tried.add(configPath() + (config.isPresent() ? " (no current profile)" : " (absent)"));
        Optional<CredentialsIniFile> ini = iniFile();
        if (ini.isPresent()) {
            CredentialsIniFile file = ini.get();
            ProfileFields section = file.section("default").orElseThrow(() -> new ConfigException(
                    file.path() + " has no section [default] (ALIBABA_CLOUD_PROFILE chooses another)"));
            return Optional.of(file.provider(section, sources));
        }
        tried.add(iniPath() + " (absent)");
        return Optional.empty();
    }

    private CredentialsProvider namedProfile(String name, String via) {
        Optional<AliyunConfigFile> config = configFile();
        Optional<ProfileFields> fromConfig = config.flatMap(f -> f.profile(name));
        if (fromConfig.isPresent()) {
            return config.get().provider(fromConfig.get(), sources);
        }
        Optional<CredentialsIniFile> ini = iniFile();
        Optional<ProfileFields> fromIni = ini.flatMap(f -> f.section(name));
        if (fromIni.isPresent()) {
            return ini.get().provider(fromIni.get(), sources);
        }
        throw profileNotFound(name, via);
    }

    private ConfigException profileNotFound(String name, String via) {
        return new ConfigException("profile '" + name + "' (" + via + ") not found in " + configPath() + " or " + iniPath());
    }

    private String envProfile() {
        String name = env("ALIBABA_CLOUD_PROFILE");
        return name != null ? name : env("ALICLOUD_PROFILE");
    }

    private Path configPath() {
        return home.resolve(".aliyun").resolve("config.json");
    }

    private Path iniPath() {
        String file = env("ALIBABA_CLOUD_CREDENTIALS_FILE");
        return file != null ? Path.of(file) : home.resolve(".alibabacloud").resolve("credentials");
    }

    private Optional<AliyunConfigFile> configFile() {
        if (configFile == null) {
            configFile = AliyunConfigFile.read(configPath());
        }
        return configFile;
    }

    private Optional<CredentialsIniFile> iniFile() {
        if (iniFile == null) {
            iniFile = CredentialsIniFile.read(iniPath());
            if (iniFile.isEmpty() && env("ALIBABA_CLOUD_CREDENTIALS_FILE") != null) {
                throw new ConfigException("ALIBABA_CLOUD_CREDENTIALS_FILE: " + iniPath() + " does not exist");
            }
        }
        return iniFile;
    }

    /** The variable's value, or null when unset or blank. */
    private String env(String name) {
        return Credentials.blankToNull(env.get(name));
    }
}
