package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import java.util.Objects;

/** The use cases the command consumer calls. */
public record CommandHandlers(
    SubmitRunUseCase submitRun,
    ReportUsageUseCase reportUsage,
    ReportUsageBatchUseCase reportUsageBatch,
    CompleteRunUseCase completeRun,
    IdempotencyUseCase idempotency) {
  public CommandHandlers {
    Objects.requireNonNull(submitRun, "submitRun");
    Objects.requireNonNull(reportUsage, "reportUsage");
    Objects.requireNonNull(reportUsageBatch, "reportUsageBatch");
    Objects.requireNonNull(completeRun, "completeRun");
    Objects.requireNonNull(idempotency, "idempotency");
  }
}
