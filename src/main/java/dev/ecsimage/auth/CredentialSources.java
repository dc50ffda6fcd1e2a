package dev.ecsimage.auth;

import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.EnvironmentProxySelector;
import dev.ecsimage.transport.RandomIds;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Builds the provider of each kind of source (fixed keys, STS AssumeRole, AssumeRoleWithOIDC,
 * ECS RAM role, credentials URI, external command), with the endpoints, clock and verbose sink of
 * the run. Temporary credentials come wrapped in a {@link RefreshingCredentialsProvider}.
 */
final class CredentialSources {
    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(1);
    static final Duration STS_TIMEOUT = Duration.ofSeconds(10);
    /** How long an External profile's process_command may run: the credentials SDKs' default. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_DURATION_SECONDS = 3600;

    private final Map<String, String> env;
    private final Clock clock;
    private final Consumer<String> verbose;
    private final Duration commandTimeout;
    private CredentialHttp stsHttp;
    private CredentialHttp metadataHttp;

    CredentialSources(Map<String, String> env, Clock clock, Consumer<String> verbose, Duration commandTimeout) {
        this.env = env;
        this.clock = clock;
        this.verbose = verbose;
        this.commandTimeout = commandTimeout;
    }

    CredentialsProvider fixed(String accessKeyId, String accessKeySecret, String securityToken, String label) {
        Credentials keys = Credentials.of(accessKeyId, accessKeySecret, securityToken, label);
        return () -> keys;
    }

    /** STS AssumeRole signed with {@code source}'s credentials. */
    CredentialsProvider assumeRole(CredentialsProvider source, String roleArn, String sessionName,
                                   int durationSeconds, String label) {
        StsClient sts = sts();
        String session = sessionName(sessionName);
        return refreshing(() -> sts.assumeRole(source.credentials(), roleArn, session, durationSeconds, label));
    }

    /** STS AssumeRoleWithOIDC with the token read from {@code tokenFile} on every refresh. */
    CredentialsProvider oidc(String roleArn, String providerArn, String tokenFile, String sessionName, String label) {
        StsClient sts = sts();
        String session = sessionName(sessionName);
        CredentialFile file = new CredentialFile(Path.of(tokenFile), tokenFile);
        return refreshing(() -> sts.assumeRoleWithOidc(roleArn, providerArn, readToken(file, label), session,
                DEFAULT_DURATION_SECONDS, label));
    }

    /**
     * The credentials an External profile's {@code process_command} prints, run again when they
     * carry an expiration (as other temporary credentials), kept for the run when they do not.
     */
    CredentialsProvider external(String processCommand, String label) {
        List<String> words;
        try {
            words = CommandWords.split(processCommand);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(label + ": process_command cannot be split into words: " + e.getMessage());
        }
        if (words.isEmpty()) {
            throw new ConfigException(label + " has no process_command");
        }
        return refreshing(new ExternalCommandSource(words, commandTimeout, label));
    }

    /** The instance's RAM role from the metadata service; {@code roleName} null to discover it. */
    CredentialsProvider ecsRamRole(String roleName) {
        return refreshing(new InstanceMetadataSource(metadataEndpoint(), metadataHttp(),
                "true".equalsIgnoreCase(env.get("ALIBABA_CLOUD_IMDSV1_DISABLED")), roleName, verbose));
    }

    URI metadataEndpoint() {
        return endpoint("ECS_IMAGE_METADATA_ENDPOINT", InstanceMetadataSource.DEFAULT_ENDPOINT);
    }

    /**
     * GET {@code uri}, answered with {@code {"Code":"Success","AccessKeyId",...,"Expiration"}}.
     * Messages name it without its query, which may carry a secret.
     */
    CredentialsProvider credentialsUri(String uri, String label) {
        URI target = parseUrl(uri, label);
        CredentialHttp http = stsHttp();
        String what = "credentials URI " + target.getScheme() + "://" + Endpoints.host(target) + target.getRawPath();
        return refreshing(() -> CredentialsJson.success(http.send(new HttpGet(target), what), label, what));
    }

    private CredentialsProvider refreshing(CredentialsProvider source) {
        return new RefreshingCredentialsProvider(source, clock, verbose);
    }

    private StsClient sts() {
        String region = env.get("ALIBABA_CLOUD_STS_REGION");
        URI fallback = StsClient.defaultEndpoint(region == null || region.isBlank() ? null : region.trim());
        return new StsClient(endpoint("ECS_IMAGE_STS_ENDPOINT", fallback), stsHttp(), clock,
                RandomIds::uuid);
    }

    private String sessionName(String given) {
        return given == null ? "ecs-image-" + clock.instant().getEpochSecond() : given;
    }

    private static String readToken(CredentialFile file, String label) {
        Optional<String> text;
        try {
            text = file.text(null);
        } catch (ConfigException e) {
            throw new ConfigException("OIDC token file of " + label + ": " + e.getMessage());
        }
        String token = text.orElseThrow(() -> new ConfigException(
                "OIDC token file " + file.shown() + " of " + label + " does not exist")).trim();
        if (token.isEmpty()) {
            throw new ConfigException("OIDC token file " + file.shown() + " of " + label + " is empty");
        }
        return token;
    }

    private URI endpoint(String variable, URI fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : parseUrl(value.trim(), variable);
    }

    private static URI parseUrl(String value, String what) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException(what + ": '" + withoutQuery(value) + "' is not an http:// or https:// URL with a host");
    }

    /**
     * {@code value} without its query, fragment and user:password part, any of which may carry a
     * token: safe to show.
     */
    static String withoutQuery(String value) {
        int end = value.length();
        for (char c : new char[] {'?', '#'}) {
            int at = value.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String shown = value.substring(0, end);
        int authority = shown.indexOf("://") + 3;
        int slash = shown.indexOf('/', Math.max(authority, 0));
        int at = shown.lastIndexOf('@', slash < 0 ? shown.length() - 1 : slash);
        return authority > 2 && at >= authority ? shown.substring(0, authority) + shown.substring(at + 1) : shown;
    }

    private synchronized CredentialHttp stsHttp() {
        if (stsHttp == null) {
            stsHttp = new CredentialHttp(STS_TIMEOUT, new EnvironmentProxySelector(env, ProxySelector.getDefault()));
        }
        return stsHttp;
    }

    private synchronized CredentialHttp metadataHttp() {
        if (metadataHttp == null) {
            metadataHttp = new CredentialHttp(METADATA_TIMEOUT, null);
        }
        return metadataHttp;
    }
}
