package org.feedback360.notification.webhook;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The system resolver, except for names under {@value #DOMAIN}: they answer 127.0.0.1 only after
 * {@link #STALL}, as a name server that stalls would. The machine's real resolver answers at once
 * (or refuses), and pointing it at a stalling server would change the whole machine.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class StallingNameServer extends HostResolver {

    static final String DOMAIN = "stalling-dns.test";
    static final Duration STALL = Duration.ofSeconds(3);

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!host.endsWith("." + DOMAIN)) {
            return super.resolve(host);
        }
        try {
            Thread.sleep(STALL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    }
}
