package dev.agentcredits.domain.team;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

/** The billing account. Its spend cap is team-wide and monthly. */
public record Team(
    TeamId id, String name, Plan plan, MemberId owner, Money monthlySpendCap, Instant createdAt) {
  public Team {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(monthlySpendCap, "monthlySpendCap");
    Objects.requireNonNull(createdAt, "createdAt");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("team name must be 1-200 characters");
    }
  }

  public Team withMonthlySpendCap(Money cap) {
    return new Team(id, name, plan, owner, cap, createdAt);
  }
}
