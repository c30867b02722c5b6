package dev.agentcredits.application.port.in.view;

/**
 * A run as clients see it; {@code errorCode} is null unless the run FAILED. {@code origin} is given
 * by the reads of a run (one run, a list), null elsewhere.
 */
public record RunView(
    String taskId,
    String state,
    String trigger,
    BilledPoolView billedPool,
    long heldCredits,
    long chargedCredits,
    String errorCode,
    RunOriginView origin) {

  public RunView(
      String taskId,
      String state,
      String trigger,
      BilledPoolView billedPool,
      long heldCredits,
      long chargedCredits,
      String errorCode) {
    this(taskId, state, trigger, billedPool, heldCredits, chargedCredits, errorCode, null);
  }

  public RunView withOrigin(RunOriginView runOrigin) {
    return new RunView(
        taskId, state, trigger, billedPool, heldCredits, chargedCredits, errorCode, runOrigin);
  }
}
