package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data: {@code aMemberPool().anchoredAt(T0).withPlanCredits(1500).withLot("lot-a", 400,
 * T0.plus(90, DAYS)).build()}. Every credit goes through {@link Pool#credit}, so the ledger of the
 * built pool is complete.
 */
final class PoolBuilder {
  static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
  static final TeamId TEAM = new TeamId("team-1");
  static final MemberId ALICE = new MemberId("alice");

  private final boolean member;
  private Instant anchor = T0;
  private long planCredits = 1_500;
  private AutoReloadSettings autoReload = AutoReloadSettings.off(Credits.of(100));
  private final List<CreditSource> lots = new ArrayList<>();

  private PoolBuilder(boolean member) {
    this.member = member;
  }

  static PoolBuilder aMemberPool() {
    return new PoolBuilder(true);
  }

  static PoolBuilder aTeamPool() {
    return new PoolBuilder(false).withPlanCredits(0);
  }

  static Instant days(long days) {
    return T0.plus(days, ChronoUnit.DAYS);
  }

  PoolBuilder anchoredAt(Instant at) {
    this.anchor = at;
    return this;
  }

  PoolBuilder withPlanCredits(long credits) {
    this.planCredits = credits;
    return this;
  }

  PoolBuilder withAutoReload(AutoReloadSettings settings) {
    this.autoReload = settings;
    return this;
  }

  PoolBuilder withLot(String id, long credits, Instant expiresAt) {
    lots.add(source(id, SourceKind.ADD_ON, credits, T0, expiresAt));
    return this;
  }

  PoolBuilder withGrant(String id, long credits, Instant expiresAt) {
    lots.add(source(id, SourceKind.GRANT, credits, T0, expiresAt));
    return this;
  }

  static CreditSource source(
      String id, SourceKind kind, long credits, Instant acquired, Instant expires) {
    return new CreditSource(new SourceId(id), kind, credits, 0, acquired, expires);
  }

  /** The pool as of {@code T0}: the anchor's cycle credited (member pools), then the lots. */
  TrackedPool build() {
    Pool pool =
        member
            ? Pool.openForMember(TEAM, ALICE, anchor, autoReload)
            : Pool.openForTeam(TEAM, autoReload);
    TrackedPool tracked = new TrackedPool(pool, planCredits);
    tracked.advanceTo(T0);
    for (CreditSource lot : lots) {
      tracked.credit(lot, T0);
    }
    return tracked;
  }
}
