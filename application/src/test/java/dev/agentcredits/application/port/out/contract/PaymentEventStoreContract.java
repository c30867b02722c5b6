package dev.agentcredits.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class PaymentEventStoreContract extends StoreContract {
  private static final Instant AT = Instant.parse("2031-03-05T12:00:00Z");

  @Test
  void anEventIdIsClaimedOnce() {
    String id = "evt_" + UUID.randomUUID().toString().replace("-", "");

    assertThat(tx().inTransaction(() -> stores().paymentEvents().claim(id, AT))).isTrue();
    assertThat(tx().inTransaction(() -> stores().paymentEvents().claim(id, AT))).isFalse();
    assertThat(tx().inTransaction(() -> stores().paymentEvents().claim(id + "x", AT))).isTrue();
  }

  @Test
  void aClaimRolledBackLeavesTheEventToBeHandled() {
    String id = "evt_" + UUID.randomUUID().toString().replace("-", "");

    try {
      tx().inTransaction(() -> {
        stores().paymentEvents().claim(id, AT);
        throw new IllegalStateException("handling failed");
      });
    } catch (IllegalStateException expected) {
      // the transaction rolled back
    }

    assertThat(tx().inTransaction(() -> stores().paymentEvents().claim(id, AT))).isTrue();
  }
}
