package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.reliability.Tenants.Team;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-key rate limits on the real service (here 1 request per second, bursts of 5): the sixth
 * request in a burst is 429 rate_limited with Retry-After and does nothing; other keys go on; after
 * Retry-After the key works again. Each instance counts on its own.
 */
class RateLimitIT {
  private static final int BURST = 5;
  private static final int AUTH_PER_SECOND = 2;
  private static final int AUTH_BURST = 20;
  private static final Figures FIGURES = new Figures(RateLimitIT.class);

  private static String schema;
  private static InProcessService a;
  private static InProcessService b;
  private static InProcessService c;

  @BeforeAll
  static void start() {
    TestPostgres db = TestPostgres.get();
    schema = TestPostgres.uniqueName("rel_ratelimit");
    a = InProcessService.on(db.urlFor("reliability-rate-a"), schema).rateLimit(1, BURST).start();
    b = InProcessService.on(db.urlFor("reliability-rate-b"), schema).rateLimit(1, BURST).start();
    c =
        InProcessService.on(db.urlFor("reliability-rate-c"), schema)
            .authThrottle(AUTH_PER_SECOND, AUTH_BURST)
            .start();
  }

  @AfterAll
  static void stop() {
    for (InProcessService service : new InProcessService[] {c, b, a}) {
      if (service != null) {
        service.close();
      }
    }
    if (schema != null) {
      TestPostgres.get().dropSchema(schema);
    }
    FIGURES.write();
  }

  @Test
  void the_request_over_the_burst_is_429_with_retry_after_and_changes_nothing() {
    Http http = a.http();
    Team team = new Tenants(b.http(), InProcessService.OPERATOR_KEY).create("BUILD", 0, 1, false);
    String member = team.member().key();
    for (int i = 0; i < BURST; i++) {
      Tenants.expect(http.get(team.path() + "/members/me/pool", member), 200);
    }
    Snapshot before = Snapshot.of(schema, team.id());

    Answer limited =
        http.post("/api/v1/agent/tasks", member, "{\"prompt\": \"one too many\"}", "rl-1");

    assertThat(limited.outcome()).isEqualTo("429 rate_limited");
    assertThat(limited.header("Content-Type")).contains("application/problem+json");
    JsonNode problem = limited.json();
    assertThat(problem.path("retryable").asBoolean()).isTrue();
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 5L);
    assertThat(Snapshot.of(schema, team.id())).isEqualTo(before);
    assertThat(
            TestPostgres.get()
                .count("SELECT count(*) FROM " + schema + ".idempotency WHERE key = 'rl-1'"))
        .as("the key was not claimed")
        .isZero();
    // another key, and the same key on the other instance (limits are per instance), go on
    Tenants.expect(http.get(team.path() + "/members/me/pool", team.owner().key()), 200);
    Tenants.expect(b.http().get(team.path() + "/members/me/pool", member), 200);

    Load.pause(Duration.ofSeconds(retryAfter));
    Answer later =
        http.post("/api/v1/agent/tasks", member, "{\"prompt\": \"one too many\"}", "rl-1");

    assertThat(later.status()).isEqualTo(201);
    assertThat(later.header("Idempotent-Replayed")).isEmpty();
    assertThat(a.http().violations()).isEmpty();
    assertThat(b.http().violations()).isEmpty();
    FIGURES.add(
        "limit 1/s, burst %d: request %d answered 429 rate_limited, Retry-After %d s, nothing"
            + " changed and its idempotency key unused; other keys and the other instance"
            + " unaffected; accepted after Retry-After",
        BURST, BURST + 1, retryAfter);
  }

  @Test
  void guessed_keys_beyond_the_budget_get_429_while_a_valid_key_from_the_same_client_goes_on() {
    Http http = c.http();
    Team team = new Tenants(b.http(), InProcessService.OPERATOR_KEY).create("BUILD", 0, 1, false);
    String pool = team.path() + "/members/me/pool";
    Tenants.expect(http.get(pool, team.member().key()), 200);

    java.util.List<Answer> answers = new java.util.ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      answers.add(http.get(pool, "ak_guess_" + java.util.UUID.randomUUID()));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(answers.subList(0, AUTH_BURST))
        .allSatisfy(a -> assertThat(a.outcome()).isEqualTo("401 authentication_required"));
    // the rest are 429, but for the failures refilled meanwhile (2 per second)
    Answer throttled = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
    assertThat(throttled.outcome()).isEqualTo("429 rate_limited");
    long unauthorized = answers.stream().filter(a -> a.status() == 401).count();
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(401, 429));
    assertThat(unauthorized)
        .as("looked up: the burst, then %d per second over %.1f s", AUTH_PER_SECOND, seconds)
        .isLessThanOrEqualTo(AUTH_BURST + (long) Math.ceil(seconds * AUTH_PER_SECOND) + 1);
    assertThat(throttled.header("Content-Type")).contains("application/problem+json");
    long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 2L);
    assertThat(throttled.json().path("detail").asText()).contains("failed authentications");
    Tenants.expect(http.get(pool, team.member().key()), 200);

    Load.pause(Duration.ofSeconds(retryAfter));
    assertThat(http.get(pool, "ak_guess_after").outcome()).isEqualTo("401 authentication_required");
    assertThat(http.violations()).isEmpty();
    FIGURES.add(
        "failed authentications from one address, %d/s after a burst of %d: 200 guessed keys in"
            + " %.1f s, %d answered 401 and the rest 429 rate_limited (Retry-After %d s) without a"
            + " look-up; the member's key from the same client 200 throughout",
        AUTH_PER_SECOND, AUTH_BURST, seconds, unauthorized, retryAfter);
  }
}
