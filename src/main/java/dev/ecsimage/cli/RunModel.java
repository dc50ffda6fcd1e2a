package dev.ecsimage.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The picocli model of a run of {@code copy}, {@code status} or {@code cancel}, built without
 * reading an annotation. Reading them spins up an annotation proxy class per annotation type at
 * every start (about 30 ms on Java 17, 20 on Java 25, half of building the model), and no
 * class-data archive holds such classes. So the build writes down what picocli makes of the
 * annotated classes ({@link #describe}, into {@code run-model.txt} beside this class; {@code
 * RunModelTest} fails when that file is not current), and a run builds the same options from it.
 * The annotated classes stay the one place where options are defined. Help, the man page and
 * completion still come from the annotations ({@link EcsImageCommand#commandLine}).
 *
 * <p>The file holds one record per line, fields separated by tabs: {@code command NAME CLASS},
 * then that command's {@code option OWNER FIELD NAMES PARAM_LABEL ARITY SPLIT TYPE AUX_TYPES
 * CONVERTERS REQUIRED SCOPE HELP}, {@code mixin NAME CLASS}, {@code spec OWNER FIELD MIXEE} and
 * {@code parent OWNER FIELD}; OWNER is empty for the command itself, else the mixin's field.
 */
final class RunModel {
    static final String RESOURCE = "run-model.txt";
    /** The mixin picocli adds for {@code mixinStandardHelpOptions}: -h and -V, bound to no field of ours. */
    static final String STANDARD_HELP = "mixinStandardHelpOptions";
    private static final String SEP = "\t";
    private static final String LIST = ",";
    private static Map<String, List<String[]>> records;

    private RunModel() {}

    /** Whether the words ask for help or the version, which render the annotated model. */
    static boolean needsAnnotations(List<String> args) {
        for (String word : args) {
            if (word.equals("--")) {
                return false;
            }
            if (word.equals("--help") || word.equals("--version")
                    || shortCluster(word) && (word.indexOf('h') > 0 || word.indexOf('V') > 0)) {
                return true;
            }
        }
        return false;
    }

    /** {@code -qh}: short options only, no value glued on. */
    private static boolean shortCluster(String word) {
        if (word.length() < 2 || word.charAt(0) != '-' || word.charAt(1) == '-') {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The root command alone, or null when the build wrote no file (then the annotations serve). */
    static CommandLine root(CommandLine.IFactory factory, Object root) throws Exception {
        List<String[]> lines = records().get("ecs-image");
        return lines == null ? null : new CommandLine(spec(factory, root, null, lines), factory);
    }

    static boolean holds(String subcommand) throws IOException {
        return records().containsKey(subcommand) && !subcommand.equals("ecs-image");
    }

    static void addSubcommand(CommandLine root, CommandLine.IFactory factory, String subcommand) throws Exception {
        List<String[]> lines = records().get(subcommand);
        Object user = factory.create(Class.forName(lines.get(0)[2]));
        root.addSubcommand(subcommand, new CommandLine(spec(factory, user, root.getCommand(), lines), factory));
    }

    private static synchronized Map<String, List<String[]>> records() throws IOException {
        if (records == null) {
            Map<String, List<String[]>> commands = new HashMap<>();
            InputStream in = RunModel.class.getResourceAsStream(RESOURCE);
            if (in != null) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    List<String[]> current = null;
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        String[] record = line.split(SEP, -1);
                        if (record[0].equals("command")) {
                            current = new ArrayList<>();
                            commands.put(record[1], current);
                        }
                        current.add(record);
                    }
                }
            }
            records = commands;
        }
        return records;
    }

    /** The spec of {@code user} (a command object) as the records say; {@code parent}: the root's object. */
    private static CommandSpec spec(CommandLine.IFactory factory, Object user, Object parent, List<String[]> lines)
            throws Exception {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(user, factory);
        spec.name(lines.get(0)[1]);
        Map<String, Object> owners = new HashMap<>();
        owners.put("", user);
        Map<String, CommandSpec> mixins = new HashMap<>();
        for (String[] r : lines) {
            if (r[0].equals("mixin")) {
                Object mixin = r[1].equals(STANDARD_HELP) ? null : factory.create(Class.forName(r[2]));
                if (mixin != null) {
                    field(user, r[1]).set(user, mixin);
                    owners.put(r[1], mixin);
                }
                mixins.put(r[1], mixin == null ? CommandSpec.create() : CommandSpec.wrapWithoutInspection(mixin, factory));
            } else if (r[0].equals("option") && !r[1].isEmpty()) {
                mixins.get(r[1]).addOption(option(factory, owners.get(r[1]), r));
            }
        }
        // in the order picocli made them: a mixin's options join where its first one was
        List<String> added = new ArrayList<>();
        List<String[]> injections = new ArrayList<>();
        for (String[] r : lines) {
            if (r[0].equals("option") && r[1].isEmpty()) {
                spec.addOption(option(factory, user, r));
            } else if (r[0].equals("option") && !added.contains(r[1])) {
                added.add(r[1]);
                spec.addMixin(r[1], mixins.get(r[1]));
            } else if (r[0].equals("spec") || r[0].equals("parent")) {
                injections.add(r);
            }
        }
        for (String[] r : injections) {
            Object owner = owners.get(r[1]);
            Object value = r[0].equals("parent") ? parent
                    : r[3].equals("mixee") || r[1].isEmpty() ? spec : mixins.get(r[1]);
            field(owner, r[2]).set(owner, value);
        }
        return spec;
    }

    private static OptionSpec option(CommandLine.IFactory factory, Object owner, String[] r) throws Exception {
        OptionSpec.Builder b = OptionSpec.builder(r[3].split(LIST));
        if (!r[4].isEmpty()) {
            b.paramLabel(r[4]);
        }
        if (!r[5].isEmpty()) {
            b.arity(r[5]); // else picocli derives it from the type, as for an annotation without one
        }
        if (!r[6].isEmpty()) {
            b.splitRegex(r[6]);
        }
        b.type(type(r[7]));
        if (!r[8].isEmpty()) {
            String[] names = r[8].split(LIST);
            Class<?>[] aux = new Class<?>[names.length];
            for (int i = 0; i < names.length; i++) {
                aux[i] = type(names[i]);
            }
            b.auxiliaryTypes(aux);
        }
        if (!r[9].isEmpty()) {
            String[] names = r[9].split(LIST);
            CommandLine.ITypeConverter<?>[] converters = new CommandLine.ITypeConverter<?>[names.length];
            for (int i = 0; i < names.length; i++) {
                converters[i] = (CommandLine.ITypeConverter<?>) factory.create(Class.forName(names[i]));
            }
            b.converters(converters);
        }
        b.required(Boolean.parseBoolean(r[10]));
        b.scopeType(ScopeType.valueOf(r[11]));
        b.usageHelp(r[12].equals("usage"));
        b.versionHelp(r[12].equals("version"));
        if (owner == null) {
            b.initialValue(Boolean.FALSE).hasInitialValue(true); // -h and -V: flags, false until given
        } else {
            Field field = field(owner, r[2]);
            Object initial = field.get(owner);
            b.initialValue(initial).hasInitialValue(true).getter(new Binding(owner, field)).setter(new Binding(owner, field));
        }
        return b.build();
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return switch (name) {
            case "boolean" -> boolean.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            default -> Class.forName(name);
        };
    }

    private static Field field(Object owner, String name) throws NoSuchFieldException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** An option's field, as picocli binds an annotated one. */
    private record Binding(Object owner, Field field) implements IGetter, ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() throws Exception {
            return (T) field.get(owner);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) throws Exception {
            T old = (T) field.get(owner);
            field.set(owner, value);
            return old;
        }
    }

    /**
     * The records of the command {@code cmd} (annotated, as picocli built it) and of its
     * subcommands {@code names}: what the build writes to {@link #RESOURCE}.
     */
    static String describe(CommandLine cmd, List<String> names) throws Exception {
        StringBuilder out = new StringBuilder();
        describe(out, cmd.getCommandSpec());
        for (String name : names) {
            describe(out, cmd.getSubcommands().get(name).getCommandSpec());
        }
        return out.toString();
    }

    private static void describe(StringBuilder out, CommandSpec spec) throws Exception {
        Object user = spec.userObject();
        line(out, "command", spec.name(), user.getClass().getName());
        Map<Class<?>, String> mixinOf = new HashMap<>();
        for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
            mixinOf.put(m.getValue().userObject().getClass(), m.getKey());
            line(out, "mixin", m.getKey(), m.getValue().userObject().getClass().getName());
        }
        for (OptionSpec o : spec.options()) {
            if (o.inherited()) {
                continue;
            }
            Field field = (Field) o.userObject();
            String owner = field.getDeclaringClass() == user.getClass() ? "" : mixinOf.get(field.getDeclaringClass());
            List<String> aux = new ArrayList<>();
            for (Class<?> c : o.auxiliaryTypes()) {
                aux.add(c.getName());
            }
            List<String> converters = new ArrayList<>();
            for (CommandLine.ITypeConverter<?> c : o.converters()) {
                converters.add(c.getClass().getName());
            }
            line(out, "option", owner, field.getName(), String.join(LIST, o.names()),
                    o.paramLabel(), o.arity().isUnspecified() ? "" : o.arity().toString(), o.splitRegex(), o.type().getName(), String.join(LIST, aux),
                    String.join(LIST, converters), Boolean.toString(o.required()), o.scopeType().name(),
                    o.usageHelp() ? "usage" : o.versionHelp() ? "version" : "");
        }
        List<Object> owners = new ArrayList<>(List.of(user));
        List<String> ownerNames = new ArrayList<>(List.of(""));
        for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
            owners.add(m.getValue().userObject());
            ownerNames.add(m.getKey());
        }
        for (int i = 0; i < owners.size(); i++) {
            for (Field f : owners.get(i).getClass().getDeclaredFields()) {
                Spec s = f.getAnnotation(Spec.class);
                if (s != null) {
                    line(out, "spec", ownerNames.get(i), f.getName(), s.value() == Spec.Target.MIXEE ? "mixee" : "self");
                }
                if (f.isAnnotationPresent(ParentCommand.class)) {
                    line(out, "parent", ownerNames.get(i), f.getName());
                }
            }
        }
    }

    private static void line(StringBuilder out, String... fields) {
        out.append(String.join(SEP, fields)).append('\n');
    }
}
