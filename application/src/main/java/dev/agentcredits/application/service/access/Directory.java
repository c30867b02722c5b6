package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.util.Optional;

/**
 * Teams and members as the submit path looks them up before it reaches a pool, read from the store
 * every time. Nothing is kept in memory: a team's plan and owner and a member's role may change
 * (billing models, member removal), and a copy kept here would go stale on every instance but the
 * one that made the change.
 */
public final class Directory {
  private final TeamStore teams;

  public Directory(TeamStore teams) {
    this.teams = teams;
  }

  public Optional<Team> team(TeamId id) {
    return teams.find(id);
  }

  /** The member as the store has it now; a removed member is not found. */
  public Optional<Member> member(MemberId id) {
    return teams.findMember(id);
  }

  /** The same as {@link #member}: every read is current. */
  public Optional<Member> currentMember(MemberId id) {
    return member(id);
  }

  /** Nothing is kept, so there is nothing to forget; callers that used to evict may still call. */
  public void forget(TeamId id) {}
}
