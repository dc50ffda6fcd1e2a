package dev.ecsimage.sandbox;

/** An error answer on its way out of the simulator or the server: the code and this occurrence's message. */
final class ApiError extends RuntimeException {
    final ErrorCode code;

    ApiError(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
