package dev.ecsimage.output;

import dev.ecsimage.api.EcsException;

/**
 * An error ecs-image concludes itself from the service's answers (the source image is missing, or
 * not Available), with a code of the service's table so that it has the same exit status. Its
 * message is a {@link Sentence}: stderr says it in the user's language, while {@code -o json} and
 * the copy set keep the English, as they keep every message.
 */
public final class SentenceError extends EcsException {
    private final transient Sentence sentence;

    public SentenceError(String code, Sentence sentence) {
        super(code, sentence.english(), null, 0, null);
        this.sentence = sentence;
    }

    public Sentence sentence() {
        return sentence;
    }
}
