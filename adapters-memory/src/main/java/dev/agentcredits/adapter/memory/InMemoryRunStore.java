package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs and their usage reports; written by {@link InMemoryBatchWriter}. */
final class InMemoryRunStore implements RunStore {
  private final MemoryDatabase db;
  private final Table<RunId, Run> runs;
  private final Table<String, RunId> requestKeys;
  private final Table<String, Usage> usage;

  InMemoryRunStore(MemoryDatabase db) {
    this.db = db;
    this.runs = new Table<>(db);
    this.requestKeys = new Table<>(db);
    this.usage = new Table<>(db);
  }

  void insertAll(List<NewRun> fresh) {
    fresh.forEach(run -> insert(run.run(), run.requestKey()));
  }

  private void insert(Run run, String requestKey) {
    db.run(() -> {
      if (runs.contains(run.id())) {
        throw new IllegalStateException("run " + run.id() + " exists");
      }
      if (requestKey != null) {
        String key = run.team().value() + "|" + requestKey;
        if (requestKeys.contains(key)) {
          throw new DuplicateKeyException("request key already used for a run of this team", null);
        }
        requestKeys.put(key, run.id());
      }
      runs.put(run.id(), run);
    });
  }

  @Override
  public Optional<Run> find(RunId id) {
    return db.call(() -> runs.get(id));
  }

  @Override
  public Optional<Run> lock(RunId id) {
    return find(id);
  }

  @Override
  public Map<String, Run> findByRequestKeys(TeamId team, Collection<String> keys) {
    Map<String, Run> found = new HashMap<>();
    for (String key : keys) {
      findByRequestKey(team, key).ifPresent(run -> found.put(key, run));
    }
    return found;
  }

  private Optional<Run> findByRequestKey(TeamId team, String requestKey) {
    return db.call(() -> requestKeys.get(team.value() + "|" + requestKey).flatMap(runs::get));
  }

  void updateProgress(Collection<Run> progressed) {
    db.run(() -> {
      for (Run run : progressed) {
        if (!runs.contains(run.id())) {
          throw new IllegalStateException("no run " + run.id());
        }
        runs.put(run.id(), run);
      }
    });
  }

  @Override
  public Map<UsageKey, Usage> findUsages(Collection<UsageKey> keys) {
    return db.call(() -> {
      Map<UsageKey, Usage> found = new HashMap<>();
      for (UsageKey key : keys) {
        usage.get(key.run().value() + "|" + key.usage().value()).ifPresent(u -> found.put(key, u));
      }
      return found;
    });
  }

  void recordUsages(List<Usage> reports) {
    db.run(() -> {
      for (Usage report : reports) {
        String key = report.run().value() + "|" + report.usage().value();
        if (usage.contains(key)) {
          throw new IllegalStateException(
              "usage " + report.usage() + " already recorded for run " + report.run());
        }
        usage.put(key, report);
      }
    });
  }

  @Override
  public List<Run> list(RunListing listing, int limit) {
    Comparator<Run> newestFirst =
        Comparator.comparing(Run::createdAt).thenComparing(r -> r.id().value()).reversed();
    return db.call(() ->
        runs.values().stream()
            .filter(r -> r.team().equals(listing.team()))
            .filter(
                r -> listing.triggeredBy() == null || listing.triggeredBy().equals(r.triggeredBy()))
            .filter(r -> listing.state() == null || listing.state() == r.state())
            .filter(r -> listing.before() == null || isBefore(r, listing.before()))
            .sorted(newestFirst)
            .limit(limit)
            .toList());
  }

  private static boolean isBefore(Run run, RunListing.Position position) {
    int byTime = run.createdAt().compareTo(position.createdAt());
    return byTime < 0 || (byTime == 0 && run.id().value().compareTo(position.run().value()) < 0);
  }

  @Override
  public List<RunId> idleSince(Instant cutoff, int limit) {
    return db.call(() ->
        runs.values().stream()
            .filter(r -> r.state().isOpen() && !r.lastActivityAt().isAfter(cutoff))
            .sorted(Comparator.comparing(Run::lastActivityAt))
            .limit(limit)
            .map(Run::id)
            .toList());
  }

  /**
   * What the member's USER runs of the team were charged from {@code from} on and what those still
   * queued hold (for {@link InMemoryMemberLimitStore}).
   */
  MemberSpend tally(TeamId team, MemberId member, YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return db.call(() -> {
      List<Run> theirs =
          runs.values().stream()
              .filter(r -> r.team().equals(team) && r.countsAgainst().equals(Optional.of(member)))
              .toList();
      Set<RunId> ids = theirs.stream().map(Run::id).collect(Collectors.toSet());
      long charged =
          usage.values().stream()
              .filter(u -> ids.contains(u.run()) && !u.at().isBefore(from) && u.at().isBefore(to))
              .mapToLong(Usage::credits)
              .sum();
      long held =
          theirs.stream().filter(r -> r.state().isOpen()).mapToLong(r -> r.hold().total()).sum();
      return new MemberSpend(month, charged, held);
    });
  }
}
