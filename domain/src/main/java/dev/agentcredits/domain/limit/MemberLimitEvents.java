package dev.agentcredits.domain.limit;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;

/** member_limit.changed: a team's default limit for its members, or one member's own. */
public final class MemberLimitEvents {
  private MemberLimitEvents() {}

  /** The team's default changed from {@code previous} to {@code now} (null: none). */
  public static DomainEvent teamDefaultChanged(TeamId team, Long previous, Long now, Instant at) {
    var data = new EventData.MemberLimitChanged(null, previous, now, now);
    return new DomainEvent(EventType.MEMBER_LIMIT_CHANGED, team, team.value(), at, data);
  }

  /**
   * A member's own limit changed from {@code previous} to {@code now} (null: the team's default);
   * {@code effective} is what applies to them now.
   */
  public static DomainEvent memberChanged(
      TeamId team, MemberId member, Long previous, Long now, Long effective, Instant at) {
    var data = new EventData.MemberLimitChanged(member, previous, now, effective);
    return new DomainEvent(EventType.MEMBER_LIMIT_CHANGED, team, member.value(), at, data);
  }
}
