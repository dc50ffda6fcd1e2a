package dev.ecsimage.auth;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.transport.ControlCharacters;
import java.net.URI;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * Fetches the credentials of the ECS instance's RAM role from the instance metadata service:
 * an IMDSv2 token first, plain IMDSv1 requests when the token is refused (unless IMDSv1 is
 * disabled), the role name given or discovered. Every call fetches anew. No answer at all is a
 * network error, so the chain can tell "no metadata service here" from a failing one; a 5xx is a
 * passing failure of the service, also when asking for the token (it is not a refusal, and
 * dropping to IMDSv1 then would hide the outage or fail for a reason that is not the real one).
 */
final class InstanceMetadataSource implements CredentialsProvider {
    static final URI DEFAULT_ENDPOINT = URI.create("http://100.100.100.200");
    static final String TOKEN_PATH = "/latest/api/token";
    static final String ROLES_PATH = "/latest/meta-data/ram/security-credentials/";
    static final String TOKEN_HEADER = "X-aliyun-ecs-metadata-token";
    static final String TOKEN_TTL_HEADER = "X-aliyun-ecs-metadata-token-ttl-seconds";
    /** A RAM role name (letters, digits, '.', '-'; '_' let through, harmless in a URL path), 1-64. */
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final URI endpoint;
    private final CredentialHttp http;
    private final boolean imdsV1Disabled;
    private final Consumer<String> verbose;
    private String roleName;

    /**
     * @param roleName null to discover it from the service
     * @param verbose  receives a line when IMDSv2 is refused; null: none is made
     */
    InstanceMetadataSource(URI endpoint, CredentialHttp http, boolean imdsV1Disabled, String roleName,
                           Consumer<String> verbose) {
        this.endpoint = endpoint;
        this.http = http;
        this.imdsV1Disabled = imdsV1Disabled;
        this.roleName = roleName;
        this.verbose = verbose;
    }

    @Override
    public synchronized Credentials credentials() {
        if (roleName != null && !ROLE_NAME.matcher(roleName).matches()) {
            throw new ConfigException("ECS RAM role name '" + roleName + "' is not a RAM role name "
                    + "(1-64 letters, digits, '.' or '-')");
        }
        String token = token();
        if (roleName == null) {
            String names = http.send(get(ROLES_PATH, token), what("role name")).requireOk(what("role name")).body().strip();
            if (names.isEmpty()) {
                throw new ConfigException(what("role name") + ": no RAM role is attached to this instance");
            }
            String first = names.lines().findFirst().orElseThrow().strip();
            if (!ROLE_NAME.matcher(first).matches()) {
                throw EcsException.badResponse(200, what("role name") + ": answered '" + ControlCharacters.escape(first)
                        + "', which is not a RAM role name");
            }
            roleName = first;
        }
        String what = what("credentials of role " + roleName);
        return CredentialsJson.success(http.send(get(ROLES_PATH + roleName, token), what),
                "ecs metadata role " + roleName + " at " + endpoint, what);
    }

    /**
     * The IMDSv2 token, or null to go on with IMDSv1 when the service refuses to issue one
     * (a 4xx: a service without IMDSv2, or one that forbids it), unless IMDSv1 is disabled.
     */
    private String token() {
        String what = what("IMDSv2 token");
        HttpPut put = new HttpPut(endpoint.resolve(TOKEN_PATH));
        put.setHeader(TOKEN_TTL_HEADER, "21600");
        CredentialHttp.Answer answer = http.send(put, what);
        if (answer.status() == 200 && !answer.body().isBlank()) {
            return answer.body().trim();
        }
        if (answer.status() < 400 || answer.status() >= 500) {
            throw EcsException.badResponse(answer.status(), what + ": HTTP " + answer.status()
                    + (answer.status() == 200 ? " without a token" : ""));
        }
        if (imdsV1Disabled) {
            throw new ConfigException(what + ": HTTP " + answer.status()
                    + ", and IMDSv1 is disabled (ALIBABA_CLOUD_IMDSV1_DISABLED=true)");
        }
        if (verbose != null) {
            verbose.accept("credentials: " + what + " refused (HTTP " + answer.status() + "), using IMDSv1");
        }
        return null;
    }

    private HttpUriRequestBase get(String path, String token) {
        HttpGet get = new HttpGet(endpoint.resolve(path));
        if (token != null) {
            get.setHeader(TOKEN_HEADER, token);
        }
        return get;
    }

    private String what(String item) {
        return "ECS metadata " + endpoint + " " + item;
    }
}
