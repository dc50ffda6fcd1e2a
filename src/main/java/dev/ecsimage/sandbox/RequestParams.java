package dev.ecsimage.sandbox;

import java.util.Map;

/**
 * Reading an action's parameters the way the service does: an empty value counts as absent, a
 * missing required one is MissingParameter, a malformed one InvalidParameter naming it.
 */
final class RequestParams {
    private RequestParams() {}

    /** A parameter's value; an empty value counts as absent, as in the service. */
    static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    static String required(Map<String, String> params, String name) {
        String v = value(params, name);
        if (v == null) {
            throw ErrorCode.MISSING_PARAMETER.error("The input parameter \"" + name
                    + "\" that is mandatory for processing this request is not supplied.");
        }
        return v;
    }

    static ApiError invalid(String name) {
        return ErrorCode.INVALID_PARAMETER.error("The specified parameter \"" + name + "\" is not valid.");
    }

    /** {@code true} or {@code false} in any case; absent is false. */
    static boolean bool(Map<String, String> params, String name) {
        Boolean b = optionalBool(params, name);
        return b != null && b;
    }

    /** {@code true} or {@code false} in any case; null when absent. */
    static Boolean optionalBool(Map<String, String> params, String name) {
        String v = value(params, name);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw invalid(name);
    }

    /** A whole number in {@code [min, max]}; {@code absent} when not sent. */
    static int number(Map<String, String> params, String name, int min, int max, int absent) {
        String v = value(params, name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw invalid(name);
    }
}
