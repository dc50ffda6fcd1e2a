package dev.ecsimage.auth;

import java.time.Instant;

/**
 * The ECS instance metadata service on 127.0.0.1 for role {@code ci-role}: IMDSv2 tokens
 * ({@code tok-1}) unless {@link #tokenStatus} says otherwise, credentials with ids
 * {@code STS.METADATA0001}, {@code STS.METADATA0002}... unless {@link #credentialsStatus} says
 * otherwise. With a token issued, a request without it is refused (401), as on an instance that
 * enforces IMDSv2.
 */
final class MetadataStandIn extends StandIn {
    volatile int tokenStatus = 200;
    /** The status of the role's credentials (a 5xx answers with an empty body). */
    volatile int credentialsStatus = 200;
    /** The answer to the list of roles. */
    volatile String roles = "ci-role";
    volatile Instant expiration = Instant.parse("2026-11-27T22:00:00Z");
    /** When set, the answer for the role's credentials instead of fresh ones. */
    volatile String credentialsBody;
    private int issued;

    @Override
    synchronized Answer answer(Request request) {
        if (request.method().equals("PUT") && request.path().equals(InstanceMetadataSource.TOKEN_PATH)) {
            return new Answer(tokenStatus, tokenStatus == 200 ? "tok-1" : "");
        }
        if (tokenStatus == 200 && !"tok-1".equals(request.token())) {
            return new Answer(401, "");
        }
        if (request.path().equals(InstanceMetadataSource.ROLES_PATH)) {
            return new Answer(200, roles);
        }
        if (request.path().equals(InstanceMetadataSource.ROLES_PATH + "ci-role")) {
            if (credentialsStatus != 200) {
                return new Answer(credentialsStatus, "");
            }
            if (credentialsBody != null) {
                return new Answer(200, credentialsBody);
            }
            issued++;
            return new Answer(200, "{\"AccessKeyId\":\"STS.METADATA000" + issued + "\",\"AccessKeySecret\":\"meta-secret\","
                    + "\"Expiration\":\"" + expiration + "\",\"SecurityToken\":\"meta-token\","
                    + "\"LastUpdated\":\"2026-11-27T21:00:00Z\",\"Code\":\"Success\"}");
        }
        return new Answer(404, "");
    }
}
