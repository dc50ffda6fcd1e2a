package dev.ecsimage.api;

/** What a failed call means to the user; each kind has one documented exit status. */
public enum ErrorKind {
    DENIED(4, "denied: authentication or permission"),
    NOT_FOUND(5, "not found"),
    INVALID(6, "rejected as invalid"),
    CONFLICT(7, "conflict"),
    QUOTA(8, "quota or size limit"),
    UNAVAILABLE(9, "service unavailable after retries");

    public final int exitStatus;
    public final String meaning;

    ErrorKind(int exitStatus, String meaning) {
        this.exitStatus = exitStatus;
        this.meaning = meaning;
    }
}
