package org.feedback360.gateway.observability;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The access log's handler: a buffered writer, as nginx's {@code access_log ... buffer= flush=}.
 * Lines are queued without locks or wake-ups and written to standard output in batches every
 * {@value #FLUSH_MILLIS} ms by one thread, one write per batch. (Quarkus' asynchronous console
 * handler writes and flushes every record on its own; at gateway rates that was a write call per
 * request and about a seventh of the gateway's CPU.)
 * <p>
 * It is a logging handler on the {@code feedback360.access} category, so the logging
 * configuration still decides whether access lines are written at all (its level). The event
 * loop never waits for it: past {@value #MAX_QUEUED} queued lines, lines are dropped and counted.
 */
public final class AccessLogWriter extends Handler {

    static final int FLUSH_MILLIS = 20;
    static final int MAX_QUEUED = 100_000;
    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class);
    private static final byte[] NEWLINE = {'\n'};

    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final PrintStream out;
    private final Thread writer;
    private volatile boolean open = true;

    public AccessLogWriter(PrintStream out) {
        this.out = out;
        this.writer = new Thread(this::run, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (!open || !isLoggable(record)) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.offer(record.getMessage());
    }

    private void run() {
        byte[] buffer = new byte[64 * 1024];
        while (open || !queue.isEmpty()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS));
            try {
                drain(buffer);
            } catch (RuntimeException | IOException e) {
                LOG.warn("Cannot write the access log", e);
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warnf("%d access log lines dropped: more arrived than could be written", lost);
            }
        }
    }

    private void drain(byte[] buffer) throws IOException {
        int length = 0;
        for (String line; (line = queue.poll()) != null; ) {
            queued.decrementAndGet();
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (length + bytes.length + 1 > buffer.length) {
                write(buffer, length);
                length = 0;
            }
            if (bytes.length + 1 > buffer.length) {
                write(bytes, bytes.length);
                write(NEWLINE, 1);
            } else {
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
                buffer[length++] = '\n';
            }
        }
        write(buffer, length);
    }

    /** Whole lines per write, on the same stream as the console log, so lines of the two never mix. */
    private void write(byte[] bytes, int length) throws IOException {
        if (length > 0) {
            OutputStream stream = out;
            stream.write(bytes, 0, length);
            stream.flush();
        }
    }

    @Override
    public void flush() {
        // Written every FLUSH_MILLIS by the writer thread.
    }

    @Override
    public void close() {
        open = false;
        LockSupport.unpark(writer);
        try {
            writer.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
