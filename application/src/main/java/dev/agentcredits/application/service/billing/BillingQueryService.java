package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.BillingQuery;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.LedgerPageView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.TeamBillingView;
import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Pools, team billing and the ledger, shown as of now (refreshes and expiries due are applied to
 * the view); a member pool shows its member's monthly limit when one applies (DOMAIN.md rule 24).
 */
public final class BillingQueryService implements BillingQuery {
  public static final int MAX_PAGE = 200;

  private final Access access;
  private final PoolBook book;
  private final LedgerStore ledger;
  private final SpendFigures figures;
  private final TransactionRunner tx;
  private final Clock clock;

  public BillingQueryService(
      Access access,
      PoolBook book,
      LedgerStore ledger,
      SpendFigures figures,
      TransactionRunner tx,
      Clock clock) {
    this.access = access;
    this.book = book;
    this.ledger = ledger;
    this.figures = figures;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Outcome<PoolView> memberPool(Caller caller, PoolRef ref) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.teamOf(caller, ref.team());
          Member member = access.poolOwner(caller, team, ref.member());
          Pool pool =
              book.find(PoolIds.forMember(member.id()))
                  .orElseThrow(() ->
                      Guard.refuse(
                          Refusal.notFound(
                              "a member pool (the "
                                  + team.plan()
                                  + " plan has none; see the team pool)")));
          return Outcome.ok(
              figures
                  .withLimits(List.of(book.view(pool, team.plan())), clock.instant())
                  .getFirst());
        }));
  }

  @Override
  public Outcome<PoolView> teamPool(Caller caller, TeamId teamId) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.teamOf(caller, teamId);
          if (caller instanceof Caller.TeamKey) {
            // API.md: any member; a team API key is not one (as for the team's billing)
            throw Guard.refuse(
                Refusal.notAuthorized("the team pool is visible to the team's members"));
          }
          Pool pool =
              book.find(PoolIds.forTeam(team.id()))
                  .orElseThrow(() ->
                      Guard.refuse(
                          Refusal.notFound(
                              "a team pool (only ENTERPRISE teams have one; this team is on "
                                  + team.plan()
                                  + ")")));
          return Outcome.ok(book.view(pool, team.plan()));
        }));
  }

  @Override
  public Outcome<TeamBillingView> teamBilling(Caller caller, TeamId teamId) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.teamOf(caller, teamId);
          Instant now = clock.instant();
          // A removed member's closed pool keeps its ledger but leaves the team's billing (rule
          // 22).
          List<PoolView> pools =
              figures.withLimits(
                  visiblePools(caller, team).stream()
                      .filter(p -> !p.isClosed())
                      .map(p -> book.view(p, team.plan()))
                      .toList(),
                  now);
          return Outcome.ok(
              new TeamBillingView(
                  team.id().value(), team.plan().name(), figures.cap(team, now), pools));
        }));
  }

  @Override
  public Outcome<LedgerPageView> ledger(Caller caller, TeamId teamId, int limit, String cursor) {
    return Guard.outcome(() -> {
      if (limit < 1 || limit > MAX_PAGE) {
        throw Guard.refuse(Refusal.invalid("limit must be from 1 to " + MAX_PAGE));
      }
      long before = parseCursor(cursor);
      return tx.inTransaction(() -> {
        Team team = access.teamOf(caller, teamId);
        List<PoolId> pools =
            Access.administers(caller)
                ? List.of()
                : visiblePools(caller, team).stream().map(Pool::id).toList();
        if (!Access.administers(caller) && pools.isEmpty()) {
          return Outcome.ok(new LedgerPageView(List.of(), null));
        }
        List<LedgerEntry> entries = ledger.page(team.id(), pools, before, limit + 1);
        String next =
            entries.size() > limit ? Long.toString(entries.get(limit - 1).sequence()) : null;
        return Outcome.ok(
            new LedgerPageView(
                entries.stream().limit(limit).map(Views::ledgerEntry).toList(), next));
      });
    });
  }

  /** Owners, admins and the operator see every pool; a member sees their own (or the team pool). */
  private List<Pool> visiblePools(Caller caller, Team team) {
    if (Access.administers(caller)) {
      return book.ofTeam(team.id());
    }
    if (!(caller instanceof Caller.MemberKey member)) {
      throw Guard.refuse(Refusal.notAuthorized("billing is visible to the team's members"));
    }
    PoolId own =
        team.plan().isContract() ? PoolIds.forTeam(team.id()) : PoolIds.forMember(member.member());
    return book.find(own).stream().toList();
  }

  private static long parseCursor(String cursor) {
    if (cursor == null) {
      return Long.MAX_VALUE;
    }
    try {
      long value = Long.parseLong(cursor);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Guard.refuse(Refusal.invalid("cursor must be a next_cursor from an earlier page"));
  }
}
