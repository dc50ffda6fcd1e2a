package dev.ecsimage.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code ecs-image 0.1.0} for picocli's {@code --version} ({@link Version} has the line). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Version.line()};
    }
}
