package dev.ecsimage.auth;

import dev.ecsimage.output.Sentence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A file that holds credentials or points at them (config.json, the INI credentials file, an
 * OIDC token file), and how messages name it: {@code ~/.aliyun/config.json} under the home
 * folder, the path as given elsewhere. Reading it tells "absent" (the chain goes on) from a
 * symbolic link whose target is missing (a configuration error: the user meant a file there).
 */
record CredentialFile(Path path, String shown) {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** {@code path} named relative to {@code home} ({@code ~/...}) when it lies inside it. */
    static CredentialFile underHome(Path path, Path home) {
        Path absolute = path.toAbsolutePath();
        Path homeAbsolute = home.toAbsolutePath();
        return new CredentialFile(path, absolute.startsWith(homeAbsolute) && !absolute.equals(homeAbsolute)
                ? "~/" + homeAbsolute.relativize(absolute) : path.toString());
    }

    /**
     * The file's text without a leading UTF-8 byte order mark, or empty when there is no such
     * file. When {@code warnings} is not null and the file system has POSIX permissions, a file
     * that its group or others may read gets one warning line (it still works, as in ssh).
     *
     * @throws ConfigException when it is a symbolic link to nothing, or cannot be read
     */
    Optional<String> text(Consumer<Sentence> warnings) {
        if (!Files.exists(path)) {
            if (Files.isSymbolicLink(path)) {
                throw new ConfigException(new Sentence("auth.file.dangling-link", shown, target()));
            }
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException(new Sentence("auth.file.unreadable", shown, e.getClass().getSimpleName()));
        }
        if (warnings != null) {
            warnIfShared(warnings);
        }
        return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
    }

    /** Where the link points: a path, or a sentence when even that cannot be read. */
    private Object target() {
        try {
            Path target = Files.readSymbolicLink(path);
            return path.getParent() == null ? target.toString() : path.getParent().resolve(target).toString();
        } catch (IOException e) {
            return new Sentence("auth.file.a-missing-file");
        }
    }

    private void warnIfShared(Consumer<Sentence> warnings) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no POSIX permissions here (Windows, some mounted file systems)
        }
        String readers = permissions.contains(PosixFilePermission.OTHERS_READ) ? "auth.file.readable-by-others"
                : permissions.contains(PosixFilePermission.GROUP_READ) ? "auth.file.readable-by-group" : null;
        if (readers != null) {
            warnings.accept(new Sentence(readers, shown, mode(permissions)));
        }
    }

    /** {@code 0644}: the permission bits in octal, as ls and chmod show them. */
    private static String mode(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }
}
