package dev.ecsimage.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.ErrorCodes;
import dev.ecsimage.api.ErrorKind;
import dev.ecsimage.transport.ControlCharacters;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.RequestSigner;
import dev.ecsimage.transport.RpcV1Signer;
import dev.ecsimage.transport.SignatureVersion;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The two STS actions ecs-image needs (RPC, Version 2015-04-01, form-encoded POST, JSON answer):
 * {@code AssumeRole}, signed with signature V1 by the source credentials, and
 * {@code AssumeRoleWithOIDC}, which is anonymous. A refusal (an answer with a Code, other than
 * throttling or a 5xx) is an {@link EcsException} of kind DENIED; no answer is a network error.
 * STS's code, message and RequestId reach the user's terminal with their control characters
 * escaped.
 */
final class StsClient {
    static final String VERSION = "2015-04-01";

    private final URI endpoint;
    private final CredentialHttp http;
    private final Clock clock;
    private final Supplier<String> nonces;

    StsClient(URI endpoint, CredentialHttp http, Clock clock, Supplier<String> nonces) {
        this.endpoint = endpoint;
        this.http = http;
        this.clock = clock;
        this.nonces = nonces;
    }

    /** {@code https://sts.aliyuncs.com}, or {@code https://sts.<region>.aliyuncs.com} for a region. */
    static URI defaultEndpoint(String region) {
        return URI.create(region == null ? "https://sts.aliyuncs.com" : "https://sts." + region + ".aliyuncs.com");
    }

    /** @param sourceKeys the source's credentials, which sign the request */
    Credentials assumeRole(Credentials sourceKeys, String roleArn, String sessionName, int durationSeconds,
                           String label) {
        Map<String, String> params = roleParams(roleArn, sessionName, durationSeconds);
        String body = RequestSigner.sign(SignatureVersion.v1, Endpoints.host(endpoint), "AssumeRole", VERSION,
                params, sourceKeys, clock.instant(), nonces.get()).body();
        return call("AssumeRole", roleArn, body, label);
    }

    Credentials assumeRoleWithOidc(String roleArn, String providerArn, String oidcToken, String sessionName,
                                   int durationSeconds, String label) {
        Map<String, String> params = roleParams(roleArn, sessionName, durationSeconds);
        params.put("OIDCProviderArn", providerArn);
        params.put("OIDCToken", oidcToken);
        params.put("Action", "AssumeRoleWithOIDC");
        params.put("Version", VERSION);
        params.put("Format", "JSON");
        params.put("Timestamp", RequestSigner.TIMESTAMP.format(clock.instant()));
        params.put("SignatureNonce", nonces.get());
        return call("AssumeRoleWithOIDC", roleArn, RpcV1Signer.canonicalizedQuery(RequestSigner.nonEmpty(params)), label);
    }

    private static Map<String, String> roleParams(String roleArn, String sessionName, int durationSeconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RoleArn", roleArn);
        params.put("RoleSessionName", sessionName);
        params.put("DurationSeconds", Integer.toString(durationSeconds));
        return params;
    }

    private Credentials call(String action, String roleArn, String body, String label) {
        String what = "STS " + action + " of " + roleArn + " at " + endpoint;
        HttpPost post = new HttpPost(endpoint.resolve("/"));
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        CredentialHttp.Answer answer = http.send(post, what);
        JsonNode json = CredentialsJson.parse(answer, what);
        String source = "sts " + action + " role " + roleArn + " for " + label;
        if (answer.status() == 200 && json.has("Credentials")) {
            return CredentialsJson.read(json.get("Credentials"), source, what);
        }
        String code = ControlCharacters.escape(json.path("Code").asText(""));
        if (code.isEmpty()) {
            throw EcsException.badResponse(answer.status(), what + ": answered HTTP " + answer.status()
                    + " without Credentials or Code");
        }
        String message = what + ": " + ControlCharacters.escape(json.path("Message").asText("").strip());
        String requestId = ControlCharacters.escape(json.path("RequestId").asText(null));
        if (ErrorCodes.classify(code, answer.status()) == ErrorKind.UNAVAILABLE) {
            throw new EcsException(code, message, requestId, answer.status(), null);
        }
        throw EcsException.denied(code, message, requestId, answer.status());
    }
}
