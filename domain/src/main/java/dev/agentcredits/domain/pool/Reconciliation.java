package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.SourceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds a pool's balances from its postings alone: the bank-style check of the ledger. */
public final class Reconciliation {
  private Reconciliation() {}

  /** Per-source remaining and reserved credits, and arrears, as the postings say. */
  public record Replayed(Map<SourceId, long[]> sources, long arrears) {
    public long remaining(SourceId id) {
      return sources.getOrDefault(id, new long[2])[0];
    }

    public long reserved(SourceId id) {
      return sources.getOrDefault(id, new long[2])[1];
    }
  }

  public static Replayed replay(List<Posting> postings) {
    Map<SourceId, long[]> sources = new HashMap<>();
    long arrears = 0;
    for (Posting posting : postings) {
      PostingKind kind = posting.kind();
      if (posting.source() != null) {
        long[] amounts = sources.computeIfAbsent(posting.source(), id -> new long[2]);
        amounts[0] += kind.remainingSign() * posting.credits();
        amounts[1] += kind.reservedSign() * posting.credits();
      }
      arrears += kind.arrearsSign() * posting.credits();
    }
    return new Replayed(sources, arrears);
  }

  /** Whether the postings explain the pool exactly: every source, its holds and the arrears. */
  public static boolean matches(Pool pool, List<Posting> postings) {
    Replayed replayed = replay(postings);
    if (replayed.arrears() != pool.arrears()) {
      return false;
    }
    for (var entry : replayed.sources().entrySet()) {
      long[] amounts = entry.getValue();
      var source = pool.source(entry.getKey());
      long remaining = source.map(CreditSource::remaining).orElse(0L);
      long reserved = source.map(CreditSource::reserved).orElse(0L);
      if (amounts[0] != remaining || amounts[1] != reserved) {
        return false;
      }
    }
    return pool.sources().stream().allMatch(s -> replayed.sources().containsKey(s.id()));
  }
}
