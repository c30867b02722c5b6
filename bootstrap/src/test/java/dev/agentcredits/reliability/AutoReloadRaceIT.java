package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.reliability.Tenants.Member;
import dev.agentcredits.reliability.Tenants.Team;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOMAIN.md rules 6, 7 and 17 under a race on two instances: concurrent submissions exhausting a
 * pool with auto-reload on buy exactly the reloads the cap allows (to the cent) or the need calls
 * for, never two for one need, never one twice.
 */
class AutoReloadRaceIT {
  @RegisterExtension static final TwoInstances TWO = new TwoInstances("rel_reload");

  private static final Figures FIGURES = new Figures(AutoReloadRaceIT.class);
  private static final long PLAN = 1500;
  private static final long DENOMINATION = 400;
  private static final long PRICE_CENTS = 1000;
  private static final long THRESHOLD = 100;

  @AfterAll
  static void figures() {
    FIGURES.write();
  }

  @Test
  void racing_submissions_reload_up_to_the_cap_to_the_cent_and_no_further() {
    long capCents = 3_500; // three reloads ($30) fit, a fourth ($40) would not
    Team team = TWO.tenants().create("BUILD", 0, 1, false);
    Member member = team.member();
    Tenants.expect(
        TWO.a()
            .put(
                team.path() + "/spend-cap",
                team.owner().key(),
                "{\"monthly_limit_cents\": " + capCents + "}"),
        200);
    enableAutoReload(team, member);
    long reloads = capCents / PRICE_CENTS;
    long fundable = (PLAN + reloads * DENOMINATION) / 20;
    int n = 250;

    List<Answer> answers = race(member, n);

    Map<String, Long> outcomes = ConcurrencyIT.tally(answers);
    long spent = spend(team);
    assertThat(spent).isLessThanOrEqualTo(capCents).isEqualTo(reloads * PRICE_CENTS);
    assertThat(autoReloads(team, "SUCCEEDED")).isEqualTo(reloads);
    assertThat(autoReloads(team, "PENDING") + autoReloads(team, "DECLINED")).isZero();
    assertThat(outcomes)
        .containsOnlyKeys("201", "403 insufficient_credits")
        .containsEntry("201", fundable);
    JsonNode pool = pool(team, member);
    assertThat(pool.path("available_credits").asLong()).isZero();
    List<Answer> refusals = answers.stream().filter(a -> a.status() == 403).toList();
    assertThat(refusals.getLast().json().path("auto_reload").path("state").asText())
        .isEqualTo("cap_reached");
    assertThat(TWO.bank().audit().failures()).isEmpty();
    assertThat(TWO.violations()).isEmpty();
    FIGURES.add(
        "cap $%d.%02d: %d racing submissions -> %d reloads of %d credits ($%d spent, within the cap"
            + " to the cent), %d accepted, %d insufficient_credits (cap_reached), 0 left",
        capCents / 100,
        capCents % 100,
        n,
        reloads,
        DENOMINATION,
        spent / 100,
        outcomes.get("201"),
        outcomes.getOrDefault("403 insufficient_credits", 0L));
  }

  @RepeatedTest(3)
  void racing_submissions_buy_only_the_reloads_the_need_calls_for() {
    Team team = TWO.tenants().create("BUILD", 0, 1, false);
    Member member = team.member();
    enableAutoReload(team, member);
    int n = 100; // 2,000 credits of holds against 1,500: two reloads, as one client in turn would

    List<Answer> answers = race(member, n);

    long accepted = ConcurrencyIT.tally(answers).getOrDefault("201", 0L);
    long bought = autoReloads(team, "SUCCEEDED");
    long available = pool(team, member).path("available_credits").asLong();
    // a reload fires when a hold leaves the pool at or below the threshold (or cannot be funded),
    // one at a time: the fewest reloads that keep the pool above the threshold, not one more
    long needed = 0;
    while (PLAN + needed * DENOMINATION - 20 * accepted <= THRESHOLD) {
      needed++;
    }
    assertThat(accepted).isEqualTo(n);
    assertThat(bought).isEqualTo(needed);
    assertThat(available).isEqualTo(PLAN + bought * DENOMINATION - 20 * accepted);
    assertThat(spend(team)).isEqualTo(bought * PRICE_CENTS);
    assertThat(TWO.bank().audit().failures()).isEmpty();
    assertThat(TWO.violations()).isEmpty();
    FIGURES.add(
        "cap $200: %d racing submissions needing %d credits of a %d-credit pool -> %d reloads"
            + " (the fewest that keep it above the %d threshold), %d accepted, %d left",
        n, 20 * n, PLAN, bought, THRESHOLD, accepted, available);
  }

  /**
   * A purchase that reads the team before a concurrent cap change commits must decide on the new
   * cap. The change is made here as RaiseSpendCap makes it (the month's spend row locked, then the
   * cap written), held open until the purchase is seen waiting for that lock.
   */
  @Test
  void a_purchase_that_waited_for_a_cap_change_obeys_the_new_cap() throws Exception {
    Team team = TWO.tenants().create("BUILD", 0, 1, false);
    String month = InProcessService.CLOCK_START.toString().substring(0, 7) + "-01";
    String s = TWO.schema();
    Answer bought;
    try (Connection change = TestPostgres.get().connect()) {
      change.setAutoCommit(false);
      TestPostgres.query(
          change,
          "INSERT INTO "
              + s
              + ".team_month_spend VALUES (?, ?::date, 0) ON CONFLICT DO NOTHING"
              + " RETURNING team_id",
          team.id(),
          month);
      TestPostgres.query(
          change,
          "SELECT spent_cents FROM "
              + s
              + ".team_month_spend WHERE team_id = ? AND month = ?::date"
              + " FOR NO KEY UPDATE",
          team.id(),
          month);
      TestPostgres.query(
          change,
          "UPDATE " + s + ".teams SET monthly_spend_cap_cents = 0 WHERE team_id = ? RETURNING 1",
          team.id());
      try (var purchase = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<Answer> answer =
            purchase.submit(() ->
                TWO.a()
                    .post(
                        team.path() + "/members/me/add-on-purchases",
                        team.member().key(),
                        "{\"denomination_credits\": 400}"));
        awaitABlockedSession();
        change.commit();
        bought = answer.get(20, TimeUnit.SECONDS);
      }
    }

    assertThat(bought.outcome()).isEqualTo("403 budget_exceeded");
    assertThat(spend(team)).isZero();
    assertThat(TWO.violations()).isEmpty();
  }

  private static void awaitABlockedSession() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      long waiting =
          TestPostgres.get()
              .count(
                  "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                      + " AND application_name LIKE 'reliability-%'");
      if (waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the purchase never waited for the cap change's lock");
  }

  private static List<Answer> race(Member member, int n) {
    List<Callable<Answer>> submits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Http instance = i % 2 == 0 ? TWO.a() : TWO.b();
      String body = "{\"prompt\": \"reload race %d\"}".formatted(i);
      submits.add(() -> instance.post("/api/v1/agent/tasks", member.key(), body));
    }
    return Load.all(64, submits);
  }

  private static void enableAutoReload(Team team, Member member) {
    Tenants.expect(
        TWO.a()
            .put(
                team.path() + "/members/me/auto-reload",
                member.key(),
                "{\"enabled\": true, \"denomination_credits\": %d, \"threshold_credits\": %d}"
                    .formatted(DENOMINATION, THRESHOLD)),
        200);
  }

  private static JsonNode pool(Team team, Member member) {
    return TWO.b().get(team.path() + "/members/me/pool", member.key()).json();
  }

  private static long spend(Team team) {
    return TestPostgres.get()
        .count(
            "SELECT coalesce(sum(spent_cents), 0) FROM "
                + TWO.schema()
                + ".team_month_spend"
                + " WHERE team_id = ?",
            team.id());
  }

  private static long autoReloads(Team team, String state) {
    return TestPostgres.get()
        .count(
            "SELECT count(*) FROM "
                + TWO.schema()
                + ".purchases"
                + " WHERE team_id = ? AND kind = 'AUTO_RELOAD' AND state = ?",
            team.id(),
            state);
  }
}
