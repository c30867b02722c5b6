package dev.agentcredits.bench;

import java.util.BitSet;
import java.util.List;

/**
 * The checks of a usage workload: every event the driver was answered 200 for is stored exactly
 * once in {@code run_usage}, on the run it was sent for, with its credits; nothing else is stored
 * but events whose outcome the driver does not know; the pool's runs are charged exactly the
 * credits of their usage; and events sent twice were answered 200 twice and charged once.
 */
final class UsageChecks {
  private final Invariants inv;
  private final String workload;
  private final String prefix;
  private final List<String> tasks;
  private final long credits;

  UsageChecks(Invariants inv, String workload, String prefix, List<String> tasks, long credits) {
    this.inv = inv;
    this.workload = workload;
    this.prefix = prefix;
    this.tasks = tasks;
    this.credits = credits;
  }

  void check(
      String pool,
      UsageTally tally,
      Load.Result warmup,
      Load.Result measured,
      long replayed,
      long replayedOk)
      throws Exception {
    var totals = inv.pools(workload, List.of(pool));
    inv.counts(
        workload,
        "runs submitted for usage = runs stored QUEUED",
        tasks.size(),
        0,
        totals.queued());
    BitSet answered = tally.answeredEvents();
    Scan scan = new Scan();
    inv.forEachUsage(pool, scan);
    BitSet missing = (BitSet) answered.clone();
    missing.andNot(scan.stored);
    BitSet unanswered = (BitSet) scan.stored.clone();
    unanswered.andNot(answered);
    inv.check(
        workload,
        "each event answered 200 is stored once (run_usage), on its run, with its credits",
        missing.isEmpty() && scan.twice + scan.misplaced + scan.wrongCredits + scan.foreign == 0,
        "%d answered 200, %d rows; %d missing, %d twice, %d on another run, %d with other credits,"
                .formatted(
                    answered.cardinality(),
                    scan.rows,
                    missing.cardinality(),
                    scan.twice,
                    scan.misplaced,
                    scan.wrongCredits)
            + " %d never sent".formatted(scan.foreign));
    inv.check(
        workload,
        "events stored without a 200 <= events sent without an answer",
        unanswered.cardinality() <= tally.unknown(),
        unanswered.cardinality() + " stored without a 200, " + tally.unknown() + " unknown");
    inv.counts(
        workload,
        "credits charged to the runs = credits of the events answered 200",
        answered.cardinality() * credits,
        tally.unknown() * credits,
        totals.charged());
    inv.check(
        workload,
        "every call and every event was answered 200",
        tally.refused() == 0
            && tally.unknown() == 0
            && warmup.ok() == warmup.requests()
            && measured.ok() == measured.requests(),
        "events: %d answered 200, %d refused, %d unknown; calls: statuses %s, errors %d"
            .formatted(
                tally.ok(),
                tally.refused(),
                tally.unknown(),
                measured.statuses(),
                measured.errors() + warmup.errors()));
    inv.check(
        workload,
        "events sent again were answered 200 again (and charged once: the checks above)",
        replayed > 0 && replayedOk == replayed,
        replayedOk + " of " + replayed + " answered 200");
  }

  /** The stored usage rows of the pool's runs, against the events the driver numbered. */
  private final class Scan implements Invariants.UsageRow {
    final BitSet stored = new BitSet();
    long rows;
    long twice;
    long misplaced;
    long wrongCredits;
    long foreign;

    @Override
    public void accept(String runId, String usageId, long rowCredits) {
      rows++;
      long event = eventOf(usageId);
      if (event < 0 || event > Integer.MAX_VALUE) {
        foreign++;
        return;
      }
      if (stored.get((int) event)) {
        twice++;
      }
      stored.set((int) event);
      if (!runId.equals(tasks.get((int) (event % tasks.size())))) {
        misplaced++;
      }
      if (rowCredits != credits) {
        wrongCredits++;
      }
    }

    private long eventOf(String usageId) {
      if (!usageId.startsWith(prefix)) {
        return -1;
      }
      try {
        return Long.parseLong(usageId.substring(prefix.length()));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
