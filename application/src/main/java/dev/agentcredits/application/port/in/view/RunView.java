package dev.agentcredits.application.port.in.view;

/** A run as clients see it; {@code errorCode} is null unless the run FAILED. */
public record RunView(
    String taskId,
    String state,
    String trigger,
    BilledPoolView billedPool,
    long heldCredits,
    long chargedCredits,
    String errorCode) {}
