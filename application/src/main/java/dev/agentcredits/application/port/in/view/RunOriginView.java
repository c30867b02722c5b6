package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/**
 * Where a run came from, as run reads show it: when it was submitted, the start of its prompt, and
 * who submitted it.
 */
public record RunOriginView(Instant createdAt, String promptExcerpt, SubmittedByView submittedBy) {}
