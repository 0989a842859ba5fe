package org.feedback360.gateway.filter;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request a correlation id ({@code X-Request-Id}) and a W3C {@code traceparent},
 * passing on well-formed ones from the client and replacing anything else, so logs of the
 * gateway and of every service can be joined on them. Both go upstream and back to the client.
 * <p>
 * New ids come from {@link ThreadLocalRandom}: they must be unique, not secret, and
 * {@code SecureRandom} would make every event loop queue on one lock.
 */
public final class CorrelationFilter implements GatewayFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final int MAX_REQUEST_ID_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void filter(Exchange exchange) {
        HttpServerRequest request = exchange.context().request();
        MultiMap headers = request.headers();
        String requestId = headers.get(REQUEST_ID);
        if (!isSafeRequestId(requestId)) {
            requestId = newRequestId();
        }
        String traceparent = headers.get(TRACEPARENT);
        if (!isValidTraceparent(traceparent)) {
            traceparent = newTraceparent();
            // A tracestate belongs to the trace it came with; that trace is gone.
            headers.remove(TRACESTATE);
        }
        exchange.correlate(requestId, traceparent);
        exchange.context().response().headers()
                .set(REQUEST_ID, requestId)
                .set(TRACEPARENT, traceparent);
        exchange.next();
    }

    /** 1 to 128 of letters, digits and {@code . _ : -}: safe in logs and headers alike. */
    static boolean isSafeRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_REQUEST_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Version 00 exactly as W3C Trace Context defines it: {@code 00-<32 hex>-<16 hex>-<2 hex>},
     * lower case, with neither id all zeros.
     */
    static boolean isValidTraceparent(String value) {
        if (value == null || value.length() != 55 || !value.startsWith("00-")
                || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        return isLowerHex(value, 3, 35) && isLowerHex(value, 36, 52) && isLowerHex(value, 53, 55)
                && !isZeros(value, 3, 35) && !isZeros(value, 36, 52);
    }

    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // The layout of a version 4 UUID, so tools that expect one are happy.
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = "00-00000000000000000000000000000000-0000000000000000-01".toCharArray();
        long high;
        long low;
        long span;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        do {
            span = random.nextLong();
        } while (span == 0);
        hex(high, out, 3);
        hex(low, out, 19);
        hex(span, out, 36);
        return new String(out);
    }

    private static void hex(long value, char[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    private static boolean isLowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
