package dev.ecsimage.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code NO_PROXY} as curl reads it: a comma (or space) separated list of hosts that are reached
 * directly. {@code *} alone matches every host; {@code example.com}, {@code .example.com} and
 * {@code *.example.com} match that domain and every host under it; {@code host:port} (or
 * {@code [v6]:port}) only that port; an IP address matches itself and {@code 10.0.0.0/8} or
 * {@code fd00::/8} a range, for hosts given as IP addresses (names are never resolved here).
 */
final class NoProxyList {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final String[] entries;

    NoProxyList(String value) {
        this.entries = value == null ? new String[0] : value.trim().split("[,\\s]+");
    }

    /** @param port the port the request goes to (the scheme's default when the URL has none) */
    boolean matches(String host, int port) {
        if (host == null) {
            return false;
        }
        String h = normalise(host);
        byte[] hostIp = ip(h);
        for (String raw : entries) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            if (matches(e, h, hostIp, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String host, byte[] hostIp, int port) {
        String name = entry;
        int entryPort = -1;
        int bits = -1;
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            if (close < 0) {
                return false;
            }
            String rest = name.substring(close + 1);
            name = name.substring(1, close);
            if (rest.startsWith(":")) {
                entryPort = number(rest.substring(1));
            }
        } else if (name.indexOf('/') >= 0) {
            bits = number(name.substring(name.indexOf('/') + 1));
            name = name.substring(0, name.indexOf('/'));
        } else if (name.indexOf(':') >= 0 && name.indexOf(':') == name.lastIndexOf(':')) {
            entryPort = number(name.substring(name.indexOf(':') + 1));
            name = name.substring(0, name.indexOf(':'));
        }
        if (bits < -1 || (entryPort != -1 && entryPort != port)) {
            return false;
        }
        byte[] entryIp = ip(name);
        if (entryIp != null) {
            return hostIp != null && inRange(hostIp, entryIp, bits);
        }
        if (bits != -1) {
            return false;
        }
        String suffix = normalise(name.startsWith("*.") ? name.substring(2) : name.startsWith(".") ? name.substring(1) : name);
        return !suffix.isEmpty() && (host.equals(suffix) || host.endsWith("." + suffix));
    }

    /** Whether the first {@code bits} bits agree (all of them when {@code bits} is -1). */
    private static boolean inRange(byte[] host, byte[] network, int bits) {
        if (host.length != network.length) {
            return false;
        }
        int n = bits < 0 ? host.length * 8 : Math.min(bits, host.length * 8);
        for (int i = 0; i < n; i++) {
            int mask = 0x80 >> (i % 8);
            if ((host[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The address of an IP literal, without any name lookup; null for a name. */
    private static byte[] ip(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            return null;
        }
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal is parsed, never looked up; brackets make sure a malformed IPv6 one is not
            return InetAddress.getByName(v4 ? text : "[" + text + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -2; // matches no port and no prefix length
        }
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
