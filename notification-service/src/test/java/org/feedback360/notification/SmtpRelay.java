package org.feedback360.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of the tests' GreenMail that can hold the end of each mail's data for a
 * while before passing it on: a slow SMTP server, with the real protocol on both sides.
 */
public final class SmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration hold = Duration.ZERO;

    private SmtpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    static SmtpRelay start(int targetPort) {
        try {
            return new SmtpRelay(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on each mail reaches the server {@code hold} after the client finished sending it. */
    public void holdEachMail(Duration hold) {
        this.hold = hold;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                threads.submit(() -> pump(client, upstream, true));
                threads.submit(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed, or GreenMail refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to, boolean holdingMail) {
        byte[] buffer = new byte[8192];
        byte[] tail = new byte[0];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (holdingMail) {
                    byte[] seen = new byte[tail.length + n];
                    System.arraycopy(tail, 0, seen, 0, tail.length);
                    System.arraycopy(buffer, 0, seen, tail.length, n);
                    if (contains(seen, END_OF_DATA) && !hold.isZero()) {
                        Thread.sleep(hold.toMillis());
                    }
                    tail = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - END_OF_DATA.length + 1), seen.length);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(from);
            close(to);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdownNow();
    }
}
