package dev.agentcredits.application.service.members;

import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolClosure;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.team.Team;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Closes a removed member's pool into the owner's (DOMAIN.md rule 22), with both pools locked in
 * the order of their ids, as every transaction that locks several pools does, so none deadlock.
 */
public final class PoolClosing {
  private PoolClosing() {}

  /**
   * Call inside a transaction. Closes the member's pool, or sweeps a closed one again (what a run
   * gave back after the removal); nothing when the member has no pool (Enterprise, legacy plans).
   */
  public static Optional<PoolClosure.Result> close(
      Team team, MemberId member, PoolChanges changes) {
    PoolId memberPool = PoolIds.forMember(member);
    PoolId ownerPool = PoolIds.forMember(team.owner());
    if (changes.find(memberPool).isEmpty() || changes.find(ownerPool).isEmpty()) {
      return Optional.empty();
    }
    Stream.of(memberPool, ownerPool)
        .sorted(Comparator.comparing(PoolId::value))
        .forEach(id -> changes.lockCurrent(id, team.plan()));
    Pool from = changes.current(memberPool);
    Pool to = changes.current(ownerPool);
    PoolClosure.Result result = PoolClosure.close(from, to, changes.now());
    changes.apply(result.member());
    changes.apply(result.owner());
    return Optional.of(result);
  }
}
