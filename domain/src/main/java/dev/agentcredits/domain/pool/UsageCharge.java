package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.RunId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A usage charge (DOMAIN.md rules 3 and 5): the run's hold first, then the waterfall, and what
 * neither covers as arrears.
 */
final class UsageCharge {
  private UsageCharge() {}

  static ChargeOutcome charge(
      Pool pool, RunId run, Hold hold, String usageRef, long credits, Instant now) {
    PoolWork.requirePositive(credits);
    PoolWork work = new PoolWork(pool);
    long due = credits;
    List<Reservation> stillHeld = new ArrayList<>();
    for (Reservation reservation : hold.reservations()) {
      long take = Math.min(due, reservation.credits());
      if (take > 0) {
        work.move(reservation.source(), PostingKind.CHARGED_FROM_HOLD, take, run, usageRef, now);
        due -= take;
      }
      if (reservation.credits() > take) {
        stillHeld.add(
            new Reservation(
                reservation.source(), reservation.sourceKind(), reservation.credits() - take));
      }
    }
    long fromHold = credits - due;
    long fromWaterfall = PoolWork.sum(work.draw(due, PostingKind.CHARGED, run, usageRef, now));
    long uncovered = due - fromWaterfall;
    if (uncovered > 0) {
      work.incurArrears(uncovered, run, usageRef, now);
    }
    return new ChargeOutcome(
        work.finish(), new Hold(stillHeld), fromHold, fromWaterfall, uncovered);
  }
}
