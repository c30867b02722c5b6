package dev.agentcredits.domain.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an endpoint's deliveries are posted: an absolute http(s) URL with a host, without user
 * information (it would not be sent) or a fragment. Whether plain http may be used is the {@link
 * DestinationPolicy}'s call.
 */
public record WebhookUrl(URI uri) {
  static final int MAX_LENGTH = 2_048;

  public WebhookUrl {
    Objects.requireNonNull(uri, "url is required");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("url must be an absolute https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("url must name a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("url must not hold user information or a #fragment");
    }
    if (uri.toString().length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url must be at most " + MAX_LENGTH + " characters");
    }
  }

  public static WebhookUrl parse(String text) {
    Objects.requireNonNull(text, "url is required");
    try {
      return new WebhookUrl(new URI(text.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URL: " + e.getReason());
    }
  }

  public boolean isHttps() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  /** The host to resolve: a name, or an IP literal without the brackets of IPv6. */
  public String host() {
    String host = uri.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
