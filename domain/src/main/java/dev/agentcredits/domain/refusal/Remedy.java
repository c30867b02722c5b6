package dev.agentcredits.domain.refusal;

import java.util.List;
import java.util.Objects;

/**
 * One step of the public page's "How to resolve", with who takes it.
 *
 * @param withPrevious taken together with the step before it, not instead of it
 * @param contacts the email addresses of {@code who}, when the caller may see them (else empty)
 */
public record Remedy(RemedyAction action, Fixer who, boolean withPrevious, List<String> contacts) {
  public Remedy {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(who, "who");
    contacts = List.copyOf(contacts);
  }

  public Remedy(RemedyAction action, Fixer who) {
    this(action, who, false, List.of());
  }

  static Remedy together(RemedyAction action, Fixer who) {
    return new Remedy(action, who, true, List.of());
  }

  Remedy withContacts(List<String> emails) {
    return new Remedy(action, who, withPrevious, emails);
  }
}
