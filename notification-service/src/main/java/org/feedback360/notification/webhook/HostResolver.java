package org.feedback360.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks host names up with the system resolver. A bean of its own so the URL policy's lookups can
 * be observed apart from it: a lookup may block for many seconds, and callers bound it in time.
 */
@ApplicationScoped
public class HostResolver {

    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
