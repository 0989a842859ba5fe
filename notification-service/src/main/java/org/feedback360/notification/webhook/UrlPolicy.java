package org.feedback360.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
    private final HostResolver resolver;

    @Inject
    public UrlPolicy(WebhookConfig config, HostResolver resolver) {
        this(config.allowHttp(), config.allowedAddresses().orElse(List.of()), config.deniedHosts(), resolver);
    }

    public UrlPolicy(boolean allowHttp, List<String> allowedAddresses, List<String> deniedHosts) {
        this(allowHttp, allowedAddresses, deniedHosts, new HostResolver());
    }

    UrlPolicy(boolean allowHttp, List<String> allowedAddresses, List<String> deniedHosts, HostResolver resolver) {
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        this.allowed = allowedAddresses.stream().map(Cidr::parse).toList();
        this.deniedHosts = deniedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Checks the URL and every address its host resolves to; the first address is the one to use. */
    public Target check(String url) {
        URI uri = syntax(url);
        String host = hostOf(uri);
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host '" + host + "' does not resolve");
        }
        InetAddress[] addresses = new InetAddress[resolved.length];
        for (int i = 0; i < resolved.length; i++) {
            InetAddress address = normalised(resolved[i]);
            String range = forbiddenRange(address);
            if (range != null && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new Refused(isLiteral(host)
                        ? address.getHostAddress() + " is " + range
                        : "host '" + host + "' resolves to " + address.getHostAddress() + ", " + range);
            }
            addresses[i] = address;
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
        // A name ending in a number is an IPv4 address to browsers and to inet_aton, which read
        // 2130706433, 0x7f000001 or 0177.0.0.1 as 127.0.0.1 while the JDK reads them otherwise:
        // only the one form every parser agrees on is accepted.
        if (host.indexOf(':') < 0 && NUMERIC_LABEL.matcher(host.substring(host.lastIndexOf('.') + 1)).matches()
                && !DOTTED_QUAD.matcher(host).matches()) {
            throw new Refused("host '" + host + "' is an IP address in an ambiguous form: write it as a.b.c.d");
        }
        return host;
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /**
     * The address as the network sees it: an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the
     * IPv4 address itself, whichever of the two forms the resolver handed back.
     */
    static InetAddress normalised(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.getAddress().length + " bytes", e);
        }
    }

    /**
     * The forbidden range an address falls into, or null when it may be called. The ranges are
     * those of the IANA special-purpose address registries that are not globally reachable, plus
     * documentation, benchmarking and deprecated ones; IPv4 carried inside IPv6 is judged as IPv4.
     */
    static String forbiddenRange(InetAddress address) {
        InetAddress a = normalised(address);
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return rangeOf(SPECIAL_V4, b);
        }
        String special = rangeOf(SPECIAL_V6, b);
        if (special != null) {
            return special;
        }
        byte[] embedded = embeddedV4(b);
        if (embedded != null) {
            String range = rangeOf(SPECIAL_V4, embedded);
            if (range != null) {
                return range + " (embedded in IPv6)";
            }
        }
        // Global unicast is 2000::/3; outside it only NAT64 (64:ff9b::/96) reaches a public host.
        boolean globalUnicast = (b[0] & 0xe0) == 0x20;
        return globalUnicast || NAT64.contains(b) ? null : "a reserved address";
    }

    private static String rangeOf(List<Special> ranges, byte[] address) {
        for (Special s : ranges) {
            if (s.range().contains(address)) {
                return s.reason();
            }
        }
        return null;
    }

    /**
     * The IPv4 address carried inside an IPv6 one: mapped ::ffff:a.b.c.d, translated
     * ::ffff:0:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::.
     */
    static byte[] embeddedV4(byte[] b) {
        if (MAPPED.contains(b) || TRANSLATED.contains(b) || COMPATIBLE.contains(b) || NAT64.contains(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private record Special(Cidr range, String reason) {
    }

    private static Special special(String cidr, String reason) {
        return new Special(Cidr.parse(cidr), reason);
    }

    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private static final String UNSPECIFIED = "an unspecified address";
    private static final String LOOPBACK = "a loopback address";
    private static final String LINK_LOCAL = "a link-local address (cloud metadata lives there)";
    private static final String PRIVATE = "a private address";
    private static final String MULTICAST = "a multicast address";
    private static final String RESERVED = "a reserved address";
    private static final String DOCUMENTATION = "a documentation address";

    private static final List<Special> SPECIAL_V4 = List.of(
            special("0.0.0.0/8", UNSPECIFIED),
            special("10.0.0.0/8", PRIVATE),
            special("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            special("127.0.0.0/8", LOOPBACK),
            special("169.254.0.0/16", LINK_LOCAL),
            special("172.16.0.0/12", PRIVATE),
            special("192.0.0.0/24", RESERVED),          // IETF protocol assignments
            special("192.0.2.0/24", DOCUMENTATION),
            special("192.88.99.0/24", RESERVED),        // deprecated 6to4 relay anycast
            special("192.168.0.0/16", PRIVATE),
            special("198.18.0.0/15", RESERVED),         // benchmarking
            special("198.51.100.0/24", DOCUMENTATION),
            special("203.0.113.0/24", DOCUMENTATION),
            special("224.0.0.0/4", MULTICAST),
            special("240.0.0.0/4", RESERVED));          // includes the broadcast 255.255.255.255

    private static final List<Special> SPECIAL_V6 = List.of(
            special("::/128", UNSPECIFIED),
            special("::1/128", LOOPBACK),
            special("64:ff9b:1::/48", "a local-use translation address"),
            special("100::/64", "a discard-only address"),
            special("100:0:0:1::/64", "a dummy address"),
            special("2001::/32", "a Teredo tunnel address"),
            special("2001::/23", RESERVED),             // IETF protocol assignments: benchmarking, ORCHID, anycast
            special("2001:db8::/32", DOCUMENTATION),
            special("3fff::/20", DOCUMENTATION),
            special("5f00::/16", RESERVED),             // SRv6 segment identifiers
            special("fc00::/7", PRIVATE),
            special("fe80::/10", LINK_LOCAL),
            special("fec0::/10", PRIVATE),              // deprecated site-local
            special("ff00::/8", MULTICAST));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr TRANSLATED = Cidr.parse("::ffff:0:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    /** An address range in CIDR notation; a bare address is a range of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            try {
                byte[] network = literal(parts[0]);
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address or CIDR range: " + text, e);
            }
        }

        /** The bytes of an address literal; an IPv6 literal stays 16 bytes even where it maps IPv4. */
        private static byte[] literal(String text) throws UnknownHostException {
            if (text.indexOf(':') < 0) {
                return InetAddress.getByName(text).getAddress();
            }
            InetAddress parsed = InetAddress.getByName(text);
            if (parsed instanceof Inet4Address v4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
                return mapped;
            }
            return parsed.getAddress();
        }

        boolean contains(InetAddress address) {
            return contains(normalised(address).getAddress());
        }

        boolean contains(byte[] a) {
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
