package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.DailyCharges;
import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PoolCharges;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The append-only ledger; a rolled-back transaction's postings are taken off the end again. */
final class InMemoryLedgerStore implements LedgerStore {
  private record Stored(TeamId team, LedgerEntry entry) {}

  private final MemoryDatabase db;
  private final List<Stored> entries = new ArrayList<>();
  private long lastSequence;

  InMemoryLedgerStore(MemoryDatabase db) {
    this.db = db;
  }

  void append(TeamId team, List<Posting> postings) {
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
  public List<DailyCharges> chargesByDay(
      TeamId team, List<PoolId> pools, Instant from, Instant to) {
    return db.call(() -> {
      Map<LocalDate, List<Posting>> byDay =
          charges(team, pools, from, to)
              .collect(
                  Collectors.groupingBy(
                      p -> LocalDate.ofInstant(p.at(), ZoneOffset.UTC),
                      TreeMap::new,
                      Collectors.toList()));
      return byDay.entrySet().stream()
          .map(day ->
              new DailyCharges(
                  day.getKey(),
                  day.getValue().stream().mapToLong(Posting::credits).sum(),
                  day.getValue().stream().map(Posting::run).distinct().count()))
          .toList();
    });
  }

  @Override
  public List<PoolCharges> chargesByPool(
      TeamId team, List<PoolId> pools, Instant from, Instant to) {
    return db.call(() ->
        charges(team, pools, from, to)
            .collect(
                Collectors.groupingBy(
                    Posting::pool,
                    () -> new TreeMap<>(Comparator.comparing(PoolId::value)),
                    Collectors.summingLong(Posting::credits)))
            .entrySet()
            .stream()
            .map(e -> new PoolCharges(e.getKey(), e.getValue()))
            .toList());
  }

  private Stream<Posting> charges(TeamId team, List<PoolId> pools, Instant from, Instant to) {
    return entries.stream()
        .filter(s -> s.team().equals(team))
        .map(s -> s.entry().posting())
        .filter(p -> p.kind().isCharge())
        .filter(p -> pools.isEmpty() || pools.contains(p.pool()))
        .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to));
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

  @Override
  public Map<PoolId, Instant> lastPostedAt(List<PoolId> pools) {
    return db.call(() -> {
      Map<PoolId, Instant> last = new HashMap<>();
      for (Stored stored : entries) {
        Posting posting = stored.entry().posting();
        if (pools.contains(posting.pool())) {
          last.put(posting.pool(), posting.at());
        }
      }
      return last;
    });
  }
}
