package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.NewRun;
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

/** Tests' shortcuts: the run store's batch methods, called for one run or one usage report. */
public final class RunShortcuts {
  private RunShortcuts() {}

  /** Inserts one run; outside a transaction, at once, in one of its own. */
  public static void insert(RunStore runs, Run run, String requestKey) {
    runs.insertAll(List.of(new NewRun(run, requestKey)));
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
      RunStore runs, RunId run, UsageId usage, long credits, Instant at) {
    runs.recordUsages(List.of(new Usage(run, usage, credits, at, null)));
  }
}
