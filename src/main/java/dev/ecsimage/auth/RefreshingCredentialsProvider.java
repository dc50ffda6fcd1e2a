package dev.ecsimage.auth;

import dev.ecsimage.api.EcsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Caches temporary credentials and fetches new ones from {@code source} within
 * {@link #REFRESH_MARGIN} of their expiration, so a wait that lasts hours keeps working.
 * When a refresh fails while the cached credentials are still valid, they are kept (and the
 * failure reported on the verbose sink); once they have expired, the refresh's failure is thrown
 * as it is (a network failure stays transient and is retried by the caller). After
 * {@link #invalidate()} (the service rejected the token) the next call must fetch.
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(3);

    private final CredentialsProvider source;
    private final Clock clock;
    private final Consumer<String> verbose;
    private Credentials cached;
    private boolean rejected;

    /**
     * @param source  fetches new credentials on every call (STS, metadata, credentials URI)
     * @param verbose receives a line per credentials fetched or refresh failed; null: none is made
     */
    public RefreshingCredentialsProvider(CredentialsProvider source, Clock clock, Consumer<String> verbose) {
        this.source = source;
        this.clock = clock;
        this.verbose = verbose;
    }

    @Override
    public synchronized Credentials credentials() {
        Instant now = clock.instant();
        if (cached != null && !rejected && (cached.expiration() == null
                || now.isBefore(cached.expiration().minus(REFRESH_MARGIN)))) {
            return cached;
        }
        try {
            cached = source.credentials();
            rejected = false;
            if (verbose != null) {
                verbose.accept("credentials: " + cached.describe());
            }
            return cached;
        } catch (RuntimeException e) {
            if (cached == null || rejected || !now.isBefore(cached.expiration())) {
                throw e;
            }
            if (verbose != null) {
                verbose.accept("credentials: refresh failed, keeping the current ones until " + cached.expiration()
                        + ": " + (e instanceof EcsException failure ? failure.describe() : e.getMessage()));
            }
            return cached;
        }
    }

    @Override
    public synchronized void invalidate() {
        rejected = true;
    }
}
