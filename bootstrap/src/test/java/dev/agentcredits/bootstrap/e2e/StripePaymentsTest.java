package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.payments.stripe.SignedEvents;
import dev.agentcredits.adapter.payments.stripe.StripeDouble;
import dev.agentcredits.adapter.payments.stripe.StripeDouble.Next;
import dev.agentcredits.bootstrap.PaymentSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md "Payments" with {@code AGENT_CREDITS_PAYMENTS=stripe}: the real service, stripe-java and
 * PostgreSQL, against a local double of Stripe's API that answers with Stripe's JSON objects.
 */
class StripePaymentsTest {
  static final String WEBHOOK_SECRET = "whsec_e2e_0123456789abcdef";
  static final StripeDouble STRIPE = new StripeDouble();
  private static final AtomicInteger CARDS = new AtomicInteger();

  @RegisterExtension
  static final ServiceExtension SERVICE =
      new ServiceExtension(() ->
          PaymentSettings.stripe(
              "sk_test_4eC39HqLyjWDarjtT1zdp7dc", WEBHOOK_SECRET, STRIPE.apiBase()));

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @AfterAll
  static void stopStripe() {
    STRIPE.close();
  }

  @Test
  void theCallerReadsThatPaymentsGoThroughStripe() {
    var team = SERVICE.teams().build().create();

    JsonNode me = api.get("/api/v1/me", team.owner().key()).assertStatus(200).json();

    assertThat(me.path("payments").asText()).isEqualTo("stripe");
  }

  @Test
  void aSavedCardIsDescribedByStripeAndAPurchaseIsOnePaymentIntentOnIt() {
    var team = withCard(SERVICE.teams().build().withMember().create());

    JsonNode card =
        api.get(team.path() + "/payment-method", team.owner().key()).assertStatus(200).json();
    JsonNode bought =
        steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(201).json();

    assertThat(card.path("card").path("brand").asText()).isEqualTo("visa");
    assertThat(card.path("card").path("last4").asText()).isEqualTo("4242");
    assertThat(bought.path("state").asText()).isEqualTo("SUCCEEDED");
    String purchase = bought.path("purchase_id").asText();
    var creates =
        STRIPE.requests("POST", "/v1/payment_intents").stream()
            .filter(r -> purchase.equals(r.form().get("metadata[purchase_id]")))
            .toList();
    assertThat(creates).hasSize(1);
    assertThat(creates.get(0).form())
        .containsEntry("amount", "1000")
        .containsEntry("currency", "usd")
        .containsEntry("customer", customerOf(team))
        .containsEntry("off_session", "true")
        .containsEntry("confirm", "true")
        .containsEntry("metadata[team_id]", team.id());
    assertThat(creates.get(0).idempotencyKey()).contains(purchase);
    assertThat(addOnCredits(team)).isEqualTo(400);
  }

  @Test
  void anotherTeamsCustomerAndCardAreAConflictAndTheTeamKeepsItsOwnCard() {
    var victim = withCard(SERVICE.teams().build().withMember().create());
    var attacker = withCard(SERVICE.teams().build().withMember().create());
    String victimsCustomer = customerOf(victim);
    String victimsCard = cardOf(victim);
    JsonNode before =
        api.get(attacker.path() + "/payment-method", attacker.owner().key())
            .assertStatus(200)
            .json();

    JsonNode problem =
        api.put(
                attacker.path() + "/payment-method",
                attacker.owner().key(),
                "{\"stripe_customer_id\": \"%s\", \"payment_method_id\": \"%s\"}"
                    .formatted(victimsCustomer, victimsCard))
            .assertProblem(409, "conflict");

    assertThat(problem.path("detail").asText())
        .contains(victimsCustomer)
        .contains("belongs to another team");
    assertThat(
            api.get(attacker.path() + "/payment-method", attacker.owner().key())
                .assertStatus(200)
                .json())
        .isEqualTo(before);
    assertThat(STRIPE.customerMetadata(victimsCustomer))
        .containsEntry("agent_credits_team_id", victim.id());
    JsonNode bought =
        steps
            .purchase(attacker, attacker.member(), attacker.member().key(), 400)
            .assertStatus(201)
            .json();
    var charge =
        STRIPE.requests("POST", "/v1/payment_intents").stream()
            .filter(r ->
                bought.path("purchase_id").asText().equals(r.form().get("metadata[purchase_id]")))
            .findFirst()
            .orElseThrow();
    assertThat(charge.form()).containsEntry("customer", before.path("stripe_customer_id").asText());
  }

  @Test
  void aCustomerWhoseStripeMetadataNamesAnotherTeamIsAConflict() {
    var team = SERVICE.teams().build().create();
    String customer = "cus_e2e_named" + CARDS.incrementAndGet();
    STRIPE.addCustomer(customer, "team_somebody_else");
    STRIPE.addCard("pm_e2e_named" + CARDS.get(), customer, "visa", "4242");

    api.put(
            team.path() + "/payment-method",
            team.owner().key(),
            "{\"stripe_customer_id\": \"%s\", \"payment_method_id\": \"%s\"}"
                .formatted(customer, "pm_e2e_named" + CARDS.get()))
        .assertProblem(409, "conflict");

    api.get(team.path() + "/payment-method", team.owner().key())
        .assertProblem(404, "resource_not_found");
    assertThat(STRIPE.customerMetadata(customer))
        .containsEntry("agent_credits_team_id", "team_somebody_else");
  }

  @Test
  void aCustomerNamingNoTeamIsMarkedAsTheTeamsWhenItsCardIsSaved() {
    var team = withCard(SERVICE.teams().build().create());

    assertThat(STRIPE.customerMetadata(customerOf(team)))
        .containsEntry("agent_credits_team_id", team.id());
  }

  @Test
  void withoutACardAPurchaseIsPaymentFailedAndChargesNothing() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    api.delete(team.path() + "/payment-method", team.owner().key()).assertStatus(204);
    api.get(team.path() + "/payment-method", team.owner().key())
        .assertProblem(404, "resource_not_found");
    var before = steps.snapshot(team);

    JsonNode problem =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertProblem(402, "payment_failed");

    assertThat(problem.path("detail").asText()).contains("no card is on file");
    steps.assertUnchanged(team, before);
  }

  @Test
  void aDeclinedCardIsPaymentFailedWithTheReasonAndReleasesThePrice() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    STRIPE.next(
        new Next.Decline(
            "card_declined", "insufficient_funds", "Your card has insufficient funds."));

    JsonNode problem =
        steps
            .purchase(team, team.member(), team.member().key(), 1000)
            .assertProblem(402, "payment_failed");

    assertThat(problem.path("detail").asText()).startsWith("the card has insufficient funds");
    assertThat(monthToDate(team)).isZero();
    assertThat(history(team).path("purchases").get(0).path("state").asText()).isEqualTo("DECLINED");
  }

  @Test
  void aProcessingPaymentIsPendingUntilItsSignedWebhookAndTheSameEventTwiceChangesNothing() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    STRIPE.next(new Next.Process());

    JsonNode pending =
        steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(202).json();
    String purchase = pending.path("purchase_id").asText();
    assertThat(pending.path("state").asText()).isEqualTo("PENDING");
    assertThat(monthToDate(team)).isEqualTo(1000);
    assertThat(addOnCredits(team)).isZero();

    String intent = STRIPE.intentIdOf(purchase);
    String event =
        SignedEvents.event(
            "evt_ok_" + purchase,
            "payment_intent.succeeded",
            STRIPE.finishProcessing(intent, true));
    JsonNode first =
        webhook(SignedEvents.sign(event, WEBHOOK_SECRET, now())).assertStatus(200).json();
    JsonNode again =
        webhook(SignedEvents.sign(event, WEBHOOK_SECRET, now())).assertStatus(200).json();

    assertThat(first.path("handling").asText()).isEqualTo("handled");
    assertThat(again.path("handling").asText()).isEqualTo("already_handled");
    assertThat(addOnCredits(team)).isEqualTo(400);
    assertThat(history(team).path("purchases").get(0).path("state").asText())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void aWebhookSignedWithAnotherSecretOrTooLongAgoIsRefusedAndChangesNothing() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    STRIPE.next(new Next.Process());
    String purchase =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertStatus(202)
            .json()
            .path("purchase_id")
            .asText();
    String event =
        SignedEvents.event(
            "evt_bad_" + purchase,
            "payment_intent.succeeded",
            STRIPE.finishProcessing(STRIPE.intentIdOf(purchase), true));
    var before = steps.snapshot(team);

    webhook(SignedEvents.sign(event, "whsec_somebody_else", now()))
        .assertProblem(400, "invalid_request");
    webhook(SignedEvents.sign(event, WEBHOOK_SECRET, now().minus(Duration.ofMinutes(6))))
        .assertProblem(400, "invalid_request");
    api.request("POST", "/webhooks/stripe")
        .body("application/json", event)
        .send()
        .assertProblem(400, "invalid_request");

    steps.assertUnchanged(team, before);
    webhook(SignedEvents.sign(event, WEBHOOK_SECRET, now())).assertStatus(200);
    assertThat(addOnCredits(team)).isEqualTo(400);
  }

  @Test
  void aPaymentWithNoAnswerStaysPendingAndTheReconcilerSettlesItWithoutASecondPaymentIntent() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    // stripe-java tries three times (two retries), all without an answer Stripe kept.
    STRIPE.next(new Next.ServerError(), new Next.ServerError(), new Next.ServerError());
    int intentsBefore = STRIPE.createdIntents();

    JsonNode pending =
        steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(202).json();
    String purchase = pending.path("purchase_id").asText();
    SERVICE.advance(Duration.ofSeconds(31));

    assertThat(addOnCredits(team)).isEqualTo(400);
    var creates =
        STRIPE.requests("POST", "/v1/payment_intents").stream()
            .filter(r -> purchase.equals(r.form().get("metadata[purchase_id]")))
            .toList();
    // Three tries, then the reconciler sends the same request again: once, or twice when the
    // scheduled pass and the clock's advance reconcile at the same moment. Always under one key,
    // so Stripe makes one PaymentIntent whatever the count.
    assertThat(creates)
        .hasSizeGreaterThanOrEqualTo(4)
        .extracting(StripeDouble.Request::idempotencyKey)
        .containsOnly(creates.get(0).idempotencyKey());
    assertThat(STRIPE.createdIntents()).isEqualTo(intentsBefore + 1);
    assertThat(STRIPE.intentIdOf(purchase)).startsWith("pi_");
    assertThat(history(team).path("purchases").get(0).path("state").asText())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void anUntouchedLotIsRefundedOnceAndAUsedOneIsAConflict() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    String untouched =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertStatus(201)
            .json()
            .path("purchase_id")
            .asText();
    String refundPath =
        team.path()
            + "/members/"
            + team.member().id()
            + "/add-on-purchases/"
            + untouched
            + "/refund";

    api.post(refundPath, team.member().key(), null).assertProblem(403, "not_authorized");
    JsonNode refunded = api.post(refundPath, team.owner().key(), null).assertStatus(200).json();
    api.post(refundPath, team.owner().key(), null).assertStatus(200);

    assertThat(refunded.path("state").asText()).isEqualTo("REFUNDED");
    assertThat(
            STRIPE.requests("POST", "/v1/refunds").stream()
                .filter(r -> untouched.equals(r.form().get("metadata[purchase_id]"))))
        .as("refunding again answers the same without a second Stripe refund")
        .hasSize(1);
    assertThat(addOnCredits(team)).isZero();
    assertThat(monthToDate(team)).isZero();
    JsonNode ledger =
        api.get(team.path() + "/ledger?limit=5", team.owner().key()).assertStatus(200).json();
    assertThat(ledger.path("entries").get(0).path("kind").asText()).isEqualTo("refunded");
    JsonNode entry = history(team).path("purchases").get(0);
    assertThat(entry.path("state").asText()).isEqualTo("REFUNDED");
    assertThat(entry.has("refunded_at")).isTrue();

    String used =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertStatus(201)
            .json()
            .path("purchase_id")
            .asText();
    steps.drain(team.member(), 1_510);
    api.post(refundPath.replace(untouched, used), team.owner().key(), null)
        .assertProblem(409, "conflict");
  }

  @Test
  void aDisputeFreezesWhatIsLeftOfTheLot() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    String purchase =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertStatus(201)
            .json()
            .path("purchase_id")
            .asText();
    String event =
        SignedEvents.event(
            "evt_dispute_" + purchase,
            "charge.dispute.created",
            SignedEvents.dispute(STRIPE.intentIdOf(purchase)));

    webhook(SignedEvents.sign(event, WEBHOOK_SECRET, now())).assertStatus(200);

    assertThat(addOnCredits(team)).isZero();
    assertThat(history(team).path("purchases").get(0).path("state").asText()).isEqualTo("DISPUTED");
    JsonNode ignored =
        webhook(
                SignedEvents.sign(
                    SignedEvents.event(
                        "evt_other_" + purchase,
                        "customer.created",
                        "{\"id\":\"cus_x\",\"object\":\"customer\"}"),
                    WEBHOOK_SECRET,
                    now()))
            .assertStatus(200)
            .json();
    assertThat(ignored.path("handling").asText()).isEqualTo("ignored");
  }

  @Test
  void aDeclinedAutoReloadTurnsAutoReloadOffWithPaymentDeclined() {
    var team = withCard(SERVICE.teams().build().withMember().create());
    var member = team.member();
    steps.autoReload(team, member, member.key(), true, 400).assertStatus(200);
    // The run that drains the plan credits reaches the threshold: its reload is declined.
    STRIPE.next(new Next.Decline("expired_card", "expired_card", "Your card has expired."));
    steps.drain(member, 1_500);

    JsonNode problem = steps.submit(member.key()).assertProblem(403, "insufficient_credits");

    assertThat(problem.path("auto_reload").path("state").asText()).isEqualTo("payment_declined");
    assertThat(steps.pool(team, member).path("auto_reload").path("enabled").asBoolean()).isFalse();
    JsonNode reload = history(team).path("purchases").get(0);
    assertThat(reload.path("kind").asText()).isEqualTo("auto_reload");
    assertThat(reload.path("state").asText()).isEqualTo("DECLINED");
  }

  @Test
  void twoInstancesReceivingTheSameWebhookAtOnceApplyItOnce() throws Exception {
    var team = withCard(SERVICE.teams().build().withMember().create());
    STRIPE.next(new Next.Process());
    String purchase =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertStatus(202)
            .json()
            .path("purchase_id")
            .asText();
    var signed =
        SignedEvents.sign(
            SignedEvents.event(
                "evt_twice_" + purchase,
                "payment_intent.succeeded",
                STRIPE.finishProcessing(STRIPE.intentIdOf(purchase), true)),
            WEBHOOK_SECRET,
            now());

    List<String> handling = new ArrayList<>();
    try (var other = SERVICE.startAnother();
        var pool = Executors.newFixedThreadPool(4)) {
      Api second = new Api(other.port());
      List<Future<Reply>> replies = new ArrayList<>();
      for (Api instance : List.of(api, second, api, second)) {
        replies.add(pool.submit((Callable<Reply>) () -> webhookTo(instance, signed)));
      }
      for (Future<Reply> reply : replies) {
        handling.add(reply.get().assertStatus(200).json().path("handling").asText());
      }
    }

    assertThat(handling)
        .containsExactlyInAnyOrder(
            "handled", "already_handled", "already_handled", "already_handled");
    assertThat(addOnCredits(team)).isEqualTo(400);
  }

  @Test
  void fiftyRacingPurchasesUnderACapForTenBuyTenAndCallStripeAtMostTenTimes() throws Exception {
    var team = withCard(SERVICE.teams().build().withMember().create());
    steps.spendCap(team, team.owner().key(), 10_000).assertStatus(200);
    int createsBefore = creates(team);

    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(16)) {
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        replies.add(
            pool.submit(
                () -> steps.purchase(team, team.member(), team.member().key(), 400).status()));
      }
      for (Future<Integer> reply : replies) {
        statuses.add(reply.get());
      }
    }

    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
    assertThat(statuses.stream().filter(s -> s == 403)).hasSize(40);
    assertThat(creates(team) - createsBefore).isEqualTo(10);
    assertThat(monthToDate(team)).isEqualTo(10_000);
    assertThat(addOnCredits(team)).isEqualTo(4_000);
  }

  private Teams.Team withCard(Teams.Team team) {
    String customer = "cus_e2e" + CARDS.incrementAndGet();
    String method = "pm_e2e" + CARDS.get();
    STRIPE.addCard(method, customer, "visa", "4242");
    api.put(
            team.path() + "/payment-method",
            team.admin() != null ? team.admin().key() : team.owner().key(),
            "{\"stripe_customer_id\": \"%s\", \"payment_method_id\": \"%s\"}"
                .formatted(customer, method))
        .assertStatus(200);
    return team;
  }

  private String customerOf(Teams.Team team) {
    return api.get(team.path() + "/payment-method", team.owner().key())
        .json()
        .path("stripe_customer_id")
        .asText();
  }

  private String cardOf(Teams.Team team) {
    return api.get(team.path() + "/payment-method", team.owner().key())
        .json()
        .path("payment_method_id")
        .asText();
  }

  private int creates(Teams.Team team) {
    return (int)
        STRIPE.requests("POST", "/v1/payment_intents").stream()
            .filter(r -> team.id().equals(r.form().get("metadata[team_id]")))
            .count();
  }

  private Reply webhook(SignedEvents.Signed signed) {
    return webhookTo(api, signed);
  }

  private static Reply webhookTo(Api instance, SignedEvents.Signed signed) {
    return instance
        .request("POST", "/webhooks/stripe")
        .header("Stripe-Signature", signed.signature())
        .body("application/json", signed.payload())
        .send();
  }

  private JsonNode history(Teams.Team team) {
    return api.get(
            team.path() + "/members/" + team.member().id() + "/add-on-purchases?limit=10",
            team.member().key())
        .assertStatus(200)
        .json();
  }

  private long monthToDate(Teams.Team team) {
    return steps
        .billing(team, team.owner().key())
        .path("spend_cap")
        .path("month_to_date_spend_cents")
        .asLong();
  }

  private long addOnCredits(Teams.Team team) {
    return steps.pool(team, team.member()).path("addon_credits").asLong();
  }

  /** The service's manual clock: webhooks are signed at its time, as Stripe signs at real time. */
  private static Instant now() {
    return SERVICE.advance(Duration.ZERO);
  }
}
