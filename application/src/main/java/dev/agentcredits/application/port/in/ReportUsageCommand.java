package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.util.Objects;

public record ReportUsageCommand(Caller caller, RunId run, UsageId usage, long credits) {
  /** One report may not charge more than this, so a typo cannot run up unbounded arrears. */
  public static final long MAX_CREDITS_PER_REPORT = 1_000_000_000L;

  public ReportUsageCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(run, "task_id is required");
    Objects.requireNonNull(usage, "usage_id is required");
    if (credits < 1 || credits > MAX_CREDITS_PER_REPORT) {
      throw new IllegalArgumentException("credits must be a whole number from 1 to 1000000000");
    }
  }
}
