package dev.agentcredits.adapter.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;

/**
 * A team's customers and card setup at Stripe. Each customer names its team in {@code
 * metadata.agent_credits_team_id}, set when this service creates it or first claims it; a card is
 * entered on a Stripe Checkout session in {@code setup} mode for the team's customer.
 */
public final class StripeCardSetup implements CardSetup {
  /** The customer's (and setup session's) metadata key naming its team. */
  static final String TEAM_KEY = "agent_credits_team_id";

  private final StripeClient client;

  public StripeCardSetup(StripeSettings settings) {
    this.client = StripeClients.of(settings);
  }

  @Override
  public CustomerCheck claim(TeamId team, String customerId) {
    Customer customer;
    try {
      customer = client.customers().retrieve(customerId);
    } catch (InvalidRequestException e) {
      return new CustomerCheck.Missing("Stripe has no customer " + customerId);
    } catch (StripeException e) {
      return new CustomerCheck.Unknown(StripeClients.unanswered(e));
    }
    if (Boolean.TRUE.equals(customer.getDeleted())) {
      return new CustomerCheck.Missing("Stripe customer " + customerId + " was deleted");
    }
    String named = customer.getMetadata() == null ? null : customer.getMetadata().get(TEAM_KEY);
    if (named != null && !named.isBlank()) {
      return named.equals(team.value())
          ? new CustomerCheck.Ours()
          : new CustomerCheck.OtherTeam(named);
    }
    try {
      client
          .customers()
          .update(
              customerId,
              CustomerUpdateParams.builder().putMetadata(TEAM_KEY, team.value()).build());
    } catch (StripeException e) {
      return new CustomerCheck.Unknown(StripeClients.unanswered(e));
    }
    return new CustomerCheck.Ours();
  }

  /** Keyed by the team: asked again (a retry, a second click) within a day, it is the same one. */
  @Override
  public NewCustomer createCustomer(TeamId team) {
    var params =
        CustomerCreateParams.builder()
            .setDescription("Agent Credits team " + team.value())
            .putMetadata(TEAM_KEY, team.value())
            .build();
    var options =
        RequestOptions.builder()
            .setIdempotencyKey("agent-credits-customer-" + team.value())
            .build();
    try {
      return new NewCustomer.Created(client.customers().create(params, options).getId());
    } catch (StripeException e) {
      return new NewCustomer.Unknown(StripeClients.unanswered(e));
    }
  }

  @Override
  public SessionStart startSession(TeamId team, String customerId, String returnUrl) {
    var params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SETUP)
            .setCustomer(customerId)
            .setCurrency("usd")
            .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
            .setSuccessUrl(CardSetup.withSession(returnUrl, "{CHECKOUT_SESSION_ID}"))
            .setCancelUrl(returnUrl)
            .putMetadata(TEAM_KEY, team.value())
            .build();
    try {
      Session session = client.checkout().sessions().create(params);
      return new SessionStart.Started(session.getId(), session.getUrl());
    } catch (InvalidRequestException e) {
      return new SessionStart.Refused(
          "Stripe refused the setup session: "
              + (e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage()));
    } catch (StripeException e) {
      return new SessionStart.Unknown(StripeClients.unanswered(e));
    }
  }

  @Override
  public SessionEnd finishSession(TeamId team, String teamCustomer, String sessionId) {
    Session session;
    try {
      session =
          client
              .checkout()
              .sessions()
              .retrieve(
                  sessionId,
                  SessionRetrieveParams.builder()
                      .addExpand("setup_intent")
                      .addExpand("setup_intent.payment_method")
                      .build());
    } catch (InvalidRequestException e) {
      return new SessionEnd.NotFound("Stripe has no checkout session " + sessionId);
    } catch (StripeException e) {
      return new SessionEnd.Unknown(StripeClients.unanswered(e));
    }
    return savedCard(team, teamCustomer, session);
  }

  /** Reads a retrieved setup session: the card it saved for the team, or why there is none. */
  private static SessionEnd savedCard(TeamId team, String teamCustomer, Session session) {
    String id = session.getId();
    String named = session.getMetadata() == null ? null : session.getMetadata().get(TEAM_KEY);
    boolean teams =
        named != null
            ? named.equals(team.value())
            : session.getCustomer() != null && session.getCustomer().equals(teamCustomer);
    if (!"setup".equals(session.getMode()) || !teams || session.getCustomer() == null) {
      return new SessionEnd.Refused(
          "checkout session " + id + " is not a setup session made for team " + team.value());
    }
    if (!"complete".equals(session.getStatus())) {
      return new SessionEnd.Refused(
          "expired".equals(session.getStatus())
              ? "setup session " + id + " expired without a card; start a new one"
              : "setup session " + id + " is not complete: no card was entered on it yet");
    }
    var intent = session.getSetupIntentObject();
    var method = intent == null ? null : intent.getPaymentMethodObject();
    if (intent == null || !"succeeded".equals(intent.getStatus()) || method == null) {
      return new SessionEnd.Refused("setup session " + id + " saved no card");
    }
    var card = StripeClients.card(method);
    if (card == null || !session.getCustomer().equals(method.getCustomer())) {
      return new SessionEnd.Refused(
          "setup session " + id + " saved no card on customer " + session.getCustomer());
    }
    return new SessionEnd.Completed(new PaymentMethod(session.getCustomer(), method.getId(), card));
  }
}
