package dev.ecsimage.cli;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.auth.ConfigException;
import dev.ecsimage.auth.CredentialsProvider;
import dev.ecsimage.output.Sentence;
import dev.ecsimage.sandbox.InProcessTransport;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.HttpTransport;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Transport;
import java.net.URI;
import java.time.Instant;
import java.util.function.Consumer;
import picocli.CommandLine.ParameterException;

/** Builds the one EcsClient of a run from the global options and the process's context. */
final class ClientFactory {
    private ClientFactory() {}

    static EcsClient create(EcsImageCommand root) {
        checkNetworkOptions(root);
        Context context = root.context;
        Consumer<String> verbose = verbose(root);
        RetryPolicy retry = RetryPolicy.standard(root.maxAttempts);
        if (root.sandbox) {
            Transport sandbox = InProcessTransport.create(context.clock(),
                    SandboxCommand.speed(root.sandboxSpeed, context.env()));
            return new EcsClient(sandbox, retry, context.sleeper(), verbose);
        }
        CredentialsProvider credentials = root.credentialChain().resolve(root.profile);
        HttpTransport.Settings settings = new HttpTransport.Settings(root.connectTimeout, root.readTimeout,
                root.signatureVersion, "ecs-image/" + Version.version());
        Transport transport = context.transport() != null ? context.transport()
                : new HttpTransport(endpoints(root), credentials, settings, context.env(), context.clock(),
                        HttpTransport.randomNonces());
        return new EcsClient(transport, retry, context.sleeper(), verbose);
    }

    /**
     * The client a command works with: every call ends by {@code deadline} (from --timeout, so that
     * the deadline bounds the whole command, calls in flight included; null for none), and every
     * retry is said on stderr by {@code notes}.
     */
    static EcsClient forRun(EcsClient client, EcsImageCommand root, Instant deadline, RetryNotes notes) {
        return client.withRetryListener(notes).withDeadline(deadline, root.context.clock());
    }

    /** When --timeout ends a command that starts now; null without --timeout. */
    static Instant deadline(EcsImageCommand root, WaitTiming timing) {
        return timing.timeout == null ? null : root.context.clock().instant().plus(timing.timeout);
    }

    private static Consumer<String> verbose(EcsImageCommand root) {
        return root.verbose ? line -> root.context.err().println("debug: " + line) : null;
    }

    private static void checkNetworkOptions(EcsImageCommand root) {
        String problem = root.maxAttempts < 1 ? root.text().get("usage.at-least-one", "--max-attempts")
                : root.connectTimeout.isZero() ? root.text().get("usage.not-longer-than-zero", "--connect-timeout")
                : root.readTimeout.isZero() ? root.text().get("usage.not-longer-than-zero", "--read-timeout") : null;
        if (problem != null) {
            throw new ParameterException(root.spec.commandLine(), problem);
        }
    }

    private static Endpoints endpoints(EcsImageCommand root) {
        String url = root.endpoint != null ? root.endpoint : root.context.env().get("ECS_IMAGE_ENDPOINT");
        if (url == null || url.isBlank()) {
            return Endpoints.of(root.endpointNetwork());
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(new Sentence("config.endpoint-not-a-url", url, e.getMessage()));
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ConfigException(new Sentence("config.endpoint-not-http", url));
        }
        return Endpoints.fixed(uri);
    }

    /** --region, else the environment or the profile's region_id; none is a configuration error. */
    static String region(EcsImageCommand root) {
        String region = defaultRegion(root);
        if (region == null) {
            throw new ConfigException(new Sentence("config.no-region"));
        }
        return region;
    }

    /** --region, else the environment or the profile's region_id; null when there is none. */
    static String defaultRegion(EcsImageCommand root) {
        return root.region != null ? root.region : root.credentialChain().defaultRegion(root.profile).orElse(null);
    }
}
