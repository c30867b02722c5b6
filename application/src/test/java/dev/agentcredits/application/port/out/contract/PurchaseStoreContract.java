package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.PurchaseBuilder.aPendingPurchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PurchaseId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class PurchaseStoreContract extends StoreContract {
  @Test
  void aPurchaseIsLockedAsItWasInserted() {
    World world = world();
    Purchase manual = aPendingPurchase(world.team()).build();
    Purchase automatic = aPendingPurchase(world.team()).byAutoReload().build();

    stores().purchases().insert(manual, null);
    stores().purchases().insert(automatic, null);

    assertThat(tx().inTransaction(() -> stores().purchases().lock(manual.id()))).contains(manual);
    assertThat(tx().inTransaction(() -> stores().purchases().lock(automatic.id())))
        .contains(automatic);
  }

  @Test
  void anUnknownPurchaseIsNotLocked() {
    assertThat(tx().inTransaction(() -> stores().purchases().lock(new PurchaseId("pur_none"))))
        .isEmpty();
  }

  @Test
  void aRequestKeyFindsThePurchaseOfThatTeamOnlyAndIsUniquePerTeam() {
    World world = world();
    World other = world();
    Purchase purchase = aPendingPurchase(world.team()).build();
    stores().purchases().insert(purchase, "buy-1");

    assertThat(stores().purchases().findByRequestKey(world.team().id(), "buy-1"))
        .contains(purchase);
    assertThat(stores().purchases().findByRequestKey(other.team().id(), "buy-1")).isEmpty();
    stores().purchases().insert(aPendingPurchase(other.team()).build(), "buy-1");
    Purchase second = aPendingPurchase(world.team()).build();
    assertThatThrownBy(() -> stores().purchases().insert(second, "buy-1"))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(stores().purchases().findByRequestKey(world.team().id(), "buy-1"))
        .contains(purchase);
    assertThat(tx().inTransaction(() -> stores().purchases().lock(second.id()))).isEmpty();
  }

  @Test
  void aPurchaseIdIsTakenOnce() {
    World world = world();
    Purchase purchase = aPendingPurchase(world.team()).build();
    stores().purchases().insert(purchase, null);

    assertThatThrownBy(() -> stores().purchases().insert(purchase, null))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void updateSavesTheNewState() {
    World world = world();
    Purchase purchase = aPendingPurchase(world.team()).build();
    stores().purchases().insert(purchase, null);
    Purchase paid = purchase.withState(PurchaseState.SUCCEEDED);

    tx().inTransaction(() -> {
      stores().purchases().lock(purchase.id());
      stores().purchases().update(paid);
      return null;
    });

    assertThat(tx().inTransaction(() -> stores().purchases().lock(purchase.id()))).contains(paid);
  }

  @Test
  void pendingCreatedBeforeAnswersOnlyPendingPurchasesOlderThanTheCutoffOldestFirst() {
    World world = world();
    // Far in the past, so that no other test's purchase is older than these.
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    Purchase oldest = insert(aPendingPurchase(world.team()).createdAt(base).build());
    Purchase older = insert(aPendingPurchase(world.team()).createdAt(base.plusSeconds(5)).build());
    insert(aPendingPurchase(world.team()).createdAt(base.plusSeconds(10)).build());
    insert(aPendingPurchase(world.team()).createdAt(base).inState(PurchaseState.SUCCEEDED).build());
    insert(aPendingPurchase(world.team()).createdAt(base).inState(PurchaseState.DECLINED).build());

    assertThat(stores().purchases().pendingCreatedBefore(base.plusSeconds(10), 10))
        .containsExactly(oldest.id(), older.id());
    assertThat(stores().purchases().pendingCreatedBefore(base.plusSeconds(10), 1))
        .containsExactly(oldest.id());
  }

  private Purchase insert(Purchase purchase) {
    stores().purchases().insert(purchase, null);
    return purchase;
  }

  @Test
  void thePaymentReferenceAndTheRefundTimeAreKeptAndFindThePurchase() {
    World world = world();
    Purchase purchase = aPendingPurchase(world.team()).build();
    stores().purchases().insert(purchase, null);
    Purchase refunded =
        purchase
            .withPaymentReference("pi_3MtwBwLkdIwHu7ix28a3tqPa")
            .withState(PurchaseState.SUCCEEDED)
            .withdrawn(PurchaseState.REFUNDED, Instant.parse("2031-03-06T10:00:00Z"));

    tx().inTransaction(() -> {
      stores().purchases().lock(purchase.id());
      stores().purchases().update(refunded);
      return null;
    });

    assertThat(stores().purchases().findByPaymentReference("pi_3MtwBwLkdIwHu7ix28a3tqPa"))
        .contains(refunded);
    assertThat(stores().purchases().findByPaymentReference("pi_other")).isEmpty();
  }

  @Test
  void aPoolsPurchasesArePagedNewestFirst() {
    World world = world();
    World other = world();
    Instant start = Instant.parse("2031-03-01T00:00:00Z");
    java.util.List<Purchase> made = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Purchase p = aPendingPurchase(world.team()).createdAt(start.plusSeconds(i)).build();
      stores().purchases().insert(p, null);
      made.add(p);
    }
    stores().purchases().insert(aPendingPurchase(other.team()).build(), null);
    var pool = made.get(0).pool();

    var first = tx().inTransaction(() -> stores().purchases().listForPool(pool, null, 2));
    var second =
        tx().inTransaction(() -> stores().purchases().listForPool(pool, first.get(1).id(), 2));
    var last =
        tx().inTransaction(() -> stores().purchases().listForPool(pool, second.get(1).id(), 2));

    assertThat(first).containsExactly(made.get(4), made.get(3));
    assertThat(second).containsExactly(made.get(2), made.get(1));
    assertThat(last).containsExactly(made.get(0));
  }

  @Test
  void lastDeclinedReloadsIsEachPoolsNewestDeclinedAutoReload() {
    World world = world();
    World other = world();
    Instant first = TestData.at(java.time.Duration.ofMinutes(1));
    Instant second = TestData.at(java.time.Duration.ofMinutes(2));
    Instant later = TestData.at(java.time.Duration.ofMinutes(3));
    for (Purchase purchase :
        java.util.List.of(
            aPendingPurchase(world.team())
                .byAutoReload()
                .inState(PurchaseState.DECLINED)
                .createdAt(first)
                .build(),
            aPendingPurchase(world.team())
                .byAutoReload()
                .inState(PurchaseState.DECLINED)
                .createdAt(second)
                .build(),
            aPendingPurchase(world.team()).inState(PurchaseState.DECLINED).createdAt(later).build(),
            aPendingPurchase(world.team())
                .byAutoReload()
                .inState(PurchaseState.SUCCEEDED)
                .createdAt(later)
                .build(),
            aPendingPurchase(other.team()).byAutoReload().createdAt(later).build())) {
      stores().purchases().insert(purchase, null);
    }

    assertThat(
            stores()
                .purchases()
                .lastDeclinedReloads(
                    java.util.List.of(world.ownerPool().id(), other.ownerPool().id())))
        .isEqualTo(java.util.Map.of(world.ownerPool().id(), second));
  }
}
