package dev.ecsimage.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.output.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A config.json profile of mode External: runs its {@code process_command} (no shell; stdin
 * empty, stderr passed through) and reads the credentials it prints on stdout, as the aliyun CLI
 * and the credentials SDKs define them: {@code {"mode":"AK"|"StsToken","access_key_id",
 * "access_key_secret","sts_token","expiration":"2026-11-27T22:00:00Z"}}. Every call runs the
 * command anew (the caller caches). Its output is never shown: it holds secrets, so every problem
 * is a one-line {@link ConfigException} that names only the program, its exit status or what
 * was missing.
 */
final class ExternalCommandSource implements CredentialsProvider {
    private final List<String> command;
    private final Duration timeout;
    private final String label;

    /** @param command the program and its arguments, at least one word */
    ExternalCommandSource(List<String> command, Duration timeout, String label) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.label = label;
    }

    @Override
    public Credentials credentials() {
        String what = label + ": process_command '" + command.get(0) + "'";
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(what + " cannot be started ("
                    + (reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName()) + ")");
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the command does not read its input: nothing lost
        }
        CompletableFuture<byte[]> stdout = readInBackground(process);
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] output;
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(process, what);
            }
            if (process.exitValue() != 0) {
                throw new ConfigException(what + " failed with exit status " + process.exitValue());
            }
            output = stdout.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(process, what); // the command ended, but something it started holds stdout open
        } catch (ExecutionException e) {
            throw new ConfigException(what + ": its output cannot be read (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ConfigException(what + " was interrupted");
        }
        return parse(output, what);
    }

    private Credentials parse(byte[] output, String what) {
        JsonNode json;
        try {
            json = Json.parse(output);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new ConfigException(what + " printed no JSON object on stdout");
        }
        String mode = text(json, "mode");
        String token = text(json, "sts_token");
        if (mode != null && !mode.equalsIgnoreCase("AK") && !mode.equalsIgnoreCase("StsToken")) {
            throw new ConfigException(what + " printed a mode other than AK or StsToken");
        }
        if ("StsToken".equalsIgnoreCase(mode) && token == null) {
            throw new ConfigException(what + " printed mode StsToken without sts_token");
        }
        String id = required(json, "access_key_id", what);
        String secret = required(json, "access_key_secret", what);
        String expiration = text(json, "expiration");
        Instant expires;
        try {
            expires = expiration == null ? null : Instant.parse(expiration);
        } catch (DateTimeParseException e) {
            throw new ConfigException(what + " printed an expiration that is not an ISO-8601 instant like "
                    + "2026-11-27T22:00:00Z");
        }
        return new Credentials(id, secret, token, expires, "external command '" + command.get(0) + "' of " + label);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : Credentials.blankToNull(value.asText());
    }

    private static String required(JsonNode json, String field, String what) {
        String value = text(json, field);
        if (value == null) {
            throw new ConfigException(what + " printed no " + field);
        }
        return value;
    }

    /** Reads all of stdout on a thread of its own, so a chatty command cannot block on a full pipe. */
    private static CompletableFuture<byte[]> readInBackground(Process process) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(process.getInputStream().readAllBytes());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "external-credentials-stdout");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private ConfigException timedOut(Process process, String what) {
        kill(process);
        return new ConfigException(what + " did not finish within " + seconds(timeout));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** {@code 60 s}, or {@code 0.2 s} for a timeout shorter than a second. */
    private static String seconds(Duration d) {
        return (d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0)) + " s";
    }
}
