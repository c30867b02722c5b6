package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;
import java.util.List;

/**
 * Charges many usage reports together (API.md "Usage in batches"): each exactly once per run and
 * usage id, as {@link ReportUsageUseCase} does; one answer per report, in order; a report refused
 * fails alone.
 */
public interface ReportUsageBatchUseCase {
  int MAX_REPORTS = 1_000;

  List<Outcome<RunView>> reportAll(List<ReportUsageCommand> reports);
}
