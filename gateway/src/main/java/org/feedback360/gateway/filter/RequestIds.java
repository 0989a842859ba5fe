package org.feedback360.gateway.filter;

/** Where the request's correlation id lives while the gateway handles it. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "feedback360.requestId";

    private RequestIds() {
    }
}
