package org.feedback360.gateway.filter;

/**
 * One step of the gateway's request pipeline, as in Spring Cloud Gateway: a filter either
 * answers the request itself or hands it on with {@link Exchange#next()}.
 */
@FunctionalInterface
public interface GatewayFilter {

    void filter(Exchange exchange);
}
