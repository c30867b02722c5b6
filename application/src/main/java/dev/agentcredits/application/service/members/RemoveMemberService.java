package dev.agentcredits.application.service.members;

import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RemoveMemberUseCase;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.PoolClosure;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import java.util.Optional;

/**
 * DOMAIN.md rule 22, in one transaction: the member is marked removed, their keys are revoked (so
 * every instance refuses them at the next request: keys are read on every request), their pool
 * closes into the owner's ({@link PoolClosing}), and {@code member.removed} is published after the
 * commit. Runs they started keep their holds; the pool stays, so their ledger history does too.
 */
public final class RemoveMemberService implements RemoveMemberUseCase {
  private final TeamStore teams;
  private final Access access;
  private final ApiKeyStore apiKeys;
  private final PoolBook book;
  private final TransactionRunner tx;

  public RemoveMemberService(
      TeamStore teams, Access access, ApiKeyStore apiKeys, PoolBook book, TransactionRunner tx) {
    this.teams = teams;
    this.access = access;
    this.apiKeys = apiKeys;
    this.book = book;
    this.tx = tx;
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
    PoolChanges changes = book.open();
    if (!teams.removeMember(member.id(), changes.now())) {
      throw Guard.refuse(Refusal.notFound("member " + command.member()));
    }
    apiKeys.revokeMemberKeys(member.id(), changes.now());
    Optional<PoolClosure.Result> closed = PoolClosing.close(team, member.id(), changes);
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
