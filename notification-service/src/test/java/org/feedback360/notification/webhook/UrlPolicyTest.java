package org.feedback360.notification.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URL policy as production configures it (https only, no allow-list); literal addresses need no DNS. */
class UrlPolicyTest {

    static final List<String> DENIED = List.of("localhost", "kafka", "keycloak", "*.svc.cluster.local");
    final UrlPolicy production = new UrlPolicy(false, List.of(), DENIED);

    @Test
    void productionAcceptsOnlyHttps() {
        assertEquals("http is not allowed: use https",
                assertThrows(UrlPolicy.Refused.class, () -> production.check("http://93.184.216.34/hook")).getMessage());
        UrlPolicy.Target target = production.check("https://93.184.216.34:8443/hooks/f360?x=1");
        assertTrue(target.https());
        assertEquals(8443, target.port());
        assertEquals("93.184.216.34", target.address().getHostAddress());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://127.0.0.1/|127.0.0.1 is a loopback address",
            "https://127.1/|the URL has no valid host name",
            "https://[::1]/|0:0:0:0:0:0:0:1 is a loopback address",
            "https://[::ffff:127.0.0.1]/|127.0.0.1 is a loopback address",
            "https://169.254.169.254/latest/meta-data/|169.254.169.254 is a link-local address (cloud metadata lives there)",
            "https://[fe80::1]/|fe80:0:0:0:0:0:0:1 is a link-local address (cloud metadata lives there)",
            "https://10.0.0.7/|10.0.0.7 is a private address",
            "https://172.31.255.1/|172.31.255.1 is a private address",
            "https://192.168.0.1/|192.168.0.1 is a private address",
            "https://[fd12:3456::1]/|fd12:3456:0:0:0:0:0:1 is a private address",
            "https://0.0.0.0/|0.0.0.0 is an unspecified address",
            "https://[::]/|0:0:0:0:0:0:0:0 is an unspecified address",
            "https://100.64.1.1/|100.64.1.1 is a shared (carrier-grade NAT) address",
            "https://[64:ff9b::a00:1]/|64:ff9b:0:0:0:0:a00:1 is a private address (embedded in IPv6)",
            "https://[2002:7f00:1::]/|2002:7f00:1:0:0:0:0:0 is a loopback address (embedded in IPv6)",
            "https://224.0.0.1/|224.0.0.1 is a multicast address",
            "https://[::ffff:0:a00:5]/|0:0:0:0:ffff:0:a00:5 is a private address (embedded in IPv6)",
            "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/|2001:0:4136:e378:8000:63bf:3fff:fdd2 is a Teredo tunnel address",
            "https://[100::1]/|100:0:0:0:0:0:0:1 is a discard-only address",
            "https://[64:ff9b:1::5db8:d822]/|64:ff9b:1:0:0:0:5db8:d822 is a local-use translation address",
            "https://[2001:db8::1]/|2001:db8:0:0:0:0:0:1 is a documentation address",
            "https://192.0.2.10/|192.0.2.10 is a documentation address",
            "https://203.0.113.80/|203.0.113.80 is a documentation address",
            "https://255.255.255.255/|255.255.255.255 is a reserved address",
            "https://2130706433/|host '2130706433' is an IP address in an ambiguous form: write it as a.b.c.d",
            "https://0x7f000001/|host '0x7f000001' is an IP address in an ambiguous form: write it as a.b.c.d",
            "https://0177.0.0.1/|host '0177.0.0.1' is an IP address in an ambiguous form: write it as a.b.c.d",
            "https://127.000.000.001/|host '127.000.000.001' is an IP address in an ambiguous form: write it as a.b.c.d",
            "https://93.184.216.034/|host '93.184.216.034' is an IP address in an ambiguous form: write it as a.b.c.d",
            "https://kafka:9092/|host 'kafka' is an internal host name",
            "https://KeyCloak./|host 'keycloak' is an internal host name",
            "https://postgres.db.svc.cluster.local/|host 'postgres.db.svc.cluster.local' is an internal host name",
            "https://user:secret@93.184.216.34/|the URL must not contain credentials",
            "https://93.184.216.34/#frag|the URL must not contain a fragment",
            "ftp://93.184.216.34/|the URL must use https",
            "https:///nohost|the URL has no valid host name",
            "https://nowhere.invalid/|host 'nowhere.invalid' does not resolve"})
    void refusesWithAReason(String url, String reason) {
        assertEquals(reason, assertThrows(UrlPolicy.Refused.class, () -> production.check(url)).getMessage());
    }

    /** Addresses as a resolver may hand them back: IPv6 objects built from raw bytes, never converted. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0:0:0:0:0:ffff:0a00:0005|a private address",                         // ::ffff:10.0.0.5, mapped
            "0:0:0:0:0:ffff:7f00:0001|a loopback address",                        // ::ffff:127.0.0.1
            "0:0:0:0:0:ffff:a9fe:a9fe|a link-local address (cloud metadata lives there)", // ::ffff:169.254.169.254
            "0:0:0:0:0:ffff:6440:0001|a shared (carrier-grade NAT) address",      // ::ffff:100.64.0.1
            "0:0:0:0:ffff:0:0a00:0005|a private address (embedded in IPv6)",      // ::ffff:0:10.0.0.5, translated
            "0:0:0:0:0:0:0a00:0005|a private address (embedded in IPv6)",         // ::10.0.0.5, compatible
            "0:0:0:0:0:0:5db8:d822|a reserved address",                           // ::93.184.216.34, deprecated
            "0:0:0:0:ffff:0:5db8:d822|a reserved address",                        // translated, public
            "0064:ff9b:0:0:0:0:0a00:0005|a private address (embedded in IPv6)",   // NAT64
            "0064:ff9b:0001:0:0:0:5db8:d822|a local-use translation address",
            "2002:0a00:0005:0:0:0:0:1|a private address (embedded in IPv6)",      // 6to4
            "2001:0:4136:e378:8000:63bf:3fff:fdd2|a Teredo tunnel address",
            "2001:0002:0:0:0:0:0:1|a reserved address",                           // benchmarking
            "2001:0010:0:0:0:0:0:1|a reserved address",                           // ORCHID
            "0100:0:0:0:0:0:0:1|a discard-only address",
            "0100:0:0:1:0:0:0:1|a dummy address",
            "2001:0db8:0:0:0:0:0:1|a documentation address",
            "3fff:0:0:0:0:0:0:1|a documentation address",
            "5f00:0:0:0:0:0:0:1|a reserved address",
            "fec0:0:0:0:0:0:0:1|a private address",
            "fd00:0:0:0:0:0:0:1|a private address",
            "fe80:0:0:0:0:0:0:1|a link-local address (cloud metadata lives there)",
            "ff02:0:0:0:0:0:0:1|a multicast address",
            "0:0:0:0:0:0:0:1|a loopback address",
            "0:0:0:0:0:0:0:0|an unspecified address",
            "4000:0:0:0:0:0:0:1|a reserved address"})                            // outside 2000::/3
    void refusesEveryFormOfASpecialPurposeAddress(String hex, String reason) throws Exception {
        assertEquals(reason, UrlPolicy.forbiddenRange(Inet6Address.getByAddress(null, bytes(hex), null)));
    }

    @ParameterizedTest
    @CsvSource({
            "0:0:0:0:0:ffff:5db8:d822",       // ::ffff:93.184.216.34
            "0064:ff9b:0:0:0:0:5db8:d822",    // NAT64 of a public address (DNS64 in an IPv6-only cluster)
            "2002:5db8:d822:0:0:0:0:1",       // 6to4 of a public address
            "2606:2800:0220:0001:0248:1893:25c8:1946"})
    void letsPublicAddressesThroughInEveryForm(String hex) throws Exception {
        assertNull(UrlPolicy.forbiddenRange(Inet6Address.getByAddress(null, bytes(hex), null)));
    }

    @Test
    void aNameResolvingToAMappedPrivateAddressIsRefusedAndTheCheckedAddressIsIPv4() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null, bytes("0:0:0:0:0:ffff:0a00:0005"), null);
        InetAddress mappedPublic = Inet6Address.getByAddress(null, bytes("0:0:0:0:0:ffff:5db8:d822"), null);
        HostResolver dns = new HostResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return host.equals("evil.example") ? new InetAddress[] {mappedPublic, mapped}
                        : new InetAddress[] {mappedPublic};
            }
        };
        UrlPolicy policy = new UrlPolicy(false, List.of(), DENIED, dns);
        assertEquals("host 'evil.example' resolves to 10.0.0.5, a private address",
                assertThrows(UrlPolicy.Refused.class, () -> policy.check("https://evil.example/hook")).getMessage());
        InetAddress target = policy.check("https://good.example/hook").address();
        assertInstanceOf(Inet4Address.class, target);
        assertEquals("93.184.216.34", target.getHostAddress());
    }

    @Test
    void refusesTheDocumentationAndReservedIPv4Ranges() throws Exception {
        for (String address : List.of("192.0.2.1", "198.51.100.7", "203.0.113.9")) {
            assertEquals("a documentation address", UrlPolicy.forbiddenRange(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("192.0.0.9", "192.88.99.1", "198.19.0.1", "240.0.0.1", "255.255.255.255")) {
            assertEquals("a reserved address", UrlPolicy.forbiddenRange(InetAddress.getByName(address)), address);
        }
        assertNull(UrlPolicy.forbiddenRange(InetAddress.getByName("93.184.216.34")));
    }

    @Test
    void numericHostFormsAreRefused() {
        for (String host : List.of("2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.1", "017700000001")) {
            assertThrows(UrlPolicy.Refused.class, () -> production.check("https://" + host + "/hook"), host);
        }
    }

    private static byte[] bytes(String hex) {
        String[] groups = hex.split(":");
        assertEquals(8, groups.length, hex);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            int group = Integer.parseInt(groups[i], 16);
            b[2 * i] = (byte) (group >> 8);
            b[2 * i + 1] = (byte) group;
        }
        return b;
    }

    @Test
    void theAllowListOpensExactlyWhatItNames() {
        UrlPolicy test = new UrlPolicy(true, List.of("127.0.0.1/32"), DENIED);
        assertEquals("127.0.0.1", test.check("http://127.0.0.1:8080/hook").address().getHostAddress());
        assertThrows(UrlPolicy.Refused.class, () -> test.check("http://127.0.0.2:8080/hook"));
        assertThrows(UrlPolicy.Refused.class, () -> test.check("http://localhost:8080/hook"));
        UrlPolicy range = new UrlPolicy(true, List.of("10.1.0.0/16"), DENIED);
        range.check("http://10.1.200.3/");
        assertThrows(UrlPolicy.Refused.class, () -> range.check("http://10.2.0.1/"));
    }
}
