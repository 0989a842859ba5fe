package org.feedback360.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a webhook may call. A subscription must never turn this service into a proxy into
 * the platform's own network (SSRF): loopback, link-local (cloud metadata), private, shared and
 * reserved ranges and the internal host names are refused, both when a subscription is saved and
 * again before every attempt, because DNS can change in between. The worker then connects to the
 * very address that was checked, so a second lookup cannot swap it.
 */
@ApplicationScoped
public class UrlPolicy {

    /** Why a URL is refused; the message is shown to the caller as is. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A URL that passed, with the address to connect to. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    private final boolean allowHttp;
    private final List<Cidr> allowed;
    private final List<String> deniedHosts;

    @Inject
    public UrlPolicy(WebhookConfig config) {
        this(config.allowHttp(), config.allowedAddresses().orElse(List.of()), config.deniedHosts());
    }

    public UrlPolicy(boolean allowHttp, List<String> allowedAddresses, List<String> deniedHosts) {
        this.allowHttp = allowHttp;
        this.allowed = allowedAddresses.stream().map(Cidr::parse).toList();
        this.deniedHosts = deniedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Checks the URL and every address its host resolves to; the first address is the one to use. */
    public Target check(String url) {
        URI uri = syntax(url);
        String host = hostOf(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            String range = forbiddenRange(address);
            if (range != null && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new Refused(isLiteral(host)
                        ? address.getHostAddress() + " is " + range
                        : "host '" + host + "' resolves to " + address.getHostAddress() + ", " + range);
            }
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, host, port, https, addresses[0]);
    }

    private URI syntax(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(scheme.equals("http") ? "http is not allowed: use https" : "the URL must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("the URL must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("the URL must not contain a fragment");
        }
        if (uri.getHost() == null) {
            throw new Refused("the URL has no valid host name");
        }
        return uri;
    }

    private String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String denied : deniedHosts) {
            if (denied.startsWith("*.") ? host.endsWith(denied.substring(1)) || host.equals(denied.substring(2))
                    : host.equals(denied)) {
                throw new Refused("host '" + host + "' is an internal host name");
            }
        }
        return host;
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** The forbidden range an address falls into, or null when it may be called. */
    static String forbiddenRange(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata lives there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private address";
            }
            byte[] embedded = embeddedV4(b);
            if (embedded != null) {
                try {
                    String range = forbiddenRange(InetAddress.getByAddress(embedded));
                    return range == null ? null : range + " (embedded in IPv6)";
                } catch (UnknownHostException e) {
                    return "an address that cannot be checked";
                }
            }
        }
        return null;
    }

    private static String forbiddenV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "an unspecified address";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "a shared (carrier-grade NAT) address";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "a reserved address";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "a reserved address";
        }
        if (first >= 240) {
            return "a reserved address";
        }
        return null;
    }

    /** IPv4 carried inside IPv6 (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16). */
    private static byte[] embeddedV4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (zeroPrefix || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    /** An address range in CIDR notation; a bare address is a range of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address or CIDR range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
