package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/**
 * The provider's side of a team's card: its customers, each marked as one team's, and the page
 * (Stripe Checkout in setup mode) where an admin enters a card that is then saved as the team's.
 */
public interface CardSetup {
  /** The query parameter the return URL gets: the session the page comes back from. */
  String SESSION_PARAMETER = "setup_session";

  /**
   * Whose the customer is by the provider's own record: a customer that names no team is marked as
   * {@code team}'s now; one that names another team is left as it is.
   */
  CustomerCheck claim(TeamId team, String customerId);

  /** A new customer marked as the team's. */
  NewCustomer createCustomer(TeamId team);

  /** A setup page for the customer; the page returns to {@code returnUrl} either way. */
  SessionStart startSession(TeamId team, String customerId, String returnUrl);

  /**
   * The card a completed setup session saved, described; {@code teamCustomer} is the customer the
   * team's sessions are made for (null when none was ever made).
   */
  SessionEnd finishSession(TeamId team, String teamCustomer, String sessionId);

  /** {@code url} with {@code setup_session=<sessionId>} added to its query, before any fragment. */
  static String withSession(String url, String sessionId) {
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String separator =
        base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    return base + separator + SESSION_PARAMETER + "=" + sessionId + fragment;
  }

  sealed interface CustomerCheck {
    /** The customer is the team's (it said so, or it named nobody and now names the team). */
    record Ours() implements CustomerCheck {}

    /** The provider's record names another team. */
    record OtherTeam(String team) implements CustomerCheck {}

    /** The provider has no such customer, or it was deleted. */
    record Missing(String reason) implements CustomerCheck {}

    record Unknown(String reason) implements CustomerCheck {}
  }

  sealed interface NewCustomer {
    record Created(String customerId) implements NewCustomer {
      public Created {
        Objects.requireNonNull(customerId, "customerId");
      }
    }

    record Unknown(String reason) implements NewCustomer {}
  }

  sealed interface SessionStart {
    record Started(String sessionId, String url) implements SessionStart {}

    /** The provider refused to make the session (say, the URL): the client's to fix. */
    record Refused(String reason) implements SessionStart {}

    record Unknown(String reason) implements SessionStart {}
  }

  sealed interface SessionEnd {
    /** The card the session saved, with the provider's description of it. */
    record Completed(PaymentMethod method) implements SessionEnd {}

    /** No such session. */
    record NotFound(String reason) implements SessionEnd {}

    /** The session is not this team's, is not finished, or saved no card. */
    record Refused(String reason) implements SessionEnd {}

    record Unknown(String reason) implements SessionEnd {}
  }
}
