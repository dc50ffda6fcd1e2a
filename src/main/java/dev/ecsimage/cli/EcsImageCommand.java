package dev.ecsimage.cli;

import dev.ecsimage.auth.CredentialChain;
import dev.ecsimage.output.Console;
import dev.ecsimage.output.Format;
import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.ProgressMode;
import dev.ecsimage.output.Sentence;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.SignatureVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ecs-image} command: global options (valid before or after the subcommand) and the
 * wiring every subcommand shares: exit-status table, error handling, output streams.
 */
@Command(name = "ecs-image",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Copy Alibaba Cloud ECS custom images between regions, follow the copy to the end, cancel it.")
public final class EcsImageCommand implements Runnable {
    public enum Network { PUBLIC, VPC;
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--region"}, scope = ScopeType.INHERIT, paramLabel = "REGION",
            completionCandidates = RegionCandidates.class,
            description = "Region of the image named by --image-id: the source for copy, the destination "
                    + "(where the copy lives) for status and cancel. Default: ALIBABA_CLOUD_REGION_ID, "
                    + "ALIBABACLOUD_REGION_ID, ALICLOUD_REGION_ID, "
                    + "ALICLOUD_REGION, then the profile's region_id.")
    String region;

    @Option(names = {"-p", "--profile"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Credentials profile from ~/.aliyun/config.json or ~/.alibabacloud/credentials.")
    String profile;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send every call to this URL instead of the region's endpoint "
                    + "(default: ECS_IMAGE_ENDPOINT if set).")
    String endpoint;

    @Option(names = "--network", scope = ScopeType.INHERIT, paramLabel = "public|vpc",
            converter = NetworkConverter.class, completionCandidates = NetworkCandidates.class,
            description = "public (ecs.REGION.aliyuncs.com, default) or vpc (ecs-vpc.REGION.aliyuncs.com).")
    Network network = Network.PUBLIC;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "Result format on stdout: text (default) or json (one document at the end).")
    Format output = Format.text;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "auto|bar|plain|none",
            description = "Progress on stderr: auto (bars on a terminal, plain lines otherwise; default), "
                    + "bar, plain or none.")
    ProgressMode progress = ProgressMode.auto;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress and no hints; text output is only the image ids, one per line.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log every API attempt on stderr (secrets redacted); stack traces on internal errors.")
    boolean verbose;

    @Option(names = "--connect-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            converter = DurationConverter.class, description = "TCP connect timeout (default: 10s).")
    Duration connectTimeout = Duration.ofSeconds(10);

    @Option(names = "--read-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            converter = DurationConverter.class, description = "Time to wait for an answer (default: 30s).")
    Duration readTimeout = Duration.ofSeconds(30);

    @Option(names = "--max-attempts", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Attempts per API call, retries of throttling, 5xx and network failures "
                    + "included (default: 5).")
    int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;

    @Option(names = "--signature-version", scope = ScopeType.INHERIT, paramLabel = "v3|v1",
            description = "v3 (ACS3-HMAC-SHA256, default) or v1 (HMAC-SHA1).")
    SignatureVersion signatureVersion = SignatureVersion.v3;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Send every call to an in-process simulated ECS: no account, no network "
                    + "(see 'ecs-image sandbox images').")
    boolean sandbox;

    @Option(names = "--sandbox-speed", scope = ScopeType.INHERIT, paramLabel = "PCT_PER_S",
            converter = SandboxCommand.SpeedConverter.class,
            description = "How fast --sandbox copies progress, in percent per second "
                    + "(default: ECS_IMAGE_SANDBOX_SPEED, else 10: a copy takes about 10 s).")
    Double sandboxSpeed;

    /**
     * Parsed so picocli accepts it (and refuses a bad value); the language itself is read from the
     * command line's words by {@link LanguageChoice}, since help and usage errors need it too.
     */
    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "zh|en",
            description = "Language of help, messages and hints: zh (Chinese) or en (English). Default: "
                    + "ECS_IMAGE_LANG, the profile's language, then LC_ALL, LC_MESSAGES, LANG (zh_* is Chinese).")
    Language lang;

    /** Made on first use, then shared by the language, region and credentials lookups. */
    private CredentialChain credentialChain;

    /** The words of this run's command line, for the language before (or without) a parse. */
    private List<String> arguments = List.of();
    private Messages text;
    private boolean choosing;
    private final List<Sentence> earlyWarnings = new java.util.ArrayList<>();

    public EcsImageCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), text().get("usage.command-required"));
    }

    /** Where this run's output goes, and in which form. */
    Console console() {
        return new Console(context.out(), context.err(), context.stderrIsTerminal(), context.env(), output, progress,
                quiet, verbose, this::text);
    }

    /**
     * The catalogue in this run's language, chosen at the first sentence ({@link LanguageChoice}).
     * The profile's language comes from the run's credential chain, which parses config.json once
     * for the language, the region and the credentials; without a config.json no chain is made.
     */
    synchronized Messages text() {
        if (text == null) {
            choosing = true;
            try {
                text = Messages.of(LanguageChoice.choose(arguments, context.env(), new ProfileLanguage()));
            } finally {
                choosing = false;
            }
            earlyWarnings.forEach(this::warn);
            earlyWarnings.clear();
        }
        return text;
    }

    /**
     * A warning of the credential chain, in the run's language. Choosing the language may read
     * config.json, which may warn: such a warning waits until the language is chosen.
     */
    private synchronized void warn(Sentence warning) {
        if (choosing) {
            earlyWarnings.add(warning);
        } else {
            context.err().println(text().get("warning.line", warning));
        }
    }

    /**
     * The profiles' language, for {@link LanguageChoice}: config.json is parsed (by the run's
     * credential chain, once for all) only when a quick look at its text finds a language field that
     * could change the choice, which spares help and usage errors Jackson's start-up.
     */
    private final class ProfileLanguage implements LanguageChoice.Profiles {
        @Override
        public Optional<String> language(String profile) {
            return credentialChain().profileLanguage(profile);
        }

        @Override
        public boolean maySayOtherThan(Language language) {
            Path file = CredentialChain.configFile(context.home());
            try {
                return Files.exists(file) && LanguageChoice.mentionsOtherThan(Files.readString(file), language);
            } catch (IOException e) {
                return true;
            }
        }
    }

    /** The catalogue of the run {@code spec} belongs to. */
    static Messages text(CommandSpec spec) {
        return ((EcsImageCommand) spec.root().userObject()).text();
    }

    /** The run's credential chain: the profile files are read once, for the language, the region and the credentials. */
    CredentialChain credentialChain() {
        if (credentialChain == null) {
            credentialChain = new CredentialChain(context.env(), context.home(), context.clock(),
                    verbose ? line -> context.err().println("debug: " + line) : null, this::warn);
        }
        return credentialChain;
    }

    Endpoints.Network endpointNetwork() {
        return network == Network.VPC ? Endpoints.Network.VPC : Endpoints.Network.PUBLIC;
    }

    /** Accepts public/vpc in any case, and names the choices when the value is wrong. */
    static final class NetworkConverter implements CommandLine.ITypeConverter<Network> {
        @Override
        public Network convert(String value) {
            for (Network n : Network.values()) {
                if (n.toString().equalsIgnoreCase(value)) {
                    return n;
                }
            }
            throw new InvalidValue("value.not-a-network", value);
        }
    }

    /** The {@code --network} values for shell completion (the converter hides the enum from picocli). */
    static final class NetworkCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Network.values()).map(Network::toString).iterator();
        }
    }

    /** The subcommands' names, in the order help lists them ({@link #subcommand} has their classes). */
    static final List<String> SUBCOMMANDS = List.of("copy", "status", "cancel", "sandbox", "completion", "help");

    /**
     * The class of the subcommand {@code name}, a name of {@link #SUBCOMMANDS}. A switch, so a run
     * loads only the class of the command it runs ({@code StartupIT} checks it).
     */
    private static Class<?> subcommand(String name) {
        return switch (name) {
            case "copy" -> CopyCommand.class;
            case "status" -> StatusCommand.class;
            case "cancel" -> CancelCommand.class;
            case "sandbox" -> SandboxCommand.class;
            case "completion" -> CompletionCommand.class;
            case "help" -> HelpCommand.class;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The command line with every subcommand: for help, the man page and the completion script. */
    public static CommandLine commandLine(Context context) {
        return wire(context, root(context), SUBCOMMANDS);
    }

    /**
     * The command line for a run of {@code args}. Building a model costs start-up, so: {@code copy},
     * {@code status} and {@code cancel} are built from {@link RunModel}'s file (no annotation read,
     * no help laid out: asking for help or the version takes the annotated path); otherwise only the
     * subcommand the words name is built from its annotations. All of them are built when the words
     * name none (so the tool's help lists them and an unknown word gets its "did you mean"), name
     * {@code help} or {@code completion}, or ask for the tool's help.
     */
    static CommandLine forRun(Context context, List<String> args) {
        if (!RunModel.needsAnnotations(args)) {
            CommandLine fast = runModel(context, args);
            if (fast != null) {
                return handlers(context, fast);
            }
        }
        CommandLine cmd = root(context);
        String invoked = invoked(cmd.getCommandSpec(), args);
        return wire(context, cmd, invoked == null || invoked.equals("help") || invoked.equals("completion")
                ? SUBCOMMANDS : List.of(invoked));
    }

    /**
     * The command line for a run of {@code args} built from {@link RunModel}'s file, without an
     * annotation read; null when the words name no command the file holds.
     */
    static CommandLine runModel(Context context, List<String> args) {
        try {
            CommandFactory factory = new CommandFactory(context);
            CommandLine cmd = RunModel.root(factory, new EcsImageCommand(context));
            String invoked = cmd == null ? null : invoked(cmd.getCommandSpec(), args);
            if (invoked == null || !RunModel.holds(invoked)) {
                return null;
            }
            RunModel.addSubcommand(cmd, factory, invoked);
            return cmd;
        } catch (Exception e) {
            throw new IllegalStateException("run-model.txt does not fit the commands: " + e, e);
        }
    }

    private static CommandLine root(Context context) {
        return new CommandLine(new EcsImageCommand(context), new CommandFactory(context));
    }

    /**
     * The subcommand named by the first word of {@code args} that is neither a global option nor
     * the value of one; null when that word is no subcommand, or the tool's help is asked first.
     */
    static String invoked(CommandSpec root, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                return null;
            }
            if (!word.startsWith("-") || word.length() == 1) {
                return SUBCOMMANDS.contains(word) ? word : null;
            }
            if (word.contains("=")) {
                continue; // --region=cn-hangzhou: the value is in the word
            }
            // one option (-r, --region), or a cluster of short ones (-qv, -qr REGION, -rcn-hangzhou)
            boolean help = false;
            boolean value = false;
            OptionSpec option = root.findOption(word);
            if (option != null) {
                help = option.usageHelp();
                value = takesValue(option);
            } else if (!word.startsWith("--")) {
                for (int c = 1; c < word.length(); c++) {
                    OptionSpec o = root.findOption(word.charAt(c));
                    if (o == null) {
                        break;
                    }
                    help |= o.usageHelp();
                    if (takesValue(o)) {
                        value = c == word.length() - 1;
                        break;
                    }
                }
            }
            if (help) {
                return null;
            }
            if (value) {
                i++;
            }
        }
        return null;
    }

    private static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0;
    }

    /** Adds {@code subcommands} to {@code cmd}, lays out its help, and wires it with {@link #handlers}. */
    private static CommandLine wire(Context context, CommandLine cmd, List<String> subcommands) {
        for (String name : subcommands) {
            cmd.addSubcommand(subcommand(name));
        }
        UsageHelp.apply(cmd);
        return handlers(context, cmd);
    }

    /** Wires {@code cmd} with the run's streams, the exit-status table and the error handlers. */
    private static CommandLine handlers(Context context, CommandLine cmd) {
        cmd.setOut(context.out());
        cmd.setErr(context.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new ErrorHandler(context));
        cmd.setParameterExceptionHandler(ErrorHandler::usage);
        cmd.setExitCodeExceptionMapper(ErrorHandler::exitStatus);
        return cmd;
    }

    public static int run(Context context, String... args) {
        CommandLine cmd = forRun(context, List.of(args));
        EcsImageCommand root = cmd.getCommand();
        root.arguments = List.of(args);
        cmd.setExecutionStrategy(new HelpInLanguage(cmd, root));
        int status = cmd.execute(args);
        context.out().flush();
        context.err().flush();
        return status;
    }

    /** Runs the command after giving the help, when it is asked for, the run's language. */
    private record HelpInLanguage(CommandLine cmd, EcsImageCommand root) implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parsed) {
            if (HelpLanguage.helpRequested(parsed)) {
                HelpLanguage.apply(cmd, root.text().language());
            }
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** Builds subcommands with the run's context where they take one. */
    private record CommandFactory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Context.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
