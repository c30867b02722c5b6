package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  @Test
  void lets_a_burst_through_at_once_and_refuses_the_next_request_for_a_second() {
    var limiter = new RateLimiter(new RateLimit(2, 5), now::get);

    assertThat(IntStream.range(0, 5).mapToLong(i -> limiter.acquire("key:a"))).containsOnly(0L);
    assertThat(limiter.acquire("key:a")).isEqualTo(1);
  }

  @Test
  void refills_at_the_steady_rate() {
    var limiter = new RateLimiter(new RateLimit(2, 2), now::get);
    limiter.acquire("key:a");
    limiter.acquire("key:a");
    assertThat(limiter.acquire("key:a")).isEqualTo(1);

    now.addAndGet(SECOND / 2);

    assertThat(limiter.acquire("key:a")).isZero();
    assertThat(limiter.acquire("key:a")).isEqualTo(1);
    now.addAndGet(10 * SECOND);
    assertThat(IntStream.range(0, 2).mapToLong(i -> limiter.acquire("key:a"))).containsOnly(0L);
    assertThat(limiter.acquire("key:a")).isEqualTo(1);
  }

  @Test
  void says_how_many_whole_seconds_to_wait_at_a_slow_rate() {
    var limiter = new RateLimiter(new RateLimit(1, 1), now::get);
    limiter.acquire("key:a");

    now.addAndGet(SECOND / 10);

    assertThat(limiter.acquire("key:a")).isEqualTo(1);
  }

  @Test
  void counts_each_key_on_its_own() {
    var limiter = new RateLimiter(new RateLimit(1, 1), now::get);

    assertThat(limiter.acquire("key:a")).isZero();
    assertThat(limiter.acquire("key:a")).isEqualTo(1);
    assertThat(limiter.acquire("key:b")).isZero();
    assertThat(limiter.acquire("operator")).isZero();
  }

  @Test
  void a_refused_request_does_not_use_up_the_bucket() {
    var limiter = new RateLimiter(new RateLimit(1, 1), now::get);
    limiter.acquire("key:a");
    for (int i = 0; i < 100; i++) {
      limiter.acquire("key:a");
    }

    now.addAndGet(SECOND);

    assertThat(limiter.acquire("key:a")).isZero();
  }

  @Test
  void zero_per_second_means_no_limit() {
    var limiter = new RateLimiter(RateLimit.NONE, now::get);

    assertThat(IntStream.range(0, 10_000).mapToLong(i -> limiter.acquire("key:a")))
        .containsOnly(0L);
  }

  @Test
  void forgets_keys_whose_bucket_is_full_again_once_it_tracks_many() {
    var limiter = new RateLimiter(new RateLimit(1000, 1), now::get);
    for (int i = 0; i <= RateLimiter.MAX_TRACKED; i++) {
      limiter.acquire("key:" + i);
    }
    limiter.acquire("key:0");

    now.addAndGet(SECOND);

    assertThat(limiter.acquire("key:new")).isZero();
    assertThat(limiter.acquire("key:0")).isZero();
  }

  @Test
  void refuses_limits_that_cannot_work() {
    assertThatThrownBy(() -> new RateLimit(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimit(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
