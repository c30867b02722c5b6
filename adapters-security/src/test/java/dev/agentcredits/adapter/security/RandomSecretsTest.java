package dev.agentcredits.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSecretsTest {
  private final RandomSecrets secrets = new RandomSecrets();

  @Test
  void an_id_is_the_prefix_and_24_lower_case_letters_or_digits() {
    assertThat(secrets.newId("run")).matches("run_[0-9a-z]{24}");
  }

  @Test
  void a_key_is_the_prefix_and_256_bits_in_url_safe_base64() {
    assertThat(secrets.newKey("ak")).matches("ak_[A-Za-z0-9_-]{43}");
  }

  @Test
  void ids_and_keys_do_not_repeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(secrets.newId("run"))).isTrue();
      assertThat(seen.add(secrets.newKey("ak"))).isTrue();
    }
  }
}
