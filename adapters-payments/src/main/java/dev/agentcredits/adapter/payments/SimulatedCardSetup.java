package dev.agentcredits.adapter.payments;

import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Card setup without a provider, so the page's flow is the same as with Stripe: a setup session is
 * an id ({@code sim_setup_<random>}) whose page is the return URL itself, and completing it saves a
 * simulated Visa ending 4242 on the team's simulated customer. Nothing is kept in this process: the
 * card a session saves follows from its id alone.
 */
public final class SimulatedCardSetup implements CardSetup {
  private static final String SESSION_PREFIX = "sim_setup_";
  private static final Pattern SESSION = Pattern.compile("sim_setup_[0-9a-f]{24}");

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public SimulatedCardSetup(Clock clock) {
    this.clock = clock;
  }

  /** Every customer names nobody here; the store alone says whose it is. */
  @Override
  public CustomerCheck claim(TeamId team, String customerId) {
    return new CustomerCheck.Ours();
  }

  @Override
  public NewCustomer createCustomer(TeamId team) {
    return new NewCustomer.Created("sim_cus_" + randomHex());
  }

  @Override
  public SessionStart startSession(TeamId team, String customerId, String returnUrl) {
    String id = SESSION_PREFIX + randomHex();
    return new SessionStart.Started(id, CardSetup.withSession(returnUrl, id));
  }

  @Override
  public SessionEnd finishSession(TeamId team, String teamCustomer, String sessionId) {
    if (teamCustomer == null || !SESSION.matcher(sessionId).matches()) {
      return new SessionEnd.NotFound("no simulated setup session " + sessionId);
    }
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear() + 4;
    return new SessionEnd.Completed(
        new PaymentMethod(
            teamCustomer,
            "sim_pm_" + sessionId.substring(SESSION_PREFIX.length()),
            new PaymentMethod.Card("visa", "4242", 12, year)));
  }

  private String randomHex() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
