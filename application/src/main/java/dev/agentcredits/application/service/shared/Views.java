package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.in.view.AutoReloadView;
import dev.agentcredits.application.port.in.view.BilledPoolView;
import dev.agentcredits.application.port.in.view.LedgerEntryView;
import dev.agentcredits.application.port.in.view.LotView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.run.Run;
import java.time.Duration;
import java.util.Locale;

/** Maps domain state to the plain views the adapters render. */
public final class Views {
  private Views() {}

  public static RunView run(Run run) {
    return new RunView(
        run.id().value(),
        run.state().name(),
        run.trigger().name(),
        billedPool(run.billedPool()),
        run.hold().total(),
        run.charged(),
        run.failure() == null ? null : run.failure().code());
  }

  /** The run as a usage report left it, when that is known, else as it stands. */
  public static RunView run(Run run, RunStore.Answered answered) {
    if (answered == null) {
      return run(run);
    }
    return new RunView(
        run.id().value(),
        answered.state().name(),
        run.trigger().name(),
        billedPool(run.billedPool()),
        answered.held(),
        answered.charged(),
        answered.failure() == null ? null : answered.failure().code());
  }

  public static BilledPoolView billedPool(BilledPool pool) {
    return new BilledPoolView(
        pool.kind().name(),
        pool.team().value(),
        pool.member() == null ? null : pool.member().value());
  }

  public static PoolView pool(Pool pool, Duration cycleLength) {
    PoolBalances balances = pool.balances();
    return new PoolView(
        pool.kind().name(),
        pool.team().value(),
        pool.member() == null ? null : pool.member().value(),
        balances.plan(),
        balances.addOn(),
        balances.arrears(),
        balances.held(),
        balances.available(),
        pool.nextRefreshAt(cycleLength).orElse(null),
        pool.sources().stream().filter(CreditSource::isLot).map(Views::lot).toList(),
        autoReload(pool.autoReload()));
  }

  public static AutoReloadView autoReload(AutoReloadSettings settings) {
    return new AutoReloadView(
        settings.enabled(),
        settings.denomination() == null ? null : settings.denomination().value(),
        settings.threshold().value(),
        settings.turnedOffBy() == null ? null : settings.turnedOffBy().code());
  }

  public static LedgerEntryView ledgerEntry(LedgerEntry entry) {
    Posting p = entry.posting();
    return new LedgerEntryView(
        "le_" + entry.sequence(),
        p.pool().value(),
        p.kind().name().toLowerCase(Locale.ROOT),
        p.credits(),
        p.source() == null ? null : p.source().value(),
        p.sourceKind() == null ? null : p.sourceKind().name().toLowerCase(Locale.ROOT),
        p.run() == null ? null : p.run().value(),
        p.reference(),
        p.at());
  }

  private static LotView lot(CreditSource source) {
    return new LotView(
        source.id().value(),
        source.kind().name().toLowerCase(Locale.ROOT),
        source.remaining(),
        source.expiresAt());
  }
}
