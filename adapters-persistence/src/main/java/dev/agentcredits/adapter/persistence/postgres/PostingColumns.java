package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.numbers;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Ledger postings to append, one array per column, in the order they are to be sequenced. */
record PostingColumns(
    String[] teamId,
    String[] poolId,
    String[] kind,
    Long[] credits,
    String[] sourceId,
    String[] sourceKind,
    String[] runId,
    String[] reference,
    Instant[] at) {

  /** Parameters {@code :posting.*}; sequences follow the arrays' order. */
  static final String INSERT =
      "INSERT INTO ledger_postings (team_id, pool_id, kind, credits, source_id, source_kind,"
          + " run_id, reference, at)"
          + " SELECT team_id, pool_id, kind, credits, source_id, source_kind, run_id, reference, at"
          + " FROM unnest(CAST(:posting.teamId AS text[]), CAST(:posting.poolId AS text[]),"
          + " CAST(:posting.kind AS text[]), CAST(:posting.credits AS bigint[]),"
          + " CAST(:posting.sourceId AS text[]), CAST(:posting.sourceKind AS text[]),"
          + " CAST(:posting.runId AS text[]), CAST(:posting.reference AS text[]),"
          + " CAST(:posting.at AS timestamptz[]))"
          + " WITH ORDINALITY AS p(team_id, pool_id, kind, credits, source_id, source_kind, run_id,"
          + " reference, at, n) ORDER BY n";

  /** The postings of each team, teams in the map's order. */
  static PostingColumns of(Map<TeamId, List<Posting>> byTeam) {
    List<PostingRow> rows =
        byTeam.entrySet().stream()
            .flatMap(
                team -> team.getValue().stream().map(p -> PostingRow.of(team.getKey().value(), p)))
            .toList();
    return new PostingColumns(
        texts(rows, PostingRow::teamId),
        texts(rows, PostingRow::poolId),
        texts(rows, PostingRow::kind),
        numbers(rows, PostingRow::credits),
        texts(rows, PostingRow::sourceId),
        texts(rows, PostingRow::sourceKind),
        texts(rows, PostingRow::runId),
        texts(rows, PostingRow::reference),
        instants(rows, PostingRow::at));
  }
}
