package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.auth.ConfigException;
import dev.ecsimage.output.Sentence;
import dev.ecsimage.output.Json;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.TextWidth;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.SandboxKeys;
import dev.ecsimage.sandbox.SandboxServer;
import dev.ecsimage.sandbox.Seed;
import dev.ecsimage.sandbox.SimulatedEcs;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code ecs-image sandbox}: the simulated ECS. {@code serve} runs it as an HTTP endpoint on
 * 127.0.0.1 with optional fault injection; {@code images} lists the seeded account, so each
 * failure can be triggered on purpose.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"A simulated ECS (no account, no network): serve it over HTTP, or list its seeded images.",
                "'ecs-image --sandbox COMMAND ...' runs any command against an in-process sandbox instead."},
        subcommands = {SandboxCommand.Serve.class, SandboxCommand.Images.class, SelfTestCommand.class})
public final class SandboxCommand implements Runnable {
    public static final String SPEED_ENV = "ECS_IMAGE_SANDBOX_SPEED";

    @ParentCommand
    EcsImageCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), root.text().get("usage.sandbox-command-required"));
    }

    /** The seed table under the help of {@code sandbox} and {@code sandbox serve}. */
    @Spec
    void helpFooter(CommandSpec commandSpec) {
        seedTableFooter(commandSpec);
    }

    /**
     * The seed table as the footer, as it is: picocli would re-wrap its columns to 80 and mangle
     * them. In the language the help is shown in.
     */
    static void seedTableFooter(CommandSpec commandSpec) {
        commandSpec.usageMessage().sectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> System.lineSeparator() + SeedTable.text(Messages.of(HelpLanguage.of(help.commandSpec()))));
    }

    /**
     * The copy speed of a sandbox: the option when given, else {@value #SPEED_ENV}, else 10 (%/s).
     *
     * @throws ConfigException when the environment variable is not a positive number
     */
    public static double speed(Double option, Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String value = env.get(SPEED_ENV);
        if (value == null || value.isBlank()) {
            return SimulatedEcs.DEFAULT_SPEED;
        }
        try {
            return SpeedConverter.parse(value);
        } catch (InvalidValue e) {
            throw new ConfigException(new Sentence("config.variable", SPEED_ENV, e.sentence()));
        }
    }

    /** A speed in percent per second: a positive number. */
    public static final class SpeedConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return parse(value);
        }

        static double parse(String value) {
            return number(value, speed -> speed > 0 && !Double.isInfinite(speed), "value.not-a-speed");
        }
    }

    /** A number that {@code valid} accepts, or a conversion error that says {@code problem} (a catalogue key). */
    static double number(String value, java.util.function.DoublePredicate valid, String problem) {
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!valid.test(number)) {
            throw new InvalidValue(problem, value);
        }
        return number;
    }

    /** A fault rate: a probability between 0 and 1. */
    static final class RateConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, rate -> rate >= 0 && rate <= 1, "value.not-a-rate");
        }
    }

    @Command(name = "images", mixinStandardHelpOptions = true, description = "List the sandbox's seeded images, KMS keys and regions, and the "
            + "scenario each one plays.")
    static final class Images implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.root.context.out();
            if (parent.root.console().json()) {
                out.println(Json.pretty(SeedTable.json()));
            } else {
                out.print(SeedTable.text(parent.root.text()));
            }
            out.flush();
            return ExitStatus.SUCCESS.code;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Run the sandbox as an HTTP endpoint on 127.0.0.1 until Ctrl-C, for "
                    + "'--endpoint http://127.0.0.1:PORT' from any client (official SDKs included).",
                    "Requests are checked like the service checks them: signatures V3 and V1, the sandbox's access "
                            + "keys (printed on start), STS token, timestamp (15 minutes), nonce. Answers are "
                            + "JSON, or XML for V1 requests without Format=JSON. State lives as long as the process.",
                    "",
                    "Faults, for rehearsals: each kind hits the first N requests (--drop-before, --throttle, "
                            + "--server-errors, --drop-after), then random requests at its rate (--...-rate). A "
                            + "request meets them in that order and the first that fires ends it, so counts add up: "
                            + "'--drop-before 1 --throttle 2' drops request 1 and throttles requests 2 and 3. "
                            + "--fail-action limits faults and delay to one action."},
            sortOptions = false)
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        SandboxCommand parent;

        CommandSpec spec;

        @Spec
        void helpFooter(CommandSpec commandSpec) {
            spec = commandSpec;
            seedTableFooter(commandSpec);
        }

        @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1; 0 (default) picks a free one.")
        int port;

        @Option(names = "--speed", paramLabel = "PCT_PER_S", converter = SpeedConverter.class,
                description = "Copy progress in percent per second (default: " + SPEED_ENV
                        + ", else 10: a copy takes about 10 s).")
        Double speed;

        @Option(names = "--drop-before", paramLabel = "N",
                description = "Close the connection unanswered, before acting, for the first N requests.")
        int dropBefore;

        @Option(names = "--drop-before-rate", paramLabel = "RATE", converter = RateConverter.class,
                description = "... then for this fraction of requests (0 to 1).")
        double dropBeforeRate;

        @Option(names = "--throttle", paramLabel = "N",
                description = "Answer HTTP 400 Throttling.User to the next N requests.")
        int throttle;

        @Option(names = "--throttle-rate", paramLabel = "RATE", converter = RateConverter.class,
                description = "... then to this fraction of requests.")
        double throttleRate;

        @Option(names = "--server-errors", paramLabel = "N",
                description = "Answer HTTP 503 ServiceUnavailable to the next N requests.")
        int serverErrors;

        @Option(names = "--server-error-rate", paramLabel = "RATE", converter = RateConverter.class,
                description = "... then to this fraction of requests.")
        double serverErrorRate;

        @Option(names = "--drop-after", paramLabel = "N",
                description = "Act (e.g. create the copy), then close the connection unanswered, for the next N "
                        + "requests: the client cannot know it succeeded.")
        int dropAfter;

        @Option(names = "--drop-after-rate", paramLabel = "RATE", converter = RateConverter.class,
                description = "... then for this fraction of requests.")
        double dropAfterRate;

        @Option(names = "--delay", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Wait this long before handling each request (e.g. 500ms, 3s).")
        Duration delay = Duration.ZERO;

        @Option(names = "--fail-action", paramLabel = "ACTION",
                description = "Faults and delay only for this action (CopyImage, DescribeImages, CancelCopyImage).")
        String failAction;

        @Override
        public Integer call() {
            Context context = parent.root.context;
            double pace = speed(speed, context.env());
            Faults faults = faults();
            PrintWriter err = context.err();
            SandboxServer server;
            try {
                server = SandboxServer.start(new SimulatedEcs(context.clock(), pace), port, faults, context.clock(),
                        context.sleeper(), line -> {
                            err.println("sandbox: " + line);
                            err.flush();
                        });
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        parent.root.text().get("usage.cannot-listen", port, e.getMessage()));
            }
            Object hook = context.abortHooks().register(server::close);
            try {
                PrintWriter out = context.out();
                out.print(banner(server.url().toString(), pace, faults, parent.root.text()));
                out.flush();
                while (true) {
                    context.sleeper().sleep(Duration.ofHours(1));
                }
            } catch (InterruptedException e) {
                return ExitStatus.INTERRUPTED.code;
            } finally {
                server.close();
                context.abortHooks().unregister(hook);
            }
        }

        Faults faults() {
            try {
                return new Faults(new Faults.Fault(dropBefore, dropBeforeRate), new Faults.Fault(throttle, throttleRate),
                        new Faults.Fault(serverErrors, serverErrorRate), new Faults.Fault(dropAfter, dropAfterRate),
                        delay, failAction);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), parent.root.text().get("usage.bad-fault"));
            }
        }
    }

    /**
     * What {@code sandbox serve} prints: where it listens first, then the seeded catalogue, then
     * everything needed to use it (endpoint, keys, an example) last, so that those are what a
     * terminal of 30 rows still shows. The first line keeps the URL, and the key lines their
     * {@code export NAME=VALUE} form, in every language, for scripts that read them.
     */
    static String banner(String url, double speed, Faults faults, Messages text) {
        String nl = System.lineSeparator();
        return text.get("sandbox.listening", url) + nl
                + nl
                + SeedTable.text(text)
                + nl
                + text.get("sandbox.speed", format(speed), format(100 / speed)) + nl
                + text.get("sandbox.faults", describe(faults, text)) + nl
                + text.get("sandbox.endpoint", url) + nl
                + text.get("sandbox.keys") + nl
                + "  export ALIBABA_CLOUD_ACCESS_KEY_ID=" + SandboxKeys.ACCESS_KEY_ID + nl
                + "  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + SandboxKeys.ACCESS_KEY_SECRET + nl
                + stsPair(text)
                + text.get("sandbox.example") + nl
                + "  ecs-image --endpoint " + url + " \\" + nl
                + "    copy -i " + Seed.DEMO_IMAGE_ID + " -r " + Seed.DEMO_REGION + " -t cn-shanghai" + nl;
    }

    /** The sandbox's STS key pair, its three parts one under the other. */
    private static String stsPair(Messages text) {
        String nl = System.lineSeparator();
        String label = "  " + text.get("sandbox.sts-pair") + " ";
        String indent = " ".repeat(TextWidth.of(label));
        return label + text.get("sandbox.sts.key-id", SandboxKeys.STS_ACCESS_KEY_ID) + nl
                + indent + text.get("sandbox.sts.secret", SandboxKeys.STS_ACCESS_KEY_SECRET) + nl
                + indent + text.get("sandbox.sts.token", SandboxKeys.STS_SECURITY_TOKEN) + nl;
    }

    static String describe(Faults faults, Messages text) {
        List<String> parts = new ArrayList<>();
        describe(parts, "drop-before", faults.dropBefore(), text);
        describe(parts, "throttle", faults.throttle(), text);
        describe(parts, "server-error", faults.serverError(), text);
        describe(parts, "drop-after", faults.dropAfter(), text);
        if (!faults.delay().isZero()) {
            parts.add(text.get("sandbox.fault.delay", faults.delay().toMillis()));
        }
        if (parts.isEmpty()) {
            return text.get("sandbox.fault.none");
        }
        String all = text.list(parts);
        return faults.onlyAction() == null ? all : text.get("sandbox.fault.only", all, faults.onlyAction());
    }

    private static void describe(List<String> parts, String kind, Faults.Fault fault, Messages text) {
        String name = text.get("sandbox.fault." + kind);
        if (fault.count() > 0) {
            parts.add(text.get("sandbox.fault.first", name, fault.count()));
        }
        if (fault.rate() > 0) {
            parts.add(text.get("sandbox.fault.rate", name, format(fault.rate())));
        }
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
