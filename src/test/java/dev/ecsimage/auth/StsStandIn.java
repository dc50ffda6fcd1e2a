package dev.ecsimage.auth;

import dev.ecsimage.transport.RpcV1Signer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * STS on 127.0.0.1: checks AssumeRole's signature V1 against the secrets it knows and that
 * AssumeRoleWithOIDC carries none, then answers new credentials (ids {@code STS.ISSUED0001},
 * {@code STS.ISSUED0002}..., which can sign a chained AssumeRole in turn) or the queued answers.
 */
final class StsStandIn extends StandIn {
    final Map<String, String> secrets = new TreeMap<>();
    final Deque<Answer> queued = new ArrayDeque<>();
    volatile Instant expiration = Instant.parse("2026-11-27T22:00:00Z");
    private int issued;

    @Override
    synchronized Answer answer(Request request) {
        Map<String, String> form = request.form();
        if (form.get("Action").equals("AssumeRole")) {
            Map<String, String> unsigned = new TreeMap<>(form);
            String signature = unsigned.remove("Signature");
            String secret = secrets.get(form.get("AccessKeyId"));
            if (secret == null) {
                return error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
            }
            String expected = RpcV1Signer.signature(secret,
                    RpcV1Signer.stringToSign("POST", RpcV1Signer.canonicalizedQuery(unsigned)));
            if (!expected.equals(signature)) {
                return error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
            }
        } else if (form.containsKey("Signature") || form.containsKey("AccessKeyId")) {
            return error(400, "UnexpectedSignature", "AssumeRoleWithOIDC is anonymous");
        }
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        issued++;
        secrets.put("STS.ISSUED000" + issued, "issued-secret-" + issued);
        return new Answer(200, "{\"RequestId\":\"R-" + issued + "\",\"Credentials\":{\"AccessKeyId\":\"STS.ISSUED000"
                + issued + "\",\"AccessKeySecret\":\"issued-secret-" + issued + "\",\"SecurityToken\":\"issued-token-"
                + issued + "\",\"Expiration\":\"" + expiration + "\"},\"AssumedRoleUser\":{\"Arn\":\""
                + form.get("RoleArn") + "/" + form.get("RoleSessionName") + "\"}}");
    }

    static Answer error(int status, String code, String message) {
        return new Answer(status, "{\"RequestId\":\"R-ERR\",\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}");
    }
}
