package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where credits live: a member's pool (self-serve) or a team pool (Enterprise). Immutable; every
 * change returns a {@link PoolTransition}. Sources are kept in waterfall order.
 *
 * @param cycleAnchor the member's anchor date for 30-day plan cycles; absent on a team pool
 * @param cycleStart start of the plan cycle last credited; absent until the first refresh
 * @param reloadInFlight the auto-reload purchase under way, if any (at most one per pool)
 * @param closedAt when the pool's member was removed (rule 22): a closed pool gets no more plan
 *     credits and takes no new runs; absent while the pool is open
 */
public record Pool(
    PoolId id,
    PoolKind kind,
    TeamId team,
    MemberId member,
    Instant cycleAnchor,
    Instant cycleStart,
    long arrears,
    List<CreditSource> sources,
    AutoReloadSettings autoReload,
    PurchaseId reloadInFlight,
    Instant closedAt) {

  /** An open pool. */
  public Pool(
      PoolId id,
      PoolKind kind,
      TeamId team,
      MemberId member,
      Instant cycleAnchor,
      Instant cycleStart,
      long arrears,
      List<CreditSource> sources,
      AutoReloadSettings autoReload,
      PurchaseId reloadInFlight) {
    this(
        id,
        kind,
        team,
        member,
        cycleAnchor,
        cycleStart,
        arrears,
        sources,
        autoReload,
        reloadInFlight,
        null);
  }

  public Pool {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(autoReload, "autoReload");
    if (arrears < 0) {
      throw new IllegalArgumentException("arrears must not be negative");
    }
    if ((kind == PoolKind.MEMBER) != (member != null && cycleAnchor != null)) {
      throw new IllegalArgumentException(
          "a member pool has a member and an anchor, a team pool neither");
    }
    sources = sources.stream().sorted(Waterfall.ORDER).toList();
  }

  public static Pool openForMember(
      TeamId team, MemberId member, Instant anchor, AutoReloadSettings autoReload) {
    return new Pool(
        PoolIds.forMember(member),
        PoolKind.MEMBER,
        team,
        member,
        anchor,
        null,
        0,
        List.of(),
        autoReload,
        null);
  }

  public static Pool openForTeam(TeamId team, AutoReloadSettings autoReload) {
    return new Pool(
        PoolIds.forTeam(team),
        PoolKind.TEAM,
        team,
        null,
        null,
        null,
        0,
        List.of(),
        autoReload,
        null);
  }

  public PoolBalances balances() {
    long plan = 0;
    long addOn = 0;
    long held = 0;
    for (CreditSource source : sources) {
      if (source.kind() == SourceKind.PLAN) {
        plan += source.remaining();
      } else {
        addOn += source.remaining();
      }
      held += source.reserved();
    }
    return new PoolBalances(plan, addOn, arrears, held);
  }

  public long available() {
    return balances().available();
  }

  public Optional<MemberId> memberId() {
    return Optional.ofNullable(member);
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  public Optional<Instant> nextRefreshAt(Duration cycleLength) {
    if (kind != PoolKind.MEMBER || isClosed()) {
      return Optional.empty();
    }
    return Optional.of(cycleStart == null ? cycleAnchor : cycleStart.plus(cycleLength));
  }

  /**
   * When time next changes this pool: its next refresh or the next expiry of free credits. A closed
   * pool with free credits (a removed member's run gave its hold back) is due at once: they go on
   * to the owner's pool.
   */
  public Optional<Instant> nextDueAt(Duration cycleLength) {
    if (isClosed() && sources.stream().anyMatch(s -> s.free() > 0)) {
      return Optional.of(closedAt);
    }
    Optional<Instant> expiry =
        sources.stream()
            .filter(s -> s.free() > 0)
            .map(CreditSource::expiresAt)
            .min(Instant::compareTo);
    Optional<Instant> refresh = nextRefreshAt(cycleLength);
    if (expiry.isEmpty()) {
      return refresh;
    }
    return refresh.filter(r -> r.isBefore(expiry.get())).or(() -> expiry);
  }

  public Optional<CreditSource> source(dev.agentcredits.domain.shared.SourceId sourceId) {
    return sources.stream().filter(s -> s.id().equals(sourceId)).findFirst();
  }

  public boolean isReloadInFlight() {
    return reloadInFlight != null;
  }

  public Pool withAutoReload(AutoReloadSettings settings) {
    return new Pool(
        id,
        kind,
        team,
        member,
        cycleAnchor,
        cycleStart,
        arrears,
        sources,
        settings,
        reloadInFlight,
        closedAt);
  }

  public Pool withReloadInFlight(PurchaseId purchase) {
    return new Pool(
        id,
        kind,
        team,
        member,
        cycleAnchor,
        cycleStart,
        arrears,
        sources,
        autoReload,
        purchase,
        closedAt);
  }

  /** Applies every plan refresh and expiry due by {@code now}, in the order they fell due. */
  public PoolTransition advanceTo(Instant now, long includedPerCycle, Duration cycleLength) {
    return new PoolTimeline(this, includedPerCycle, cycleLength).advanceTo(now);
  }

  /** Reserves {@code credits} through the waterfall for a run, or says what was short. */
  public ReserveOutcome reserve(RunId run, long credits, Instant now) {
    return PoolWork.reserve(this, run, credits, now);
  }

  /** Charges usage against the run's hold first, then the waterfall; the rest becomes arrears. */
  public ChargeOutcome charge(RunId run, Hold hold, String usageRef, long credits, Instant now) {
    return UsageCharge.charge(this, run, hold, usageRef, credits, now);
  }

  /** Gives the unused hold back to its sources; what falls in an expired source expires. */
  public PoolTransition release(RunId run, Hold hold, Instant now) {
    return PoolWork.release(this, run, hold, now);
  }

  /** Adds a lot, grant or plan cycle; arrears are paid from it first. */
  public PoolTransition credit(CreditSource source, String reference, Instant now) {
    return PoolWork.credit(this, source, reference, now);
  }

  /**
   * Takes the free part of a lot out of the pool ({@link PostingKind#REFUNDED} or {@link
   * PostingKind#FROZEN}); what open runs hold of it stays theirs. The lot must be in the pool.
   */
  public PoolTransition withdraw(
      dev.agentcredits.domain.shared.SourceId lot,
      PostingKind kind,
      String reference,
      Instant now) {
    return LotWithdrawal.withdraw(this, lot, kind, reference, now);
  }
}
