package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The request bodies, one record per endpoint, of plain JSON types. A record checks only that the
 * required fields are there; the command records check the values.
 */
final class Requests {
  private Requests() {}

  record CreateTeam(String name, String plan, String ownerEmail) {
    CreateTeam {
      required(name, "name");
      required(plan, "plan");
      required(ownerEmail, "owner_email");
    }
  }

  record AddMember(String email, String role) {
    AddMember {
      required(email, "email");
      required(role, "role");
    }
  }

  record CreateApiKey(String name) {
    CreateApiKey {
      required(name, "name");
    }
  }

  record Grant(Long credits, String expiresAt) {
    Grant {
      required(credits, "credits");
      required(expiresAt, "expires_at");
    }
  }

  record SubmitTask(String prompt, String scheduleId) {
    SubmitTask {
      required(prompt, "prompt");
    }
  }

  record Usage(String usageId, Long credits) {
    Usage {
      required(usageId, "usage_id");
      required(credits, "credits");
    }
  }

  /** Each event is read on its own (UsageEvent), so that a bad one fails alone. */
  record UsageEvents(List<JsonNode> events) {
    UsageEvents {
      required(events, "events");
    }
  }

  record Purchase(Long denominationCredits) {
    Purchase {
      required(denominationCredits, "denomination_credits");
    }
  }

  /** A null or missing denomination or threshold keeps the pool's current value. */
  record AutoReload(Boolean enabled, Long denominationCredits, Long thresholdCredits) {
    AutoReload {
      required(enabled, "enabled");
    }
  }

  record SpendCap(Long monthlyLimitCents) {
    SpendCap {
      required(monthlyLimitCents, "monthly_limit_cents");
    }
  }

  record AdvanceClock(Long advanceSeconds) {
    AdvanceClock {
      required(advanceSeconds, "advance_seconds");
    }
  }

  record PaymentMethod(String stripeCustomerId, String paymentMethodId) {
    PaymentMethod {
      required(stripeCustomerId, "stripe_customer_id");
      required(paymentMethodId, "payment_method_id");
    }
  }

  record SetupSession(String returnUrl) {
    SetupSession {
      required(returnUrl, "return_url");
    }
  }

  record Payments(Boolean declined) {
    Payments {
      required(declined, "declined");
    }
  }

  /** {@code eventTypes} null: every event. */
  record WebhookEndpoint(String url, List<String> eventTypes, String description) {
    WebhookEndpoint {
      required(url, "url");
    }
  }

  private static void required(Object value, String field) {
    Objects.requireNonNull(value, field + " is required");
  }
}
