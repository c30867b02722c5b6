package dev.agentcredits.domain.pool;

import java.util.List;

/** Credits reserved for one run, source by source in the order the waterfall took them. */
public record Hold(List<Reservation> reservations) {
  public static final Hold NONE = new Hold(List.of());

  public Hold {
    reservations = List.copyOf(reservations);
  }

  public long total() {
    return reservations.stream().mapToLong(Reservation::credits).sum();
  }

  public boolean isEmpty() {
    return reservations.isEmpty();
  }
}
