package dev.ecsimage.cli;

import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import picocli.CommandLine.TypeConversionException;

/**
 * A value an option's converter refuses, as a catalogue key and its arguments, so that the usage
 * error says it in the user's language ({@link UsageMessage}); converters cannot know the language.
 * Its message is the English sentence, for whoever reads it outside a usage error.
 */
final class InvalidValue extends TypeConversionException {
    final String key;
    final transient Object[] args;

    InvalidValue(String key, Object... args) {
        super(Messages.of(Language.en).get(key, args));
        this.key = key;
        this.args = args;
    }

    /** The sentence in {@code text}'s language. */
    String in(Messages text) {
        return text.get(key, args);
    }
}
