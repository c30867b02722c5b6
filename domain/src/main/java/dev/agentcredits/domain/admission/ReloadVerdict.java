package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.team.Team;

/** What a refusal says of auto-reload (DOMAIN.md rule 17: every failed reload says why). */
public final class ReloadVerdict {
  private ReloadVerdict() {}

  /** Auto-reload's state when it was not tried for this request. */
  public static AutoReloadState withoutReload(Pool pool, Team team) {
    if (!team.plan().allowsAddOns()) {
      return AutoReloadState.NOT_OFFERED;
    }
    if (!pool.autoReload().enabled()) {
      return pool.autoReload().turnedOffBy() == ReloadFailure.PAYMENT_DECLINED
          ? AutoReloadState.PAYMENT_DECLINED
          : AutoReloadState.OFF;
    }
    return AutoReloadState.IN_FLIGHT;
  }

  /** Auto-reload's state after a reload for this request was refused. */
  public static AutoReloadState after(ReloadFailure failure) {
    return switch (failure) {
      case SPEND_CAP_REACHED -> AutoReloadState.CAP_REACHED;
      case PAYMENT_DECLINED -> AutoReloadState.PAYMENT_DECLINED;
      case AUTO_RELOAD_DISABLED -> AutoReloadState.OFF;
    };
  }
}
