package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.Usage;
import dev.agentcredits.application.port.out.RunStore.UsageKey;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tests' shortcuts: a write batch of one run or one usage report, the run store's look-ups of one.
 */
public final class RunShortcuts {
  private RunShortcuts() {}

  /** Inserts one run; outside a transaction, at once, in one of its own. */
  public static void insert(BatchWriter batches, Run run, String requestKey) {
    WriteBatchBuilder.aBatch().newRun(run, requestKey).writeTo(batches);
  }

  public static Optional<Run> findByRequestKey(RunStore runs, TeamId team, String requestKey) {
    return Optional.ofNullable(runs.findByRequestKeys(team, List.of(requestKey)).get(requestKey));
  }

  /** The credits of a usage report the run has seen, if any. */
  public static OptionalLong findUsage(RunStore runs, RunId run, UsageId usage) {
    UsageKey key = new UsageKey(run, usage);
    Usage found = runs.findUsages(List.of(key)).get(key);
    return found == null ? OptionalLong.empty() : OptionalLong.of(found.credits());
  }

  /** Records one usage report without an answer (as reports recorded before answers were kept). */
  public static void recordUsage(
      BatchWriter batches, RunId run, UsageId usage, long credits, Instant at) {
    WriteBatchBuilder.aBatch().usages(new Usage(run, usage, credits, at, null)).writeTo(batches);
  }
}
