package org.lookout.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlsTest {

    /** DNS as a table: the test decides what a name resolves to. */
    private final Map<String, List<InetAddress>> dns = new HashMap<>();
    private final OutboundUrls urls = new OutboundUrls(Set.of(), this::resolve);

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> found = dns.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    private void answer(String host, String... addresses) throws UnknownHostException {
        List<InetAddress> list = new java.util.ArrayList<>();
        for (String address : addresses) {
            list.add(InetAddress.getByName(address));
        }
        dns.put(host, list);
    }

    @Test
    void acceptsHttpsToAPublicNameAndPinsItsAddress() throws UnknownHostException {
        answer("hooks.example.org", "93.184.215.14");

        OutboundTarget target = urls.check("https://hooks.example.org/lookout?x=1");

        assertThat(target.host()).isEqualTo("hooks.example.org");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.https()).isTrue();
        assertThat(target.pinned().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(target.requestUri()).isEqualTo("/lookout?x=1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // the addresses issue 12 found stored in the agency directory
            "http://127.0.0.1:15432/", "https://169.254.169.254/latest/meta-data/iam", "https://2130706433/",
            "https://[::1]:8083/hook", "https://127.0.0.1.nip.io/", "https://hooks.example.org:99999/",
            // more of the same
            "https://127.0.0.1/", "https://10.0.0.8/", "https://172.16.4.4/", "https://192.168.1.1/", "https://0.0.0.0/",
            "https://100.64.0.1/", "https://224.0.0.1/", "https://255.255.255.255/", "https://0x7f000001/",
            "https://0177.0.0.1/", "https://127.1/", "https://017700000001/", "https://[::]/", "https://[fd00:ec2::254]/",
            "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[64:ff9b::a00:1]/",
            "https://[2002:7f00:1::1]/", "https://[::127.0.0.1]/", "https://localhost/", "https://api.localhost/",
            "https://metadata.google.internal/", "https://db.internal/", "https://printer.local/",
            "https://10-0-0-1.sslip.io/", "https://app.10.0.0.1.example.org/", "https://hook-10-0-0-1.example.org/",
            "https://user:pw@hooks.example.org/", "ftp://hooks.example.org/", "http://hooks.example.org/", "not a url",
            "https:///nohost", "https://hooks.example.org:0/", "https://nowhere.example.org/" })
    void refuses(String url) throws UnknownHostException {
        answer("hooks.example.org", "93.184.215.14");

        assertThatThrownBy(() -> urls.check(url)).isInstanceOf(UnsafeUrlException.class)
                .satisfiesAnyOf(e -> assertThat(e).hasMessageStartingWith("must"),
                        e -> assertThat(e).hasMessageStartingWith("an IP address must be written as four decimal numbers"),
                        e -> assertThat(e).hasMessageContaining("does not resolve"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "evil.example.org, 10.1.2.3", "evil.example.org, 169.254.169.254", "evil.example.org, ::1",
            "evil.example.org, fc00::5" })
    void refusesANameWithAnyPrivateAddress(String host, String privateAddress) throws UnknownHostException {
        answer(host, "93.184.215.14", privateAddress);

        assertThatThrownBy(() -> urls.check("https://" + host + "/hook")).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining(InetAddress.getByName(privateAddress).getHostAddress());
    }

    @Test
    void checksAgainWhenDnsChanged() throws UnknownHostException {
        answer("hooks.example.org", "93.184.215.14");
        OutboundTarget registered = urls.check("https://hooks.example.org/lookout");

        answer("hooks.example.org", "127.0.0.1");

        assertThatThrownBy(() -> urls.recheck(registered.uri())).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void anAllowedHostMayBeLocalAndPlainHttp() {
        OutboundUrls local = new OutboundUrls(Set.of("127.0.0.1"), HostResolver.SYSTEM);

        OutboundTarget target = local.check("http://127.0.0.1:9099/hook");

        assertThat(target.pinned().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(target.port()).isEqualTo(9099);
        assertThatThrownBy(() -> local.check("http://127.0.0.2:9099/hook")).isInstanceOf(UnsafeUrlException.class);
        assertThatThrownBy(() -> local.check("http://127.0.0.1:70000/hook")).isInstanceOf(UnsafeUrlException.class);
    }

    @Test
    void acceptsPublicLiterals() {
        assertThat(urls.check("https://93.184.215.14:8443/x").port()).isEqualTo(8443);
        assertThat(urls.check("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x").pinned().getHostAddress())
                .isEqualTo("2606:2800:21f:cb07:6820:80da:af6b:8b2c");
    }
}
