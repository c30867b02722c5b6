package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/** Sets the team's monthly cap; lowering is allowed too. {@code requestKey} may be null. */
public record RaiseSpendCapCommand(
    Caller caller, TeamId team, Money monthlyLimit, String requestKey) {
  public RaiseSpendCapCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(monthlyLimit, "monthly_limit_cents is required");
    RequestKey.requireValid(requestKey);
  }

  /** A change sent without an idempotency key. */
  public RaiseSpendCapCommand(Caller caller, TeamId team, Money monthlyLimit) {
    this(caller, team, monthlyLimit, null);
  }
}
