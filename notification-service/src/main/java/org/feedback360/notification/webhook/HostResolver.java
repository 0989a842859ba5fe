package org.feedback360.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks host names up with the system resolver. A lookup may block for many seconds, so the
 * delivery worker bounds it in time; a bean of its own so that a test can stand in a name server
 * that stalls, which no test machine provides for real.
 */
@ApplicationScoped
public class HostResolver {

    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
