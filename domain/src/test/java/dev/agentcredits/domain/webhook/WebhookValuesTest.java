package dev.agentcredits.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/x",
        "/relative",
        "https://user:pass@example.com/x",
        "https://example.com/x#frag",
        "https:///x",
        "not a url",
        "mailto:someone@example.com"
      })
  void aUrlMustBeAnAbsoluteHttpUrlWithAHost(String url) {
    assertThatThrownBy(() -> WebhookUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIpv6LiteralIsResolvedWithoutItsBrackets() {
    assertThat(WebhookUrl.parse("https://[::1]:8443/hook").host()).isEqualTo("::1");
    assertThat(WebhookUrl.parse(" https://example.com/hook?a=1 ").toString())
        .isEqualTo("https://example.com/hook?a=1");
  }

  @Test
  void aSecretIsWhsecAndTheBase64OfAtLeast24Bytes() {
    byte[] key = new byte[32];
    key[0] = 7;
    WebhookSecret secret = WebhookSecret.of(key);

    assertThat(secret.value()).startsWith("whsec_");
    assertThat(secret.key()).isEqualTo(key);
    assertThat(secret.toString()).isEqualTo("whsec_…");
    String short23 = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
    assertThatThrownBy(() -> new WebhookSecret(short23))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSecret("whsec_***"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSecret(Base64.getEncoder().encodeToString(key)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
