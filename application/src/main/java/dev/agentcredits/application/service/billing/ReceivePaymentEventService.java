package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.PaymentEventStore;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentEvents.Notification;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Clock;

/**
 * The provider's webhooks. The event id is claimed in the same transaction that applies it, so two
 * instances receiving one event (or the provider sending it again) apply it exactly once.
 */
public final class ReceivePaymentEventService implements ReceivePaymentEventUseCase {
  private final PaymentEvents events;
  private final PaymentEventStore handled;
  private final TransactionRunner tx;
  private final PaymentNotices notices;
  private final Clock clock;

  public ReceivePaymentEventService(
      PaymentEvents events,
      PaymentEventStore handled,
      TransactionRunner tx,
      PaymentNotices notices,
      Clock clock) {
    this.events = events;
    this.handled = handled;
    this.tx = tx;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public Outcome<Handling> receive(Notification notification) {
    return switch (events.read(notification.payload(), notification.signature())) {
      case PaymentEvents.Notification.BadSignature bad ->
          Outcome.refused(
              Refusal.invalid("the webhook's signature does not verify: " + bad.reason()));
      case PaymentEvents.Notification.Ignored ignored -> Outcome.ok(Handling.IGNORED);
      case PaymentEvents.Notification.About about ->
          Outcome.ok(tx.inTransaction(() -> apply(about)));
    };
  }

  private Handling apply(PaymentEvents.Notification.About about) {
    if (!handled.claim(about.eventId(), clock.instant())) {
      return Handling.ALREADY_HANDLED;
    }
    return notices.apply(about);
  }
}
