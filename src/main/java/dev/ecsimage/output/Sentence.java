package dev.ecsimage.output;

/**
 * A sentence of the catalogue not said yet: its key and arguments. Code that cannot know the
 * user's language (a check, a parser, the credentials chain) gives one; the command line says it
 * in the run's language ({@link #in}). An argument that is itself a sentence is said in the same
 * language. {@link #english()} is what an exception's message and {@code -o json} carry, the same
 * in every language.
 */
public record Sentence(String key, Object... args) {
    public String in(Messages text) {
        return text.get(key, args);
    }

    public String english() {
        return in(Messages.of(Language.en));
    }

    @Override
    public String toString() {
        return english();
    }
}
