package dev.agentcredits.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard: only public addresses over https, unless private destinations are allowed. */
class DestinationPolicyTest {
  private static final DestinationPolicy STRICT = new DestinationPolicy(false);
  private static final DestinationPolicy LOCAL = new DestinationPolicy(true);
  private static final WebhookUrl URL = WebhookUrl.parse("https://hooks.example.com/x");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "93.184.215.14,        -",
        "8.8.8.8,              -",
        "2606:4700::1111,      -",
        "127.0.0.1,            loopback",
        "127.1.2.3,            loopback",
        "::1,                  loopback",
        "10.0.0.1,             private",
        "172.16.0.1,           private",
        "172.31.255.255,       private",
        "172.32.0.1,           -",
        "192.168.1.1,          private",
        "169.254.169.254,      link-local",
        "fe80::1,              link-local",
        "fd00::1,              private",
        "0.0.0.0,              unspecified",
        "::,                   unspecified",
        "100.64.0.1,           shared (carrier-grade NAT)",
        "224.0.0.1,            multicast",
        "255.255.255.255,      reserved",
        "::ffff:127.0.0.1,     loopback",
        "::ffff:169.254.169.254, link-local",
        "::127.0.0.1,          loopback",
        "64:ff9b::10.0.0.1,    private",
        "64:ff9b::8.8.8.8,     -",
      })
  void anAddressOfTheServicesOwnNetworkIsRefused(String address, String kind) throws Exception {
    var addresses = List.of(InetAddress.getByName(address));

    var refusal = STRICT.refusal(URL, addresses);

    if (kind == null) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal).hasValueSatisfying(r -> assertThat(r).contains(", a " + kind + " "));
    }
    assertThat(LOCAL.refusal(URL, addresses)).isEmpty();
  }

  @Test
  void oneForbiddenAddressAmongSeveralIsEnough() throws Exception {
    var addresses =
        List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3"));

    assertThat(STRICT.refusal(URL, addresses))
        .contains(
            "hooks.example.com resolves to 10.1.2.3, a private address; webhooks go to public"
                + " addresses only");
  }

  @Test
  void plainHttpIsAllowedOnlyWithPrivateDestinations() throws Exception {
    var http = WebhookUrl.parse("http://hooks.example.com/x");
    var addresses = List.of(InetAddress.getByName("93.184.215.14"));

    assertThat(STRICT.refusal(http)).contains("url must use https");
    assertThat(STRICT.refusal(http, addresses)).contains("url must use https");
    assertThat(LOCAL.refusal(http, addresses)).isEmpty();
  }

  @Test
  void aHostThatResolvesToNothingIsRefused() {
    assertThat(STRICT.refusal(URL, List.of())).contains("hooks.example.com resolves to no address");
  }
}
