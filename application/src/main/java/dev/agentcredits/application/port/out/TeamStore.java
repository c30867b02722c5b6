package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface TeamStore {
  void insert(Team team);

  Optional<Team> find(TeamId id);

  /** Updates the team's mutable fields (its spend cap). */
  void update(Team team);

  /** Inserts a member; false when the team already has a (current) member with that email. */
  boolean insertMember(Member member);

  /** A current member: a removed one is not found. */
  Optional<Member> findMember(MemberId id);

  /**
   * A current member, locked until the transaction ends: changes to one member's keys and
   * membership (rotation, removal) take turns on it.
   */
  Optional<Member> lockMember(MemberId id);

  /** A member, current or removed (to name who started a run, rule 22's readable history). */
  Optional<Member> findMemberEver(MemberId id);

  /** The team's current members. */
  List<Member> members(TeamId team);

  /** Marks the member removed (rule 22); false when there is no such current member. */
  boolean removeMember(MemberId id, Instant at);
}
