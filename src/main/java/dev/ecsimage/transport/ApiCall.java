package dev.ecsimage.transport;

import java.util.Map;

/** One RPC call of the ECS API, before signing: the region decides the endpoint. */
public record ApiCall(String region, String action, Map<String, String> params) {
    public static final String ECS_VERSION = "2014-05-26";
}
