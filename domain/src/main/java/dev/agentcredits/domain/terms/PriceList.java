package dev.agentcredits.domain.terms;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The add-on denominations on sale, smallest first. */
public record PriceList(List<AddOnPrice> prices) {
  public PriceList {
    prices = prices.stream().sorted(Comparator.comparing(AddOnPrice::credits)).toList();
    if (prices.isEmpty()) {
      throw new IllegalArgumentException("a price list has at least one denomination");
    }
    if (prices.stream().map(AddOnPrice::credits).distinct().count() != prices.size()) {
      throw new IllegalArgumentException("denominations must be distinct");
    }
  }

  public static PriceList defaults() {
    return new PriceList(
        List.of(
            new AddOnPrice(Credits.of(400), Money.dollars(10)),
            new AddOnPrice(Credits.of(1_000), Money.dollars(20)),
            new AddOnPrice(Credits.of(3_000), Money.dollars(50)),
            new AddOnPrice(Credits.of(6_500), Money.dollars(100))));
  }

  public Optional<AddOnPrice> forDenomination(Credits credits) {
    return prices.stream().filter(p -> p.credits().equals(credits)).findFirst();
  }

  public List<Long> denominations() {
    return prices.stream().map(p -> p.credits().value()).toList();
  }
}
