package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget of failed authentications per client address, on a clock the test moves. */
class FailedAuthenticationsTest {
  private static final long SECOND = 1_000_000_000L;
  private static final String GUESS = "guessed-key-0000000000";
  private static final String VALID = "valid-key-11111111111111";

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final FailedAuthentications failures =
      new FailedAuthentications(new AuthThrottle(new RateLimit(2, 20), false), now::get);

  @Test
  void after_the_burst_of_failures_an_unknown_key_waits_and_is_not_looked_up() {
    for (int i = 0; i < 20; i++) {
      assertThat(failures.admit("10.0.0.1", GUESS + i)).as("failure %d", i + 1).isZero();
      failures.failed("10.0.0.1");
    }

    assertThat(failures.admit("10.0.0.1", GUESS)).isEqualTo(1);
    assertThat(failures.admit("10.0.0.2", GUESS)).as("another address").isZero();

    now.addAndGet(SECOND / 2); // one failure refilled (2 per second)
    assertThat(failures.admit("10.0.0.1", GUESS)).isZero();
    failures.failed("10.0.0.1");
    assertThat(failures.admit("10.0.0.1", GUESS)).isEqualTo(1);

    now.addAndGet(10 * SECOND);
    assertThat(failures.admit("10.0.0.1", GUESS)).isZero();
  }

  @Test
  void failures_beyond_the_budget_do_not_push_the_wait_further() {
    for (int i = 0; i < 500; i++) {
      failures.failed("10.0.0.1");
    }
    now.addAndGet(SECOND / 2);
    assertThat(failures.admit("10.0.0.1", GUESS)).isZero();
  }

  @Test
  void a_key_that_authenticated_is_still_looked_up_from_a_throttled_address() {
    failures.succeeded(VALID);
    for (int i = 0; i < 50; i++) {
      failures.failed("10.0.0.1");
    }

    assertThat(failures.admit("10.0.0.1", GUESS)).isPositive();
    assertThat(failures.admit("10.0.0.1", VALID)).isZero();

    now.addAndGet(FailedAuthentications.KNOWN_FOR + 1);
    for (int i = 0; i < 50; i++) {
      failures.failed("10.0.0.1");
    }
    assertThat(failures.admit("10.0.0.1", VALID)).as("not seen for an hour").isPositive();
  }

  @Test
  void no_limit_throttles_nothing() {
    var none = new FailedAuthentications(AuthThrottle.NONE, now::get);
    for (int i = 0; i < 1_000; i++) {
      none.failed("10.0.0.1");
    }
    assertThat(none.admit("10.0.0.1", GUESS)).isZero();
    assertThat(none.trackedAddresses()).isZero();
  }

  @Test
  void memory_is_bounded_and_idle_addresses_are_forgotten() {
    for (int i = 0; i < FailedAuthentications.MAX_TRACKED + 5_000; i++) {
      failures.failed("v6:" + i);
    }
    assertThat(failures.trackedAddresses()).isEqualTo(FailedAuthentications.MAX_TRACKED);

    now.addAndGet(11 * SECOND); // every budget full again
    failures.failed("10.0.0.9");
    assertThat(failures.trackedAddresses()).isEqualTo(1);
  }

  @Test
  void the_address_is_the_socket_s_unless_forwarded_for_is_trusted() {
    assertThat(failures.address("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    var behindProxy =
        new FailedAuthentications(new AuthThrottle(new RateLimit(2, 20), true), now::get);
    assertThat(behindProxy.address("10.0.0.1", "198.51.100.1, 203.0.113.9"))
        .isEqualTo("203.0.113.9");
    assertThat(behindProxy.address("10.0.0.1", null)).isEqualTo("10.0.0.1");
  }

  @Test
  void an_ipv6_address_counts_as_its_64_prefix() {
    assertThat(failures.address("2001:db8:1:2:aaaa::1", null))
        .isEqualTo(failures.address("[2001:db8:1:2:bbbb::2]", null))
        .isNotEqualTo(failures.address("2001:db8:1:3::1", null));
    assertThat(failures.address("::ffff:192.0.2.1", null)).isEqualTo("192.0.2.1");
    assertThat(failures.address("0:0:0:0:0:0:0:1", null)).isEqualTo(failures.address("::1", null));
  }
}
