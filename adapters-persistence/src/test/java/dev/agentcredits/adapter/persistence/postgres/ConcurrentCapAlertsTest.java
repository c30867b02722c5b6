package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.ok;
import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOMAIN.md rule 25 under fire: manual purchases for two pools and auto-reloads fired by usage race
 * for the default $200 cap from two instances; each threshold of the cap is announced exactly once,
 * by the purchase that crossed it, because each is decided under the month's locked row.
 */
class ConcurrentCapAlertsTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static final int PURCHASES_PER_POOL = 16;
  private static final int RUNS = 4;
  private static final int REPORTS_PER_RUN = 6;

  private final TwoInstances service = new TwoInstances(DB);

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void racingPurchasesAndReloadsAnnounceEachThresholdOnce() throws Exception {
    ProvisionedTeamView provisioned = service.provision(Plan.BUILD);
    TeamId team = new TeamId(provisioned.teamId());
    PoolRef ownerPool = new PoolRef(team, new MemberId(provisioned.owner().memberId()));
    MemberId bob =
        new MemberId(
            ok(service
                    .instance(1)
                    .addMember()
                    .add(new AddMemberCommand(operator(), team, "bob@example.com", Role.MEMBER)))
                .memberId());
    PoolRef bobPool = new PoolRef(team, bob);
    ok(
        service
            .instance(0)
            .configureAutoReload()
            .configure(
                new ConfigureAutoReloadCommand(
                    operator(), ownerPool, true, Credits.of(400), Credits.of(100))));
    Caller teamKey = service.teamKeyCaller(team);
    List<RunId> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(
          new RunId(
              ok(service
                      .instance(i)
                      .submitRun()
                      .submit(new SubmitRunCommand(teamKey, null, null, null, null, "p", null)))
                  .taskId()));
    }

    List<TwoInstances.Request<Outcome<?>>> requests = new ArrayList<>();
    for (int i = 0; i < PURCHASES_PER_POOL; i++) {
      for (PoolRef pool : List.of(ownerPool, bobPool)) {
        requests.add(n ->
            service
                .instance(n)
                .purchaseAddOn()
                .purchase(new PurchaseAddOnCommand(operator(), pool, Credits.of(400), null)));
      }
    }
    for (int i = 0; i < RUNS * REPORTS_PER_RUN; i++) {
      RunId run = runs.get(i % RUNS);
      UsageId usage = new UsageId("u" + i);
      requests.add(n ->
          service
              .instance(n)
              .reportUsage()
              .report(new ReportUsageCommand(teamKey, run, usage, 90)));
    }
    Collections.shuffle(requests, new Random(11));
    service.race(requests.size(), i -> requests.get(i).send(i));

    MonthlySpend month = DB.persistence().stores().spend().find(team, MONTH);
    assertThat(month.spent())
        .as("every $10 step fits a $200 cap exactly")
        .isEqualTo(Money.dollars(200));
    assertThat(month.announced().percents()).containsExactly(50, 80, 100);
    List<EventData.SpendCapThresholdReached> announced = thresholdsAnnounced(team);
    assertThat(announced)
        .extracting(EventData.SpendCapThresholdReached::thresholdPercent)
        .containsExactly(50, 80, 100);
    assertThat(announced)
        .extracting(EventData.SpendCapThresholdReached::spent)
        .as("announced by the purchase that crossed it")
        .containsExactly(Money.dollars(100), Money.dollars(160), Money.dollars(200));
    assertThat(announced).allSatisfy(e -> assertThat(e.cap()).isEqualTo(Money.dollars(200)));
  }

  /** The spend_cap.threshold_reached events the team's outbox holds, in the order committed. */
  private List<EventData.SpendCapThresholdReached> thresholdsAnnounced(TeamId team)
      throws SQLException {
    List<EventData.SpendCapThresholdReached> found = new ArrayList<>();
    try (Connection connection = DB.jdbc();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT event_id FROM outbox WHERE team_id = ? AND type = ? ORDER BY sequence")) {
      query.setString(1, team.value());
      query.setString(2, EventType.SPEND_CAP_THRESHOLD_REACHED.routingKey());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(
              (EventData.SpendCapThresholdReached) DB.encoder().event(rows.getString(1)).data());
        }
      }
    }
    return found;
  }
}
