package dev.agentcredits.domain.alert;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import java.time.Instant;

/**
 * Something people are to be told is so now (DOMAIN.md rule 25, API.md {@code GET
 * /teams/{team_id}/alerts}), with the figures that say how bad it is. {@code raisedAt} is when it
 * began, as far as the service knows.
 */
public sealed interface Alert {
  Instant raisedAt();

  /** Whether nothing more can be bought or drawn until someone acts (not just a warning). */
  boolean blocking();

  /** The team's month-to-date add-on spend has reached {@code thresholdPercent} of its cap. */
  record SpendCapNear(int thresholdPercent, Money spent, Money cap, Instant raisedAt)
      implements Alert {
    @Override
    public boolean blocking() {
      return thresholdPercent >= 100;
    }
  }

  /** A declined payment turned the pool's auto-reload off (rule 17); the card needs updating. */
  record ReloadDeclined(PoolId pool, MemberId member, Instant raisedAt) implements Alert {
    @Override
    public boolean blocking() {
      return true;
    }
  }

  /**
   * The pool's available credits are at or below its threshold ({@code credits.low}), or none are
   * left ({@code credits.depleted}).
   */
  record PoolLow(
      PoolId pool,
      MemberId member,
      long availableCredits,
      long thresholdCredits,
      boolean autoReloadOn,
      Instant raisedAt)
      implements Alert {
    public boolean depleted() {
      return availableCredits <= 0;
    }

    @Override
    public boolean blocking() {
      return depleted();
    }
  }
}
