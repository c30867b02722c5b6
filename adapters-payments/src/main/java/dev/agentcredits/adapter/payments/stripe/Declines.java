package dev.agentcredits.adapter.payments.stripe;

import java.util.Map;

/** Stripe's decline and error codes said in words a team owner can act on. */
final class Declines {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("insufficient_funds", "the card has insufficient funds"),
          Map.entry("expired_card", "the card has expired"),
          Map.entry("incorrect_cvc", "the card's security code is incorrect"),
          Map.entry("incorrect_number", "the card number is incorrect"),
          Map.entry("lost_card", "the card was reported lost"),
          Map.entry("stolen_card", "the card was reported stolen"),
          Map.entry("fraudulent", "the card's bank declined the payment as suspected fraud"),
          Map.entry("do_not_honor", "the card's bank declined the payment"),
          Map.entry("generic_decline", "the card was declined"),
          Map.entry("card_declined", "the card was declined"),
          Map.entry("card_velocity_exceeded", "the card's limit for payments was reached"),
          Map.entry("processing_error", "an error occurred while the card was processed"),
          Map.entry(
              "authentication_required",
              "the card's bank asks the card holder to authenticate this payment, which cannot be"
                  + " done while they are away; authenticate the card again through Stripe"
                  + " Checkout or the Customer Portal"),
          Map.entry(
              "no_payment_method",
              "no card is on file for the team; the owner or an admin adds one on the billing page"
                  + " (Add or change card, POST /teams/{team_id}/payment-method/setup-session)"));

  private Declines() {}

  /** The most specific words: the decline code's, the error code's, else Stripe's own message. */
  static String words(String code, String declineCode, String message) {
    if (declineCode != null && WORDS.containsKey(declineCode)) {
      return WORDS.get(declineCode);
    }
    if (code != null && WORDS.containsKey(code)) {
      return WORDS.get(code);
    }
    return message != null ? "the payment failed: " + message : "the payment failed";
  }
}
