package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams and members as a request needs them before it reaches a pool, kept in memory so that a
 * submit does not read them from the store every time. Only facts that never change are used from
 * here: a team's plan and owner, a member's team and role, all written once when the team or member
 * is created (TeamStore.update changes only the spend cap; no use case moves a member or changes a
 * role or a plan).
 *
 * <p>What can change is never taken from here. An API key's revocation is read on every request
 * ({@link AuthenticateService}), so a revoked key stops working at once on every instance. The team
 * is read again inside each admission batch's transaction, before the pool is locked ({@link
 * Admission}): the spend cap comes from that read, and a plan or owner that differs from the one
 * the billed pool was resolved with makes the submit answer 409 (retryable) and evicts the entry. A
 * use case that one day changes a plan, an owner or a role must evict the entry here too, and,
 * since other instances keep their own, re-read what it changed where it is used, as Admission does
 * for the plan.
 *
 * <p>Removing a member (DOMAIN.md rule 22) is the one change to a member, and it is never taken
 * from here either: it revokes the member's keys in the same transaction (so authentication, which
 * reads the key's row on every request, refuses them at once on every instance), closes the
 * member's pool (so Admission, which locks the pool, refuses new runs on it), and integrations that
 * name a member are checked with {@link #currentMember}, a fresh read.
 */
public final class Directory {
  /** A bound on memory; when reached the entries are dropped and read again as needed. */
  private static final int MAX_ENTRIES = 100_000;

  private final TeamStore teamStore;
  private final Map<TeamId, Team> teams = new ConcurrentHashMap<>();
  private final Map<MemberId, Member> members = new ConcurrentHashMap<>();

  public Directory(TeamStore teamStore) {
    this.teamStore = teamStore;
  }

  /** The team as created (use its id, plan and owner only; read the spend cap from the store). */
  public Optional<Team> team(TeamId id) {
    Team known = teams.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Team> found = teamStore.find(id);
    found.ifPresent(team -> remember(teams, id, team));
    return found;
  }

  public Optional<Member> member(MemberId id) {
    Member known = members.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Member> found = teamStore.findMember(id);
    found.ifPresent(member -> remember(members, id, member));
    return found;
  }

  /** The member as the store has it now (a removed member is not found), refreshing the cache. */
  public Optional<Member> currentMember(MemberId id) {
    Optional<Member> found = teamStore.findMember(id);
    found.ifPresentOrElse(member -> remember(members, id, member), () -> members.remove(id));
    return found;
  }

  public void forget(TeamId id) {
    teams.remove(id);
  }

  /** Drops a removed member from this instance's cache (other instances: see the class note). */
  public void forget(MemberId id) {
    members.remove(id);
  }

  private static <K, V> void remember(Map<K, V> map, K key, V value) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(key, value);
  }
}
