package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.port.in.IdentifyCallerQuery;
import dev.agentcredits.application.port.in.view.CallerView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/me}: who the key acts as, so a client can find its team from a key alone, and
 * which payment gateway this server uses ({@code payments}: {@code simulated} or {@code stripe}, or
 * null, not said), so the page says whether a purchase charges a card.
 */
public final class CallerRoutes implements RouteGroup {
  private final IdentifyCallerQuery identifyCaller;
  private final String payments;

  public CallerRoutes(IdentifyCallerQuery identifyCaller, String payments) {
    if (payments != null && !payments.equals("simulated") && !payments.equals("stripe")) {
      throw new IllegalArgumentException("payments must be simulated or stripe");
    }
    this.identifyCaller = identifyCaller;
    this.payments = payments;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.get("/api/v1/me", this::me));
  }

  private Reply me(Exchange ex) {
    return ex.reply(identifyCaller.identify(ex.caller()), 200, this::body);
  }

  private Map<String, Object> body(CallerView who) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", who.kind());
    putIfPresent(body, "team_id", who.teamId());
    putIfPresent(body, "team_name", who.teamName());
    putIfPresent(body, "plan", who.plan());
    putIfPresent(body, "owner_member_id", who.ownerMemberId());
    putIfPresent(body, "member_id", who.memberId());
    putIfPresent(body, "email", who.email());
    putIfPresent(body, "role", who.role());
    putIfPresent(body, "payments", payments);
    return body;
  }

  private static void putIfPresent(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }
}
