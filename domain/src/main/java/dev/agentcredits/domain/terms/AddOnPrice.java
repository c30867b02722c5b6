package dev.agentcredits.domain.terms;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import java.util.Objects;

/** One denomination of the add-on price list. */
public record AddOnPrice(Credits credits, Money price) {
  public AddOnPrice {
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(price, "price");
    if (!credits.isPositive()) {
      throw new IllegalArgumentException("a denomination has at least one credit");
    }
  }
}
