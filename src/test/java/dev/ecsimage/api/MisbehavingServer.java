package dev.ecsimage.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server on 127.0.0.1 that reads each request's head and then behaves badly, byte by
 * byte: drips, never stops, or never answers. Counts connections and how many of them ended
 * (the client closed or aborted them).
 */
final class MisbehavingServer implements AutoCloseable {
    /** What to do once a request's head is read. Return to close the connection. */
    @FunctionalInterface
    interface Behaviour {
        void answer(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    MisbehavingServer(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        Thread acceptor = new Thread(this::accept, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Waits (at most {@code seconds}) until every connection so far has ended; how many have. */
    int ended(int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (ended.get() < connections.get() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return ended.get();
    }

    /** Sends {@code text} one byte every {@code millis} ms, forever (until the client goes). */
    static void drip(OutputStream out, String text, long millis) throws IOException, InterruptedException {
        for (int i = 0; ; i = (i + 1) % text.length()) {
            out.write(text.charAt(i));
            out.flush();
            Thread.sleep(millis);
        }
    }

    /** Answers nothing and waits until the client closes the connection. */
    static void silence(InputStream in) throws IOException {
        while (in.read() != -1) {
            // the request has no body: nothing more should come
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(socket), "misbehaving-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            readHead(socket.getInputStream());
            behaviour.answer(socket.getInputStream(), socket.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the client closed or aborted the connection: what the tests wait for
        } finally {
            ended.incrementAndGet();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return; // the transport's requests have an empty body (signature v3)
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
