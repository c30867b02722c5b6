package dev.agentcredits.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses are checked as addresses: a dot-atom local part, a domain name (issue 18, item 16). */
class EmailTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bob@example.com",
        "o'brien@example.ie",
        "first.last+tag@sub.example.co.uk",
        "a_b-c@x-y.example",
        "x@xn--bcher-kva.example",
        "owner-1a2b3c4d@example.test"
      })
  void realAddressesAreAccepted(String address) {
    assertThat(new Email(address).value()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\"><script>alert(1)</script>@example.com",
        "javascript:alert(1)@example.com",
        "<bob>@example.com",
        "\"quoted\"@example.com",
        "a b@example.com",
        "a\u0000b@example.com",
        ".bob@example.com",
        "bob.@example.com",
        "bo..b@example.com",
        "bob@example",
        "bob@-example.com",
        "bob@example.c",
        "bob@exa_mple.com",
        "bob@@example.com",
        "nope"
      })
  void markupAndMalformedAddressesAreRefused(String address) {
    assertThatThrownBy(() -> new Email(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be an email address");
  }

  @org.junit.jupiter.api.Test
  void aLocalPartOver64CharactersIsRefused() {
    assertThatThrownBy(() -> new Email("a".repeat(65) + "@example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
