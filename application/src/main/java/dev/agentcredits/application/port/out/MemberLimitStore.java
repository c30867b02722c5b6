package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Members' monthly credit limits (DOMAIN.md rule 24): each team's default, each member's own, and
 * the figure kept of what counts against a member. The figure is kept from the first time a limit
 * applied to the member; before that, it is tallied from their runs.
 */
public interface MemberLimitStore {

  /**
   * What one look-up knows of a member: the team's default limit and the member's own (null: none),
   * and the figure kept for them (null: none kept yet).
   */
  record Standing(MemberId member, TeamId team, Long teamDefault, Long own, MemberSpend kept) {
    /** The limit that applies: the member's own, else the team's default; null when none. */
    public Long limit() {
      return own != null ? own : teamDefault;
    }
  }

  /** A member's figure, to keep with the rest of a transaction's writes ({@link WriteBatch}). */
  record Kept(TeamId team, MemberId member, MemberSpend spend) {}

  Optional<Long> teamDefault(TeamId team);

  /** Sets the team's default limit for its members; null removes it. */
  void setTeamDefault(TeamId team, Long monthlyCredits);

  /** Sets the member's own limit; null leaves them to the team's default. */
  void setOwn(TeamId team, MemberId member, Long monthlyCredits);

  /** The standing of each of these members (of any team) that exists, by member, in one look-up. */
  Map<MemberId, Standing> standings(Collection<MemberId> members);

  /**
   * What counts against the member in {@code month}, from their runs: what their USER runs were
   * charged in that month and what those of them still queued hold.
   */
  MemberSpend tally(TeamId team, MemberId member, YearMonth month);
}
