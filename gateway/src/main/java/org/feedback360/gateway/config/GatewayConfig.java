package org.feedback360.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway's route table and filter settings, all overridable from the environment. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by id; a request goes to the route with the longest matching path prefix. */
    Map<String, Route> routes();

    /** Incoming headers that claim an identity; removed so no client can assert one. */
    List<String> strippedHeaders();

    /** Longest request URI (path and query) the gateway accepts; longer is 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest declared request body; larger is 413 before anything is read or proxied. */
    @WithDefault("1048576")
    long maxBodyBytes();

    interface Route {
        /** Path prefixes, matched on whole segments ("/api/v1/me" matches "/api/v1/me/x", not "/api/v1/meet"). */
        List<String> paths();

        /** Base URL of the upstream service, e.g. http://127.0.0.1:8081 */
        String target();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest the upstream may stay silent before the client gets a 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("50")
        int maxConnections();
    }
}
