package dev.ecsimage.cli;

import dev.ecsimage.output.Messages;
import dev.ecsimage.output.Sentence;
import picocli.CommandLine.TypeConversionException;

/**
 * A value that an option's converter or ecs-image's own checks refuse, as a sentence of the
 * catalogue, so that the usage error says it in the user's language ({@link UsageMessage}):
 * converters and checks cannot know the language. Its message is the English sentence, for
 * whoever reads it outside a usage error.
 */
final class InvalidValue extends TypeConversionException {
    private final transient Sentence sentence;

    InvalidValue(String key, Object... args) {
        super(key);
        this.sentence = new Sentence(key, args);
    }

    @Override
    public String getMessage() {
        return sentence.english();
    }

    /** Why the value is refused, to be said in the run's language. */
    Sentence sentence() {
        return sentence;
    }

    /** The sentence in {@code text}'s language. */
    String in(Messages text) {
        return sentence.in(text);
    }
}
