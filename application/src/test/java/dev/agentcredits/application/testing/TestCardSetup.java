package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's customers as a map of which team each names: a customer not yet seen names nobody
 * and is claimed by the first team that asks. A setup session "test_setup_<n>" saves card pm_<n>.
 */
public final class TestCardSetup implements CardSetup {
  private final Map<String, String> teamOf = new ConcurrentHashMap<>();

  @Override
  public CustomerCheck claim(TeamId team, String customerId) {
    String named = teamOf.putIfAbsent(customerId, team.value());
    return named == null || named.equals(team.value())
        ? new CustomerCheck.Ours()
        : new CustomerCheck.OtherTeam(named);
  }

  @Override
  public NewCustomer createCustomer(TeamId team) {
    String id = "cus_test_" + teamOf.size();
    teamOf.put(id, team.value());
    return new NewCustomer.Created(id);
  }

  @Override
  public SessionStart startSession(TeamId team, String customerId, String returnUrl) {
    String id = "test_setup_" + teamOf.size();
    return new SessionStart.Started(id, CardSetup.withSession(returnUrl, id));
  }

  @Override
  public SessionEnd finishSession(TeamId team, String teamCustomer, String sessionId) {
    if (teamCustomer == null || !sessionId.startsWith("test_setup_")) {
      return new SessionEnd.NotFound("no setup session " + sessionId);
    }
    return new SessionEnd.Completed(
        new PaymentMethod(
            teamCustomer,
            "pm_" + sessionId.substring("test_setup_".length()),
            new PaymentMethod.Card("visa", "4242", 12, 2099)));
  }
}
