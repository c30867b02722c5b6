package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.CallerView;

/** Who a key acts as: lets a client (the billing page) find its team and role from the key. */
public interface IdentifyCallerQuery {
  Outcome<CallerView> identify(Caller caller);
}
