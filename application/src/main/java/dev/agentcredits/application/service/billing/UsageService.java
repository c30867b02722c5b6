package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.UsageQuery;
import dev.agentcredits.application.port.in.UsageUseCase;
import dev.agentcredits.application.port.in.view.DayUsageView;
import dev.agentcredits.application.port.in.view.MemberUsageView;
import dev.agentcredits.application.port.in.view.UsageView;
import dev.agentcredits.application.port.out.DailyCharges;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PoolCharges;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Credits charged per UTC day, from the ledger's charges (usage from the hold or the pool, and
 * arrears incurred), and per member pool. Who sees which pools is as for the ledger: the owner,
 * admins and the operator every pool; a MEMBER their own (on a contract plan, the team pool).
 */
public final class UsageService implements UsageUseCase {
  private final Access access;
  private final PoolStore pools;
  private final LedgerStore ledger;
  private final TransactionRunner tx;
  private final Clock clock;

  public UsageService(
      Access access, PoolStore pools, LedgerStore ledger, TransactionRunner tx, Clock clock) {
    this.access = access;
    this.pools = pools;
    this.ledger = ledger;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Outcome<UsageView> usage(UsageQuery query) {
    return Guard.outcome(() -> {
      LocalDate to =
          query.to() != null ? query.to() : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      LocalDate from =
          query.from() != null ? query.from() : to.minusDays(UsageQuery.DEFAULT_DAYS - 1);
      if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) + 1 > UsageQuery.MAX_DAYS) {
        throw Guard.refuse(
            Refusal.invalid(
                "from must not be after to, and they span at most "
                    + UsageQuery.MAX_DAYS
                    + " days"));
      }
      return tx.inTransaction(() -> {
        Team team = access.teamOf(query.caller(), query.team());
        List<Pool> visible = visiblePools(query, team);
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean everyPool = Access.administers(query.caller()) && query.member() == null;
        List<PoolId> ids = everyPool ? List.of() : visible.stream().map(Pool::id).toList();
        if (!everyPool && ids.isEmpty()) {
          return Outcome.ok(new UsageView(from, to, days(from, to, List.of()), List.of()));
        }
        var byDay = ledger.chargesByDay(team.id(), ids, start, end);
        var byPool = ledger.chargesByPool(team.id(), ids, start, end);
        return Outcome.ok(new UsageView(from, to, days(from, to, byDay), members(visible, byPool)));
      });
    });
  }

  private List<Pool> visiblePools(UsageQuery query, Team team) {
    Caller caller = query.caller();
    if (query.member() != null) {
      if (team.plan().isContract()) {
        throw Guard.refuse(
            Refusal.invalid(
                "the "
                    + team.plan()
                    + " plan has one team pool and no member pools; leave"
                    + " member_id out"));
      }
      Member member = access.poolOwner(caller, team, query.member());
      return pools.find(PoolIds.forMember(member.id())).stream().toList();
    }
    if (Access.administers(caller)) {
      return pools.ofTeam(team.id());
    }
    if (!(caller instanceof Caller.MemberKey member)) {
      throw Guard.refuse(Refusal.notAuthorized("usage is visible to the team's members"));
    }
    PoolId own =
        team.plan().isContract() ? PoolIds.forTeam(team.id()) : PoolIds.forMember(member.member());
    return pools.find(own).stream().toList();
  }

  /** Every day of the period, in order; a day without charges shows zero. */
  private static List<DayUsageView> days(LocalDate from, LocalDate to, List<DailyCharges> charged) {
    Map<LocalDate, DailyCharges> byDay =
        charged.stream().collect(Collectors.toMap(DailyCharges::day, Function.identity()));
    List<DayUsageView> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      DailyCharges c = byDay.get(day);
      days.add(new DayUsageView(day, c == null ? 0 : c.credits(), c == null ? 0 : c.runs()));
    }
    return days;
  }

  /** Each visible member pool's total, largest first; the team pool is in the days only. */
  private static List<MemberUsageView> members(List<Pool> visible, List<PoolCharges> charged) {
    Map<PoolId, Long> byPool =
        charged.stream().collect(Collectors.toMap(PoolCharges::pool, PoolCharges::credits));
    return visible.stream()
        .filter(p -> p.memberId().isPresent())
        .map(p -> new MemberUsageView(p.memberId().get().value(), byPool.getOrDefault(p.id(), 0L)))
        .sorted(
            Comparator.comparingLong(MemberUsageView::creditsCharged)
                .reversed()
                .thenComparing(MemberUsageView::memberId))
        .toList();
  }
}
