package dev.ecsimage.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A {@code .properties} file on the class path read as UTF-8 (the catalogues are Chinese; Java's
 * {@link Properties#load(InputStream)} would read ISO-8859-1). The one way texts are loaded.
 */
public final class TextResource {
    private TextResource() {}

    /** The keys and texts of {@code path} (e.g. {@code /dev/ecsimage/output/messages_en.properties}); empty when absent. */
    public static Map<String, String> load(String path) {
        Properties p = new Properties();
        try (InputStream in = TextResource.class.getResourceAsStream(path)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the jar", e);
        }
        Map<String, String> texts = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            texts.put(key, p.getProperty(key));
        }
        return texts;
    }
}
