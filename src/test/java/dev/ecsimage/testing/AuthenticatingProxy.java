package dev.ecsimage.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP proxy on 127.0.0.1 that wants Basic credentials: a request without the right
 * {@code Proxy-Authorization} gets 407 (with a Basic challenge); a CONNECT with it gets a tunnel,
 * a plain request is forwarded. Target hosts are mapped to local ports, so no name is resolved.
 * Records the head of every request it sees.
 */
public final class AuthenticatingProxy implements AutoCloseable {
    /** One request as the proxy saw it. */
    public record Seen(String method, String target, String proxyAuthorization) {
    }

    private final ServerSocket server;
    private final String expected;
    private final Map<String, Integer> targets;
    private final List<Seen> seen = new ArrayList<>();

    public AuthenticatingProxy(String user, String password, Map<String, Integer> targets) throws IOException {
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.targets = targets;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "test-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line : head.subList(1, head.size())) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                synchronized (this) {
                    seen.add(new Seen(requestLine[0], requestLine[1], headers.get("proxy-authorization")));
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                if (!expected.equals(headers.get("proxy-authorization"))) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Type: text/plain\r\nContent-Length: 13\r\n\r\nwho are you?\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                if (requestLine[0].equals("CONNECT")) {
                    try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port(requestLine[1].split(":")[0]))) {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        pipe(client, target);
                    }
                    return;
                }
                java.net.URI uri = java.net.URI.create(requestLine[1]);
                try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port(uri.getHost()))) {
                    StringBuilder forwarded = new StringBuilder(requestLine[0] + " " + uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
                    head.subList(1, head.size()).stream().filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("proxy-"))
                            .forEach(l -> forwarded.append(l).append("\r\n"));
                    forwarded.append("Connection: close\r\n\r\n");
                    target.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                    target.getOutputStream().write(body);
                    target.getOutputStream().flush();
                    target.getInputStream().transferTo(out);
                }
                return;
            }
        } catch (IOException e) {
            // a side went away
        }
    }

    private int port(String host) {
        Integer port = targets.get(host);
        if (port == null) {
            throw new IllegalStateException("the test proxy knows no " + host);
        }
        return port;
    }

    /** Copies both ways until either side closes. */
    private static void pipe(Socket a, Socket b) throws IOException {
        Thread back = new Thread(() -> {
            try {
                b.getInputStream().transferTo(a.getOutputStream());
            } catch (IOException e) {
                // closed
            } finally {
                try {
                    a.shutdownOutput();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }, "test-proxy-pipe");
        back.setDaemon(true);
        back.start();
        try {
            a.getInputStream().transferTo(b.getOutputStream());
        } catch (IOException e) {
            // closed
        }
    }

    /** The lines of a request head, without the blank line; empty at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
