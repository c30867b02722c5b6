package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Opens a setup page for the team's card; the page comes back to {@code returnUrl}. */
public record StartCardSetupCommand(Caller caller, TeamId team, String returnUrl) {
  public static final int MAX_URL_LENGTH = 2048;

  public StartCardSetupCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    requireReturnUrl(returnUrl);
  }

  private static void requireReturnUrl(String url) {
    String rule = "return_url must be an absolute http or https URL of at most 2048 characters";
    if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException(rule);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(rule + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getHost().isEmpty()
        || uri.isOpaque()) {
      throw new IllegalArgumentException(rule + ", e.g. https://billing.example.com/billing");
    }
  }
}
