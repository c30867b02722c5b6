package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code aMemberPool(team, member).withSources(..).build()}. */
public final class PoolBuilder {
  private final TeamId team;
  private final MemberId member;
  private Instant cycleStart;
  private long arrears;
  private final List<CreditSource> sources = new ArrayList<>();
  private AutoReloadSettings autoReload = AutoReloadSettings.off(Credits.of(100));
  private PurchaseId reloadInFlight;

  private PoolBuilder(TeamId team, MemberId member) {
    this.team = team;
    this.member = member;
  }

  public static PoolBuilder aMemberPool(TeamId team, MemberId member) {
    return new PoolBuilder(team, member);
  }

  public static PoolBuilder aTeamPool(TeamId team) {
    return new PoolBuilder(team, null);
  }

  public PoolBuilder withCycleStart(Instant value) {
    cycleStart = value;
    return this;
  }

  public PoolBuilder withArrears(long value) {
    arrears = value;
    return this;
  }

  public PoolBuilder withSources(CreditSource... values) {
    sources.addAll(List.of(values));
    return this;
  }

  public PoolBuilder withAutoReload(AutoReloadSettings value) {
    autoReload = value;
    return this;
  }

  public PoolBuilder withReloadInFlight(PurchaseId value) {
    reloadInFlight = value;
    return this;
  }

  public Pool build() {
    boolean ofMember = member != null;
    return new Pool(
        ofMember ? PoolIds.forMember(member) : PoolIds.forTeam(team),
        ofMember ? PoolKind.MEMBER : PoolKind.TEAM,
        team,
        member,
        ofMember ? TestData.T0 : null,
        cycleStart,
        arrears,
        sources,
        autoReload,
        reloadInFlight);
  }
}
