package dev.ecsimage.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One answer of the simulated service: HTTP status and body, as the service sends them. */
public record ApiAnswer(int status, ObjectNode body) {

    /** The error body: RequestId, HostId, Code, Message, Recommend. */
    static ApiAnswer error(ApiError error, String requestId, String hostId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("RequestId", requestId)
                .put("HostId", hostId)
                .put("Code", error.code.code)
                .put("Message", error.getMessage())
                .put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code.code
                        + "&product=Ecs&requestId=" + requestId);
        return new ApiAnswer(error.code.status, body);
    }

    public String json() {
        return body.toString();
    }

    /** The error code, or null for a success. */
    public String code() {
        return body.hasNonNull("Code") && status >= 400 ? body.get("Code").asText() : null;
    }
}
