package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Role;

/** Who is asking, as authentication established it. */
public sealed interface Caller {
  /** The operator: provisioning, grants, usage reports, the test clock; an admin of every team. */
  record Operator() implements Caller {}

  /** A member's own key: acts as that member. */
  record MemberKey(TeamId team, MemberId member, Role role, ApiKeyId key) implements Caller {}

  /** A team API key: acts for its team; its runs are TEAM_API_KEY-triggered. */
  record TeamKey(TeamId team, ApiKeyId key) implements Caller {}

  /** A broker integration: trusted; its commands name the trigger. */
  record Integration() implements Caller {}

  /**
   * Whose idempotency keys and request rate these are: a member's, whichever of their keys they use
   * (a retry with a rotated key is still theirs); a team API key's own; the operator's; the
   * integrations'.
   */
  default String scope() {
    return switch (this) {
      case Operator o -> "operator";
      case Integration i -> "integration";
      case MemberKey m -> "member:" + m.member().value();
      case TeamKey k -> "key:" + k.key().value();
    };
  }
}
