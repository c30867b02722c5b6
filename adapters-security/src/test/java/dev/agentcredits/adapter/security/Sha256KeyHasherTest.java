package dev.agentcredits.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256KeyHasherTest {
  private final Sha256KeyHasher hasher = new Sha256KeyHasher();

  @Test
  void hashes_to_the_lower_case_hex_sha256_of_the_utf8_bytes() {
    // FIPS 180-2, appendix B.1
    assertThat(hasher.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void different_keys_hash_differently_and_the_same_key_the_same() {
    assertThat(hasher.hash("ak_one")).isEqualTo(hasher.hash("ak_one"));
    assertThat(hasher.hash("ak_one")).isNotEqualTo(hasher.hash("ak_two"));
  }
}
