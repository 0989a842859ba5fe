package org.feedback360.gateway.proxy;

/**
 * Why a proxied call ended without a usable answer, as far as the gateway's answer to the
 * client is concerned. Only {@link Kind#counted} kinds count against the upstream's circuit breaker.
 */
final class UpstreamException extends RuntimeException {

    enum Kind {
        /** No connection could be had: refused, unreachable, the TCP connect timed out. */
        UNAVAILABLE(true),
        /** Every pooled connection stayed busy past the pool wait: the upstream is there, but loaded. */
        BUSY(false),
        /** The upstream stayed silent past the route's timeout. */
        TIMEOUT(true),
        /** The connection broke before an answer. */
        FAILED(true),
        /** The client's body went past the limit while streaming: the client's fault. */
        BODY_TOO_LARGE(false),
        /** The client went away: nobody to answer. */
        CLIENT_GONE(false);

        final boolean counted;

        Kind(boolean counted) {
            this.counted = counted;
        }
    }

    final Kind kind;

    UpstreamException(Kind kind, Throwable cause) {
        super(kind.name(), cause, false, false);
        this.kind = kind;
    }
}
