package dev.ecsimage.transport;

import java.net.URI;

/**
 * Where a region's ECS API lives: {@code https://ecs.<region>.aliyuncs.com} (the official SDK's
 * exception {@code cn-hangzhou} → {@code ecs-cn-hangzhou.aliyuncs.com}), {@code ecs-vpc.<region>}
 * on the VPC network, or one fixed URL for every region ({@code --endpoint}, {@code ECS_IMAGE_ENDPOINT}).
 */
public final class Endpoints {
    public enum Network { PUBLIC, VPC }

    private final Network network;
    private final URI override;

    private Endpoints(Network network, URI override) {
        this.network = network;
        this.override = override;
    }

    public static Endpoints of(Network network) {
        return new Endpoints(network, null);
    }

    /** One URL for every region; {@code http://127.0.0.1:PORT} works. */
    public static Endpoints fixed(URI url) {
        return new Endpoints(Network.PUBLIC, url);
    }

    public URI forRegion(String region) {
        if (override != null) {
            return override;
        }
        if (network == Network.VPC) {
            return URI.create("https://ecs-vpc." + region + ".aliyuncs.com");
        }
        if (region.equals("cn-hangzhou")) {
            return URI.create("https://ecs-cn-hangzhou.aliyuncs.com");
        }
        return URI.create("https://ecs." + region + ".aliyuncs.com");
    }

    /** The signed host: the URL's host, with the port when it has one. */
    public static String host(URI url) {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}
