package dev.agentcredits.domain.team;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

/** A member of a team; {@code anchor} starts the member's 30-day plan cycles. */
public record Member(MemberId id, TeamId team, String email, Role role, Instant anchor) {
  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(anchor, "anchor");
    if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
      throw new IllegalArgumentException("email must look like name@domain");
    }
  }
}
