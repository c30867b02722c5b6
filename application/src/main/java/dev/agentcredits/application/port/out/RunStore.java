package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs and the usage reports they have seen, as the use cases read and lock them; they are written
 * with the rest of a transaction's decision ({@link BatchWriter}).
 */
public interface RunStore {
  /**
   * A run to insert and the request key it was submitted under, or null; a request key is unique
   * per team.
   */
  record NewRun(Run run, String requestKey) {}

  Optional<Run> find(RunId id);

  Optional<Run> lock(RunId id);

  /** The runs of the team that some of {@code requestKeys} made, by request key. */
  Map<String, Run> findByRequestKeys(TeamId team, Collection<String> requestKeys);

  /**
   * A usage report of a run: which, its credits, and how it left the run (what it was answered;
   * null for reports recorded before the answer was kept).
   */
  record Usage(RunId run, UsageId usage, long credits, Instant at, Answered answered) {
    public UsageKey key() {
      return new UsageKey(run, usage);
    }
  }

  /** The run's figures a usage report was answered with. */
  record Answered(RunState state, RunFailure failure, long charged, long held) {
    public static Answered of(Run run) {
      return new Answered(run.state(), run.failure(), run.charged(), run.hold().total());
    }
  }

  record UsageKey(RunId run, UsageId usage) {}

  /** Locks the runs that exist, in the order of their ids (so batches never deadlock). */
  default List<Run> lockAll(Collection<RunId> ids) {
    return ids.stream()
        .distinct()
        .sorted(Comparator.comparing(RunId::value))
        .map(this::lock)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Those usage reports the runs have seen before. */
  Map<UsageKey, Usage> findUsages(Collection<UsageKey> keys);

  /** At most {@code limit} runs, newest first (creation time, then id), as the listing says. */
  List<Run> list(RunListing listing, int limit);

  /** Queued runs whose last activity is at or before {@code cutoff}. */
  List<RunId> idleSince(Instant cutoff, int limit);
}
