package dev.ecsimage.auth;

/** Supplies the credentials for the next request; called once per attempt, so it may refresh. */
@FunctionalInterface
public interface CredentialsProvider {
    Credentials credentials();

    /**
     * The service rejected the current credentials as expired: forget any cached ones, so the
     * next {@link #credentials()} fetches new ones. Fixed access keys have nothing to forget.
     */
    default void invalidate() {}
}
