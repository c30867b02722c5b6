package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What time does, on the manual clock (DOMAIN.md rules 5, 9, 10). Each test moves the clock only
 * forward and looks only at its own team, so the order of the tests does not matter.
 */
class TimeTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Steps steps = new Steps(SERVICE.api());

  @Test
  void the_thirty_day_refresh_pays_the_arrears_first() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    String task = steps.accepted(member.key());
    steps.usage(task, 1600).assertStatus(200);
    JsonNode before = steps.pool(team, member);
    assertThat(before.path("arrears_credits").asLong()).isEqualTo(100);
    Instant refresh = Instant.parse(before.path("next_refresh_at").asText());

    Instant now = SERVICE.advance(Duration.ofDays(30).plusMinutes(1));

    assertThat(now).isAfter(refresh);
    JsonNode after = steps.pool(team, member);
    assertThat(after.path("arrears_credits").asLong()).isZero();
    assertThat(after.path("plan_credits").asLong()).isEqualTo(1400);
    assertThat(after.path("available_credits").asLong()).isEqualTo(1400);
    assertThat(kinds(team, member)).contains("arrears_settled");
    steps.submit(member.key()).assertStatus(201);
  }

  @Test
  void an_add_on_lot_expires_twelve_months_after_purchase() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    JsonNode purchase = steps.purchase(team, member, member.key(), 400).assertStatus(201).json();
    Instant expiresAt = Instant.parse(purchase.path("expires_at").asText());
    JsonNode before = steps.pool(team, member);
    assertThat(before.path("addon_credits").asLong()).isEqualTo(400);
    assertThat(before.path("lots")).hasSize(1);

    SERVICE.advance(Duration.ofDays(360));
    assertThat(steps.pool(team, member).path("addon_credits").asLong()).isEqualTo(400);
    Instant now = SERVICE.advance(Duration.ofDays(10));

    assertThat(now).isAfter(expiresAt);
    JsonNode after = steps.pool(team, member);
    assertThat(after.path("addon_credits").asLong()).isZero();
    assertThat(after.path("lots")).isEmpty();
    assertThat(kinds(team, member)).contains("expired");
  }

  private List<String> kinds(Teams.Team team, Teams.Member member) {
    JsonNode ledger =
        SERVICE.api().get(team.path() + "/ledger", member.key()).assertStatus(200).json();
    List<String> kinds = new ArrayList<>();
    ledger.path("entries").forEach(e -> kinds.add(e.path("kind").asText()));
    return kinds;
  }
}
