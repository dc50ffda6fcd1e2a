package dev.ecsimage.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.output.Json;
import dev.ecsimage.transport.ControlCharacters;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads temporary credentials from the JSON that STS ({@code Credentials.{...}}), the instance
 * metadata service and a credentials URI ({@code {"Code":"Success",...}}) answer.
 */
final class CredentialsJson {
    private CredentialsJson() {}

    /** The answer's JSON object; anything else is an unexpected answer, named by {@code what}. */
    static JsonNode parse(CredentialHttp.Answer answer, String what) {
        try {
            JsonNode node = Json.parse(answer.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw EcsException.badResponse(answer.status(), what + ": answered HTTP " + answer.status() + " without a JSON object");
    }

    /** A metadata or credentials-URI answer: HTTP 200 with {@code "Code":"Success"}. */
    static Credentials success(CredentialHttp.Answer answer, String source, String what) {
        JsonNode node = parse(answer.requireOk(what), what);
        String code = node.path("Code").asText("");
        if (!code.equals("Success")) {
            throw EcsException.badResponse(answer.status(), what + ": Code is '" + ControlCharacters.escape(code)
                    + "', not 'Success'");
        }
        return read(node, source, what);
    }

    /** AccessKeyId, AccessKeySecret, SecurityToken and Expiration of {@code node}; a missing one is named. */
    static Credentials read(JsonNode node, String source, String what) {
        String expiration = field(node, "Expiration", what);
        try {
            return new Credentials(field(node, "AccessKeyId", what), field(node, "AccessKeySecret", what),
                    field(node, "SecurityToken", what), Instant.parse(expiration), source);
        } catch (DateTimeParseException e) {
            throw EcsException.badResponse(200, what + ": Expiration '" + ControlCharacters.escape(expiration)
                    + "' is not an ISO-8601 instant");
        }
    }

    private static String field(JsonNode node, String name, String what) {
        String value = node.path(name).asText("");
        if (value.isBlank()) {
            throw EcsException.badResponse(200, what + ": the answer has no " + name);
        }
        return value;
    }
}
