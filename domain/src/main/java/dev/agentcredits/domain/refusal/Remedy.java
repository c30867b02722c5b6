package dev.agentcredits.domain.refusal;

import java.util.Objects;

/** One step of the public page's "How to resolve", with who takes it. */
public record Remedy(RemedyAction action, Fixer who) {
  public Remedy {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(who, "who");
  }
}
