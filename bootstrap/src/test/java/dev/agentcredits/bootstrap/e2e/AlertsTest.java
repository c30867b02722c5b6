package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOMAIN.md rule 25 through the real service on PostgreSQL: the cap's thresholds announced once a
 * month with the purchases that cross them, and {@code GET /teams/{team_id}/alerts}.
 */
class AlertsTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Steps steps = new Steps(SERVICE.api());

  @Test
  void purchases_announce_each_cap_threshold_once_and_the_alerts_say_what_is_in_force() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    steps.spendCap(team, team.owner().key(), 2500).assertStatus(200);
    assertThat(alerts(team, member.key()).size()).isZero();

    steps.purchase(team, member, member.key(), 400).assertStatus(201); // $10: 40 %
    steps.purchase(team, member, member.key(), 400).assertStatus(201); // $20: 80 %
    steps.drain(member, 2_250); // 1,500 plan + 800 add-on credits: 50 left

    assertThat(SERVICE.eventTypes(team.id()))
        .filteredOn(t -> t.equals("spend_cap.threshold_reached"))
        .hasSize(2);
    JsonNode alerts = alerts(team, member.key());
    assertThat(alerts.size()).isEqualTo(2);
    JsonNode cap = alerts.get(0);
    assertThat(cap.path("type").asText()).isEqualTo("spend_cap.threshold_reached");
    assertThat(cap.path("severity").asText()).isEqualTo("warning");
    assertThat(cap.path("spend_cap").path("threshold_percent").asInt()).isEqualTo(80);
    JsonNode low = alerts.get(1);
    assertThat(low.path("type").asText()).isEqualTo("credits.low");
    assertThat(low.path("pool").path("email").asText()).isEqualTo(member.email());
    assertThat(low.path("balance").path("available_credits").asLong()).isEqualTo(50);

    SERVICE.advance(Duration.ofDays(1));
    steps.spendCap(team, team.owner().key(), 2000).assertStatus(200); // $20 of $20: 100 %
    steps.purchase(team, member, member.key(), 400).assertProblem(403, "budget_exceeded");
    assertThat(SERVICE.eventTypes(team.id()))
        .filteredOn(t -> t.equals("spend_cap.threshold_reached"))
        .hasSize(3);
    JsonNode reached = alerts(team, team.owner().key()).get(0);
    assertThat(reached.path("severity").asText()).isEqualTo("critical");
    assertThat(reached.path("spend_cap").path("threshold_percent").asInt()).isEqualTo(100);
    SERVICE.api().get(team.path() + "/alerts", "not-a-key").assertStatus(401);
  }

  private JsonNode alerts(Teams.Team team, String key) {
    return SERVICE.api().get(team.path() + "/alerts", key).assertStatus(200).json().path("alerts");
  }
}
