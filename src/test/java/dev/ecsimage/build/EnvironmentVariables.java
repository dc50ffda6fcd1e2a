package dev.ecsimage.build;

import java.util.List;

/**
 * Every environment variable ecs-image (or its launcher) reads, and what for: the one list the man
 * page's ENVIRONMENT renders and the README's "Environment" table must match
 * ({@code EnvironmentVariablesTest} checks both, and that the code reads no variable missing here).
 */
public final class EnvironmentVariables {
    /** Variables read together or as alternatives, with what they do (in English and in Chinese, for the man pages). */
    public record Entry(List<String> names, String meaning, String chinese) {
        Entry(String name, String meaning, String chinese) {
            this(List.of(name), meaning, chinese);
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry(List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                    "ALIBABA_CLOUD_SECURITY_TOKEN"), "AccessKey pair, and STS token for temporary credentials", "AccessKey ID 和 AccessKey Secret，以及临时凭证的 STS 令牌"),
            new Entry(List.of("ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET",
                    "ALIBABACLOUD_SECURITY_TOKEN"), "the same, read when the ones above are not set", "同上，未设置上面的变量时读取"),
            new Entry(List.of("ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET"), "the same, read next", "同上，其次读取"),
            new Entry(List.of("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"),
                    "the same in Terraform's and Packer's names, read last", "同上，Terraform 和 Packer 使用的名称，最后读取"),
            new Entry("ALIBABA_CLOUD_CREDENTIALS_URI", "a URL that answers temporary credentials as JSON", "以 JSON 返回临时凭证的 URL"),
            new Entry(List.of("ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
                    "assume a RAM role with an OIDC token (CI runners, ACK RRSA)", "使用 OIDC 令牌扮演 RAM 角色（CI 运行器、ACK RRSA）"),
            new Entry("ALIBABA_CLOUD_ROLE_SESSION_NAME", "session name when assuming a role (default: ecs-image-SECONDS, the Unix time)", "扮演角色时的会话名称（默认：ecs-image-SECONDS，SECONDS 为 Unix 时间）"),
            new Entry("ALIBABA_CLOUD_STS_REGION", "use the regional STS endpoint sts.REGION.aliyuncs.com", "使用地域 STS 接入点 sts.REGION.aliyuncs.com"),
            new Entry(List.of("ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"),
                    "the profile to use when --profile is not given", "未指定 --profile 时使用的配置"),
            new Entry("ALIBABA_CLOUD_CREDENTIALS_FILE", "the credentials file instead of ~/.alibabacloud/credentials", "代替 ~/.alibabacloud/credentials 的凭证文件"),
            new Entry("ALIBABA_CLOUD_ECS_METADATA", "the RAM role of this ECS instance (default: asked from the metadata service)", "本 ECS 实例的 RAM 角色（默认：向元数据服务查询）"),
            new Entry("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true: never ask the instance metadata service for credentials", "true：从不向实例元数据服务获取凭证"),
            new Entry("ALIBABA_CLOUD_IMDSV1_DISABLED", "true: no fallback to IMDSv1 when the IMDSv2 token fails", "true：获取 IMDSv2 令牌失败时不回退到 IMDSv1"),
            new Entry(List.of("ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION"),
                    "the region when --region is not given, before the profile's region_id", "未指定 --region 时使用的地域，优先于配置的 region_id"),
            new Entry(List.of("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"),
                    "proxy for https and http URLs, and the hosts reached directly (either case)", "https 和 http URL 使用的代理，以及直接访问的主机（变量名大小写均可）"),
            new Entry("ECS_IMAGE_ENDPOINT", "send every ECS call to this URL (as --endpoint)", "将所有 ECS 调用发送到此 URL（同 --endpoint）"),
            new Entry("ECS_IMAGE_STS_ENDPOINT", "the STS endpoint instead of sts.aliyuncs.com", "代替 sts.aliyuncs.com 的 STS 接入点"),
            new Entry("ECS_IMAGE_METADATA_ENDPOINT", "the instance metadata service instead of http://100.100.100.200", "代替 http://100.100.100.200 的实例元数据服务"),
            new Entry("ECS_IMAGE_LANG", "the language of help, messages and hints (zh or en) when --lang is not given, "
                    + "before the profile's language", "未指定 --lang 时帮助、消息和提示的语言（zh 或 en），优先于配置的 language"),
            new Entry(List.of("LC_ALL", "LC_MESSAGES", "LANG"), "the language, when neither --lang, ECS_IMAGE_LANG nor the "
                    + "profile's language says: zh_* is Chinese, anything else English",
                    "未通过 --lang、ECS_IMAGE_LANG 或配置的 language 指定时决定语言：zh_* 为中文，其他为英文"),
            new Entry("ECS_IMAGE_SANDBOX_SPEED", "how fast sandbox copies progress, in percent per second (default 10)", "沙箱中复制进度的速度，单位为每秒百分比（默认 10）"),
            new Entry("NO_COLOR", "set and not empty: progress without colours", "已设置且不为空：进度不使用颜色"),
            new Entry("TERM", "dumb: progress without colours", "dumb：进度不使用颜色"),
            new Entry(List.of("COLUMNS", "LINES"), "the terminal's width and height for the progress bars, "
                    + "instead of asking the terminal", "进度条使用的终端宽度和高度，代替向终端查询"),
            new Entry("HOME", "where ~/.aliyun, ~/.alibabacloud and ~/.cache/ecs-image are", "~/.aliyun、~/.alibabacloud 和 ~/.cache/ecs-image 所在的目录"),
            new Entry("XDG_CACHE_HOME", "the per-user start-up archives go to XDG_CACHE_HOME/ecs-image instead of ~/.cache/ecs-image", "每用户的启动归档存放在 XDG_CACHE_HOME/ecs-image，代替 ~/.cache/ecs-image"),
            new Entry("JAVA_HOME", "the Java the launcher runs (default: java on the PATH)", "启动脚本运行的 Java（默认：PATH 中的 java）"),
            new Entry("PATH", "where the launcher looks for java when JAVA_HOME is not set", "未设置 JAVA_HOME 时启动脚本在其中查找 java"),
            new Entry("ECS_IMAGE_JAVA_OPTS", "more options for the JVM, added by the launcher", "启动脚本附加的 JVM 选项"),
            new Entry("ECS_IMAGE_CDS_CREATE", "1: the launcher (re)makes the start-up archive for this Java now, then exits; 0: no run makes one in the background", "1：启动脚本立即为此 Java（重新）生成启动归档，然后退出；0：运行时不在后台生成启动归档"));

    private EnvironmentVariables() {}

    /** Every name in the list. */
    public static List<String> names() {
        return ALL.stream().flatMap(e -> e.names().stream()).toList();
    }
}
