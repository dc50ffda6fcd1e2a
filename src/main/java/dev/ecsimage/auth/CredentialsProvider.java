package dev.ecsimage.auth;

/** Supplies the credentials for the next request; called once per attempt, so it may refresh. */
@FunctionalInterface
public interface CredentialsProvider {
    Credentials credentials();
}
