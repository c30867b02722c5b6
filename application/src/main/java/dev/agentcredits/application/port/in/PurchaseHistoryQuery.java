package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.PurchasePageView;

/** A member pool's purchases, manual and automatic, newest first: that member, owner, admin. */
public interface PurchaseHistoryQuery {
  /** {@code cursor} null starts at the newest; {@code limit} 1-200. */
  Outcome<PurchasePageView> purchases(Caller caller, PoolRef pool, int limit, String cursor);
}
