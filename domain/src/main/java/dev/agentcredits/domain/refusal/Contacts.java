package dev.agentcredits.domain.refusal;

import java.util.List;
import java.util.stream.Stream;

/**
 * The team owner's and admins' email addresses, as far as the caller may see them: all of them for
 * the owner, an admin or the operator, none for anyone else (a member sees only themselves).
 */
public record Contacts(String ownerEmail, List<String> adminEmails) {
  public static final Contacts HIDDEN = new Contacts(null, List.of());

  public Contacts {
    adminEmails = List.copyOf(adminEmails);
  }

  /** The addresses of {@code who}, owner first; empty when hidden or not a team role. */
  public List<String> of(Fixer who) {
    return switch (who) {
      case TEAM_OWNER -> ownerEmail == null ? List.of() : List.of(ownerEmail);
      case TEAM_ADMIN -> adminEmails;
      case OWNER_OR_ADMIN ->
          ownerEmail == null
              ? adminEmails
              : Stream.concat(Stream.of(ownerEmail), adminEmails.stream()).toList();
      case TRIGGERING_USER, ACCOUNT_MANAGER -> List.of();
    };
  }
}
