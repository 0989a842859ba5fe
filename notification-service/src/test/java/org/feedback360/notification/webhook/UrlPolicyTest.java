package org.feedback360.notification.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
