package dev.ecsimage.api;

import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Transport} that answers from a script, one entry per attempt (an answer or an
 * {@link IOException} to throw), then from a fallback; it records every call and the time left
 * it was given. No network, no signatures.
 */
final class ScriptedTransport implements Transport {
    static final String ENDPOINT = "http://127.0.0.1";

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<Duration> timesLeft = new ArrayList<>();
    private Function<ApiCall, String> otherwise = call -> {
        throw new AssertionError("no answer scripted for " + call);
    };

    ScriptedTransport answer(int status, String body) {
        script.add(new RawResponse(status, body, ENDPOINT, ""));
        return this;
    }

    ScriptedTransport fail(IOException e) {
        script.add(e);
        return this;
    }

    /** After the script: HTTP 200 with this body. */
    ScriptedTransport otherwise(Function<ApiCall, String> body) {
        this.otherwise = body;
        return this;
    }

    List<ApiCall> calls() {
        return calls;
    }

    List<Duration> timesLeft() {
        return timesLeft;
    }

    @Override
    public RawResponse send(ApiCall call) throws IOException {
        return send(call, null);
    }

    @Override
    public RawResponse send(ApiCall call, Duration timeLeft) throws IOException {
        calls.add(call);
        timesLeft.add(timeLeft);
        Object next = script.poll();
        if (next instanceof IOException e) {
            throw e;
        }
        return next != null ? (RawResponse) next : new RawResponse(200, otherwise.apply(call), ENDPOINT, "");
    }

    @Override
    public String endpoint(String region) {
        return ENDPOINT;
    }
}
