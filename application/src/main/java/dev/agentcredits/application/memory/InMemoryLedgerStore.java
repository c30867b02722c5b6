package dev.agentcredits.application.memory;

import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The append-only ledger; a rolled-back transaction's postings are taken off the end again. */
final class InMemoryLedgerStore implements LedgerStore {
  private record Stored(TeamId team, LedgerEntry entry) {}

  private final MemoryDatabase db;
  private final List<Stored> entries = new ArrayList<>();
  private long lastSequence;

  InMemoryLedgerStore(MemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void append(TeamId team, List<Posting> postings) {
    db.run(() -> {
      int sizeBefore = entries.size();
      for (Posting posting : postings) {
        entries.add(new Stored(team, new LedgerEntry(++lastSequence, posting)));
      }
      db.onRollback(() -> entries.subList(sizeBefore, entries.size()).clear());
    });
  }

  @Override
  public List<LedgerEntry> page(TeamId team, List<PoolId> pools, long beforeSequence, int limit) {
    return db.call(() ->
        entries.stream()
            .filter(s -> s.team().equals(team))
            .map(Stored::entry)
            .filter(e -> e.sequence() < beforeSequence)
            .filter(e -> pools.isEmpty() || pools.contains(e.posting().pool()))
            .sorted(Comparator.comparingLong(LedgerEntry::sequence).reversed())
            .limit(limit)
            .toList());
  }

  @Override
  public List<Posting> ofPool(PoolId pool) {
    return db.call(() ->
        entries.stream()
            .map(Stored::entry)
            .map(LedgerEntry::posting)
            .filter(p -> p.pool().equals(pool))
            .toList());
  }
}
