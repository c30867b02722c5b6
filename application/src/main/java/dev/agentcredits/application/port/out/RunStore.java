package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public interface RunStore {
  /** Inserts a run; {@code requestKey}, when given, is unique per team. */
  void insert(Run run, String requestKey);

  /** Inserts runs that carry no request key, as one batch where the store can. */
  default void insertAll(List<Run> runs) {
    runs.forEach(run -> insert(run, null));
  }

  Optional<Run> find(RunId id);

  Optional<Run> lock(RunId id);

  Optional<Run> findByRequestKey(TeamId team, String requestKey);

  void update(Run run);

  /** The credits of a usage report this run has seen before, if any. */
  OptionalLong findUsage(RunId run, UsageId usage);

  /** Records a usage report; a run sees each usage id once (the store enforces it). */
  void recordUsage(RunId run, UsageId usage, long credits, Instant at);

  /** At most {@code limit} runs, newest first (creation time, then id), as the listing says. */
  List<Run> list(RunListing listing, int limit);

  /** Queued runs whose last activity is at or before {@code cutoff}. */
  List<RunId> idleSince(Instant cutoff, int limit);
}
