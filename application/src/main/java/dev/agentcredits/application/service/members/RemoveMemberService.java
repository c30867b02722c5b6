package dev.agentcredits.application.service.members;

import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RemoveMemberUseCase;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.PoolClosure;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.Optional;

/**
 * DOMAIN.md rule 22, in one transaction: the member is marked removed, their keys are revoked (so
 * every instance refuses them at the next request: keys are read on every request), their pool
 * closes into the owner's ({@link PoolClosing}), and {@code member.removed} is published after the
 * commit. Runs they started keep their holds; the pool stays, so their ledger history does too.
 */
public final class RemoveMemberService implements RemoveMemberUseCase {
  private final TeamStore teams;
  private final ApiKeyStore apiKeys;
  private final PoolStore pools;
  private final BatchWriter batches;
  private final TransactionRunner tx;
  private final PoolClosing closing;
  private final Access access;
  private final BillingTerms terms;
  private final Clock clock;

  public RemoveMemberService(
      TeamStore teams,
      ApiKeyStore apiKeys,
      PoolStore pools,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.apiKeys = apiKeys;
    this.pools = pools;
    this.batches = batches;
    this.tx = tx;
    this.closing = new PoolClosing(pools);
    this.access = new Access(teams);
    this.terms = terms;
    this.clock = clock;
  }

  @Override
  public Outcome<String> remove(MemberCommand command) {
    return Guard.outcome(() -> tx.inTransaction(() -> removeLocked(command)));
  }

  private Outcome<String> removeLocked(MemberCommand command) {
    Team team = access.administeredTeam(command.caller(), command.team());
    Member member =
        teams
            .findMember(command.member())
            .filter(m -> m.team().equals(team.id()))
            .orElseThrow(() -> Guard.refuse(Refusal.notFound("member " + command.member())));
    if (member.role() == Role.OWNER || member.id().equals(team.owner())) {
      throw Guard.refuse(
          Refusal.conflict("the team owner cannot be removed; the owner stays with the team"));
    }
    // The member's row is the removal's lock: of two removals at once, the second waits here and
    // then finds nothing to remove.
    if (!teams.removeMember(member.id(), clock.instant())) {
      throw Guard.refuse(Refusal.notFound("member " + command.member()));
    }
    apiKeys.revokeMemberKeys(member.id(), clock.instant());
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    Optional<PoolClosure.Result> closed = closing.close(team, member.id(), changes);
    changes.raise(
        new DomainEvent(
            EventType.MEMBER_REMOVED,
            team.id(),
            member.id().value(),
            changes.now(),
            new EventData.MemberRemoved(
                member.id(),
                member.role().name(),
                closed.map(c -> PoolIds.forMember(member.id())).orElse(null),
                closed.map(PoolClosure.Result::planCreditsEnded).orElse(0L),
                closed.map(PoolClosure.Result::transferred).orElse(0L))));
    changes.flush();
    return Outcome.ok(member.id().value());
  }
}
