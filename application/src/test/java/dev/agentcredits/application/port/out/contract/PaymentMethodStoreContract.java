package dev.agentcredits.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.purchase.PaymentMethod;
import org.junit.jupiter.api.Test;

public abstract class PaymentMethodStoreContract extends StoreContract {
  private static final PaymentMethod.Card CARD = new PaymentMethod.Card("visa", "4242", 8, 2026);

  /** A card on a customer of this world's own (the schema is shared by a class's tests). */
  private static PaymentMethod visa(World world) {
    return new PaymentMethod(customer(world, "cus_"), "pm_1MqLiJLkdIwHu7ixUEgbFdYF", CARD);
  }

  private static String customer(World world, String prefix) {
    return prefix + Math.abs(world.team().id().value().hashCode());
  }

  @Test
  void aTeamHasNoCardUntilOneIsSaved() {
    World world = world();

    assertThat(stores().paymentMethods().find(world.team().id())).isEmpty();
    assertThat(stores().paymentMethods().customerOf(world.team().id())).isEmpty();
  }

  @Test
  void aSavedCardReplacesTheOneBeforeAndIsTheTeamsOnly() {
    World world = world();
    World other = world();
    var visa = visa(world);
    var noDetails = new PaymentMethod(visa.customerId(), "pm_A", null);
    var othersCard = new PaymentMethod(customer(other, "cus_B"), "pm_B", null);
    stores().paymentMethods().claimCustomer(world.team().id(), visa.customerId());
    stores().paymentMethods().claimCustomer(other.team().id(), othersCard.customerId());

    stores().paymentMethods().save(world.team().id(), noDetails);
    stores().paymentMethods().save(world.team().id(), visa);

    assertThat(stores().paymentMethods().find(world.team().id())).contains(visa);
    assertThat(stores().paymentMethods().find(other.team().id())).isEmpty();
    stores().paymentMethods().save(other.team().id(), othersCard);
    assertThat(stores().paymentMethods().find(other.team().id())).contains(othersCard);
  }

  @Test
  void removingSaysWhetherThereWasACardAndTheCustomerStaysTheTeams() {
    World world = world();
    var visa = visa(world);
    stores().paymentMethods().claimCustomer(world.team().id(), visa.customerId());
    stores().paymentMethods().save(world.team().id(), visa);

    assertThat(stores().paymentMethods().remove(world.team().id())).isTrue();
    assertThat(stores().paymentMethods().remove(world.team().id())).isFalse();
    assertThat(stores().paymentMethods().find(world.team().id())).isEmpty();
    assertThat(stores().paymentMethods().teamOfCustomer(visa.customerId()))
        .contains(world.team().id());
    assertThat(stores().paymentMethods().customerOf(world.team().id())).contains(visa.customerId());
  }

  @Test
  void aCustomerIsOneTeamsForGood() {
    World first = world();
    World second = world();
    String customer = customer(first, "cus_claimed");

    var claimedByFirst = stores().paymentMethods().claimCustomer(first.team().id(), customer);
    var claimedBySecond = stores().paymentMethods().claimCustomer(second.team().id(), customer);
    var claimedAgain = stores().paymentMethods().claimCustomer(first.team().id(), customer);

    assertThat(claimedByFirst).isEqualTo(first.team().id());
    assertThat(claimedBySecond).as("the first team's, unchanged").isEqualTo(first.team().id());
    assertThat(claimedAgain).isEqualTo(first.team().id());
    assertThat(stores().paymentMethods().teamOfCustomer(customer)).contains(first.team().id());
    assertThat(stores().paymentMethods().customerOf(second.team().id())).isEmpty();
    assertThat(stores().paymentMethods().teamOfCustomer("cus_nobody")).isEmpty();
  }

  @Test
  void aCardOnAnotherTeamsCustomerIsNotSaved() {
    World first = world();
    World second = world();
    String customer = customer(first, "cus_taken");
    stores().paymentMethods().claimCustomer(first.team().id(), customer);
    stores().paymentMethods().save(first.team().id(), new PaymentMethod(customer, "pm_1", null));

    assertThatThrownBy(() ->
            tx().inTransaction(() -> {
              stores()
                  .paymentMethods()
                  .save(second.team().id(), new PaymentMethod(customer, "pm_2", null));
              return null;
            }))
        .isInstanceOf(RuntimeException.class);

    assertThat(stores().paymentMethods().find(second.team().id())).isEmpty();
    assertThat(stores().paymentMethods().find(first.team().id()).orElseThrow().paymentMethodId())
        .isEqualTo("pm_1");
  }

  @Test
  void aTeamsCustomerIsItsCardsElseTheOneItClaimedLast() {
    World world = world();
    String suffix = customer(world, "");
    stores().paymentMethods().claimCustomer(world.team().id(), "cus_older" + suffix);
    stores().paymentMethods().claimCustomer(world.team().id(), "cus_newer" + suffix);

    assertThat(stores().paymentMethods().customerOf(world.team().id()))
        .contains("cus_newer" + suffix);
    stores()
        .paymentMethods()
        .save(world.team().id(), new PaymentMethod("cus_older" + suffix, "pm_1", null));
    assertThat(stores().paymentMethods().customerOf(world.team().id()))
        .contains("cus_older" + suffix);
  }
}
