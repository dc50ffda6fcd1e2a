package dev.ecsimage.api;

import dev.ecsimage.transport.ControlCharacters;

/**
 * A call that did not succeed: the service's error (code, message, RequestId, HTTP status,
 * Recommend), or no usable answer at all (network failure, a body that is not the expected JSON),
 * which carries a synthetic code and {@link ErrorKind#UNAVAILABLE}. Every text it holds has its
 * control characters escaped ({@link ControlCharacters}): a server cannot reach the terminal.
 */
public class EcsException extends RuntimeException {
    /** Synthetic code: no answer arrived (refused, reset, timed out). */
    public static final String NETWORK_ERROR = "NetworkError";
    /** Synthetic code: an answer arrived that is not the service's JSON. */
    public static final String BAD_RESPONSE = "UnexpectedResponse";

    private final String code;
    private final String requestId;
    private final int httpStatus;
    private final String recommend;
    private final ErrorKind kind;

    public EcsException(String code, String message, String requestId, int httpStatus, String recommend) {
        this(code, message, requestId, httpStatus, recommend, ErrorCodes.classify(code, httpStatus), null);
    }

    protected EcsException(String code, String message, String requestId, int httpStatus, String recommend,
                           ErrorKind kind, Throwable cause) {
        super(ControlCharacters.escape(message), cause);
        this.code = ControlCharacters.escape(code);
        this.requestId = ControlCharacters.escape(requestId);
        this.httpStatus = httpStatus;
        this.recommend = ControlCharacters.escape(recommend);
        this.kind = kind;
    }

    public static EcsException network(String message, Throwable cause) {
        return new EcsException(NETWORK_ERROR, message, null, 0, null, ErrorKind.UNAVAILABLE, cause);
    }

    /**
     * A refusal that means "no" whatever its code: STS declining to issue credentials
     * ({@code NoPermission}, {@code AuthenticationFail.OIDCToken.Invalid}, ...).
     */
    public static EcsException denied(String code, String message, String requestId, int httpStatus) {
        return new EcsException(code, message, requestId, httpStatus, null, ErrorKind.DENIED, null);
    }

    public static EcsException badResponse(int httpStatus, String message) {
        return badResponse(httpStatus, message, null);
    }

    /** An answer that arrived but cannot be used; {@code requestId} when the answer had one. */
    public static EcsException badResponse(int httpStatus, String message, String requestId) {
        return new EcsException(BAD_RESPONSE, message, requestId, httpStatus, null, ErrorKind.UNAVAILABLE, null);
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }

    /** 0 when no HTTP answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public String recommend() {
        return recommend;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Throttling, 5xx, network failures and unparseable answers: worth trying again. */
    public boolean isTransient() {
        return kind == ErrorKind.UNAVAILABLE;
    }

    /** {@code Code: Message (HTTP 403, RequestId X)}, the parts that are known. */
    public String describe() {
        StringBuilder s = new StringBuilder(code).append(": ").append(getMessage());
        StringBuilder extra = new StringBuilder();
        if (httpStatus > 0) {
            extra.append("HTTP ").append(httpStatus);
        }
        if (requestId != null) {
            extra.append(extra.length() > 0 ? ", " : "").append("RequestId ").append(requestId);
        }
        return extra.length() > 0 ? s.append(" (").append(extra).append(')').toString() : s.toString();
    }
}
