package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/** A run in a list: the run as clients see it, and when it was submitted. */
public record ListedRunView(RunView run, Instant createdAt) {}
