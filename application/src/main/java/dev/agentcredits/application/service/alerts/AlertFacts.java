package dev.agentcredits.application.service.alerts;

import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.alert.AlertsInForce.CapStanding;
import dev.agentcredits.domain.alert.AlertsInForce.PoolStanding;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a team's alerts are decided from, read as it stands now: the month's spend against the cap
 * (on plans that buy add-ons), each pool brought up to date with when its balance last changed and
 * when a declined auto-reload turned its reload off, and the members' emails to name whose pool.
 */
public final class AlertFacts {
  private final PoolBook book;
  private final SpendStore spending;
  private final PurchaseStore purchases;
  private final LedgerStore ledger;
  private final TeamStore teams;
  private final Clock clock;

  public AlertFacts(
      PoolBook book,
      SpendStore spending,
      PurchaseStore purchases,
      LedgerStore ledger,
      TeamStore teams,
      Clock clock) {
    this.book = book;
    this.spending = spending;
    this.purchases = purchases;
    this.ledger = ledger;
    this.teams = teams;
    this.clock = clock;
  }

  /** The facts, the instant they stand at, and the members' emails by id. */
  public record Facts(
      Optional<CapStanding> cap,
      List<PoolStanding> pools,
      Map<MemberId, String> emails,
      Instant now) {}

  /** Call inside a transaction, with the stored pools the caller may see. */
  public Facts read(Team team, List<Pool> stored) {
    Instant now = clock.instant();
    Optional<CapStanding> cap =
        team.plan().allowsAddOns()
            ? Optional.of(
                new CapStanding(
                    spending.find(team.id(), MonthlySpend.monthOf(now)), team.monthlySpendCap()))
            : Optional.empty();
    List<Pool> pools =
        stored.stream().filter(p -> !p.isClosed()).map(p -> book.asOfNow(p, team.plan())).toList();
    Map<PoolId, Instant> changed =
        pools.isEmpty() ? Map.of() : ledger.lastPostedAt(pools.stream().map(Pool::id).toList());
    List<PoolId> declined =
        pools.stream()
            .filter(p -> p.autoReload().turnedOffBy() == ReloadFailure.PAYMENT_DECLINED)
            .map(Pool::id)
            .toList();
    Map<PoolId, Instant> declinedAt =
        declined.isEmpty() ? Map.of() : purchases.lastDeclinedReloads(declined);
    List<PoolStanding> standings =
        pools.stream()
            .map(p -> new PoolStanding(p, declinedAt.get(p.id()), changed.get(p.id())))
            .toList();
    Map<MemberId, String> emails =
        teams.members(team.id()).stream()
            .collect(Collectors.toMap(Member::id, Member::email, (a, b) -> a));
    return new Facts(cap, standings, emails, now);
  }
}
