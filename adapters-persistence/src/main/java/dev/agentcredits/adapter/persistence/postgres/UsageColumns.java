package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.numbers;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import dev.agentcredits.application.port.out.RunStore.Usage;
import java.time.Instant;
import java.util.List;

/** Usage reports to record, one array per column. */
record UsageColumns(
    String[] runId,
    String[] usageId,
    Long[] credits,
    Instant[] recordedAt,
    String[] answeredState,
    String[] answeredFailure,
    Long[] answeredCharged,
    Long[] answeredHeld) {

  /**
   * Parameters {@code :usage.*}. A usage id the run has seen fails it on the primary key, a
   * constraint refusal: the use case looks reports up before writing them, with the run locked.
   */
  static final String INSERT =
      "INSERT INTO run_usage ("
          + UsageRow.COLUMNS
          + ") SELECT * FROM unnest(CAST(:usage.runId AS text[]), CAST(:usage.usageId AS text[]),"
          + " CAST(:usage.credits AS bigint[]), CAST(:usage.recordedAt AS timestamptz[]),"
          + " CAST(:usage.answeredState AS text[]), CAST(:usage.answeredFailure AS text[]),"
          + " CAST(:usage.answeredCharged AS bigint[]), CAST(:usage.answeredHeld AS bigint[]))";

  static UsageColumns of(List<Usage> usages) {
    List<UsageRow> rows = usages.stream().map(UsageRow::of).toList();
    return new UsageColumns(
        texts(rows, UsageRow::runId),
        texts(rows, UsageRow::usageId),
        numbers(rows, UsageRow::credits),
        instants(rows, UsageRow::recordedAt),
        texts(rows, UsageRow::answeredState),
        texts(rows, UsageRow::answeredFailure),
        numbers(rows, UsageRow::answeredCharged),
        numbers(rows, UsageRow::answeredHeld));
  }
}
