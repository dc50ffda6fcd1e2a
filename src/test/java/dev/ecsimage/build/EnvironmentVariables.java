package dev.ecsimage.build;

import java.util.List;

/**
 * Every environment variable ecs-image (or its launcher) reads, and what for: the one list the man
 * page's ENVIRONMENT renders and the README's "Environment" table must match
 * ({@code EnvironmentVariablesTest} checks both, and that the code reads no variable missing here).
 */
public final class EnvironmentVariables {
    /** Variables read together or as alternatives, with what they do. */
    public record Entry(List<String> names, String meaning) {
        Entry(String name, String meaning) {
            this(List.of(name), meaning);
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry(List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                    "ALIBABA_CLOUD_SECURITY_TOKEN"), "AccessKey pair, and STS token for temporary credentials"),
            new Entry(List.of("ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET",
                    "ALIBABACLOUD_SECURITY_TOKEN"), "the same, read when the ones above are not set"),
            new Entry(List.of("ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET"), "the same, read next"),
            new Entry(List.of("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"),
                    "the same in Terraform's and Packer's names, read last"),
            new Entry("ALIBABA_CLOUD_CREDENTIALS_URI", "a URL that answers temporary credentials as JSON"),
            new Entry(List.of("ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
                    "assume a RAM role with an OIDC token (CI runners, ACK RRSA)"),
            new Entry("ALIBABA_CLOUD_ROLE_SESSION_NAME", "session name when assuming a role (default: ecs-image-SECONDS, the Unix time)"),
            new Entry("ALIBABA_CLOUD_STS_REGION", "use the regional STS endpoint sts.REGION.aliyuncs.com"),
            new Entry(List.of("ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"),
                    "the profile to use when --profile is not given"),
            new Entry("ALIBABA_CLOUD_CREDENTIALS_FILE", "the credentials file instead of ~/.alibabacloud/credentials"),
            new Entry("ALIBABA_CLOUD_ECS_METADATA", "the RAM role of this ECS instance (default: asked from the metadata service)"),
            new Entry("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true: never ask the instance metadata service for credentials"),
            new Entry("ALIBABA_CLOUD_IMDSV1_DISABLED", "true: no fallback to IMDSv1 when the IMDSv2 token fails"),
            new Entry(List.of("ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION"),
                    "the region when --region is not given, before the profile's region_id"),
            new Entry(List.of("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"),
                    "proxy for https and http URLs, and the hosts reached directly (either case)"),
            new Entry("ECS_IMAGE_ENDPOINT", "send every ECS call to this URL (as --endpoint)"),
            new Entry("ECS_IMAGE_STS_ENDPOINT", "the STS endpoint instead of sts.aliyuncs.com"),
            new Entry("ECS_IMAGE_METADATA_ENDPOINT", "the instance metadata service instead of http://100.100.100.200"),
            new Entry("ECS_IMAGE_SANDBOX_SPEED", "how fast sandbox copies progress, in percent per second (default 10)"),
            new Entry("NO_COLOR", "set and not empty: progress without colours"),
            new Entry("TERM", "dumb: progress without colours"),
            new Entry(List.of("COLUMNS", "LINES"), "the terminal's width and height for the progress bars, "
                    + "instead of asking the terminal"),
            new Entry("HOME", "where ~/.aliyun and ~/.alibabacloud are"),
            new Entry("JAVA_HOME", "the Java the launcher runs (default: java on the PATH)"),
            new Entry("ECS_IMAGE_JAVA_OPTS", "more options for the JVM, added by the launcher"),
            new Entry("ECS_IMAGE_CDS_CREATE", "set: the launcher (re)makes the start-up archive for this Java, then exits"));

    private EnvironmentVariables() {}

    /** Every name in the list. */
    public static List<String> names() {
        return ALL.stream().flatMap(e -> e.names().stream()).toList();
    }
}
