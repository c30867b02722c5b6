package dev.agentcredits.application.port.in.view;

/** {@code denominationCredits} is null until auto-reload was first configured. */
public record AutoReloadView(
    boolean enabled, Long denominationCredits, long thresholdCredits, String turnedOffBy) {}
