package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.out.HostResolver;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The destination policy on the addresses a URL's host resolves to now. Asked at registration and
 * before every attempt, since what a name resolves to can change in between.
 */
public final class Destinations {
  private final HostResolver resolver;
  private final DestinationPolicy policy;

  public Destinations(HostResolver resolver, DestinationPolicy policy) {
    this.resolver = resolver;
    this.policy = policy;
  }

  /** Why {@code url} may not be called now, if it may not. */
  Optional<String> refusal(WebhookUrl url) {
    Optional<String> scheme = policy.refusal(url);
    if (scheme.isPresent() || policy.allowPrivate()) {
      return scheme;
    }
    try {
      return policy.refusal(url, resolver.resolve(url.host()));
    } catch (UnknownHostException e) {
      return Optional.of("the host " + url.host() + " does not resolve");
    }
  }
}
