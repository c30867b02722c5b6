package dev.agentcredits.adapter.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.purchase.PaymentMethod;
import org.junit.jupiter.api.Test;

public abstract class PaymentMethodStoreContract extends StoreContract {
  private static final PaymentMethod VISA =
      new PaymentMethod(
          "cus_NffrFeUfNV2Hib",
          "pm_1MqLiJLkdIwHu7ixUEgbFdYF",
          new PaymentMethod.Card("visa", "4242", 8, 2026));

  @Test
  void aTeamHasNoCardUntilOneIsSaved() {
    World world = world();

    assertThat(stores().paymentMethods().find(world.team().id())).isEmpty();
  }

  @Test
  void aSavedCardReplacesTheOneBeforeAndIsTheTeamsOnly() {
    World world = world();
    World other = world();
    var noDetails = new PaymentMethod("cus_A", "pm_A", null);

    stores().paymentMethods().save(world.team().id(), noDetails);
    stores().paymentMethods().save(world.team().id(), VISA);

    assertThat(stores().paymentMethods().find(world.team().id())).contains(VISA);
    assertThat(stores().paymentMethods().find(other.team().id())).isEmpty();
    stores().paymentMethods().save(other.team().id(), noDetails);
    assertThat(stores().paymentMethods().find(other.team().id())).contains(noDetails);
  }

  @Test
  void removingSaysWhetherThereWasACard() {
    World world = world();
    stores().paymentMethods().save(world.team().id(), VISA);

    assertThat(stores().paymentMethods().remove(world.team().id())).isTrue();
    assertThat(stores().paymentMethods().remove(world.team().id())).isFalse();
    assertThat(stores().paymentMethods().find(world.team().id())).isEmpty();
  }
}
