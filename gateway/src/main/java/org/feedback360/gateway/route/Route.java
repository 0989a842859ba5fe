package org.feedback360.gateway.route;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** One entry of the route table: where requests under these path prefixes go. */
public record Route(String id, List<String> paths, URI target, Duration connectTimeout, Duration timeout,
                    int maxConnections) {

    public int port() {
        if (target.getPort() > 0) {
            return target.getPort();
        }
        return "https".equals(target.getScheme()) ? 443 : 80;
    }

    public boolean tls() {
        return "https".equals(target.getScheme());
    }
}
