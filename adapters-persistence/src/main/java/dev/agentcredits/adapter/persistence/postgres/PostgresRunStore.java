package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs in {@code runs} (a request key is unique per team), usage reports in {@code run_usage} (a
 * usage id once per run).
 */
public final class PostgresRunStore implements RunStore {
  private static final Set<String> HOLD = Set.of("hold");

  private final JdbiTransactionRunner db;

  PostgresRunStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(Run run, String requestKey) {
    if (requestKey == null) {
      insertAll(List.of(run));
      return;
    }
    // A request key may collide with another request's: that must be heard here, at once.
    db.withDao(
        RunDao.class,
        dao -> {
          dao.insert(RunRow.of(run).params(), requestKey);
          return null;
        });
  }

  /**
   * One statement for any number of runs, deferred: a group commit of admissions sends its runs
   * with its pool, postings and events in one round trip.
   */
  @Override
  public void insertAll(List<Run> runs) {
    if (runs.isEmpty()) {
      return;
    }
    db.defer(
        RunDao.INSERT_JSON,
        Map.of(
            "deferredRuns",
            RecordSets.json(runs.stream().map(run -> RunRow.of(run).params()).toList(), HOLD)));
  }

  @Override
  public Optional<Run> find(RunId id) {
    return db.withDao(RunDao.class, dao -> dao.find(id.value()).map(RunRow::toRun));
  }

  @Override
  public Optional<Run> lock(RunId id) {
    return db.withDao(RunDao.class, dao -> dao.lock(id.value()).map(RunRow::toRun));
  }

  @Override
  public Optional<Run> findByRequestKey(TeamId team, String requestKey) {
    return db.withDao(
        RunDao.class, dao -> dao.findByRequestKey(team.value(), requestKey).map(RunRow::toRun));
  }

  @Override
  public void update(Run run) {
    int updated = db.withDao(RunDao.class, dao -> dao.update(RunRow.of(run).params()));
    if (updated != 1) {
      throw new IllegalStateException("no run " + run.id());
    }
  }

  @Override
  public OptionalLong findUsage(RunId run, UsageId usage) {
    return db.withDao(
        RunDao.class,
        dao ->
            dao.findUsage(run.value(), usage.value())
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
  }

  @Override
  public void recordUsage(RunId run, UsageId usage, long credits, Instant at) {
    db.withDao(
        RunDao.class,
        dao -> {
          dao.recordUsage(run.value(), usage.value(), credits, at);
          return null;
        });
  }

  @Override
  public List<Run> list(RunListing listing, int limit) {
    String team = listing.team().value();
    String member = listing.triggeredBy() == null ? null : listing.triggeredBy().value();
    String state = listing.state() == null ? null : listing.state().name();
    var before = listing.before();
    return db.withDao(
        RunDao.class,
        dao ->
            (before == null
                    ? dao.listFirst(team, member, state, limit)
                    : dao.listBefore(
                        team, member, state, before.createdAt(), before.run().value(), limit))
                .stream().map(RunRow::toRun).toList());
  }

  @Override
  public List<RunId> idleSince(Instant cutoff, int limit) {
    return db.withDao(
        RunDao.class, dao -> dao.idleSince(cutoff, limit).stream().map(RunId::new).toList());
  }
}
