package dev.agentcredits.adapter.rest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the REST adapter runs: the checks {@code /health/ready} asks, the registry {@code /metrics}
 * shows (the service adds its own meters to it), the largest request body taken, how long {@link
 * RestApi#stop()} lets requests in flight finish, how many requests each key may make, the pages
 * for people it serves, and how failed authentications are throttled per client address (none
 * unless set: the service sets it from its settings).
 */
public record RestSettings(
    List<HealthCheck> readiness,
    PrometheusMeterRegistry metrics,
    int maxBodyBytes,
    Duration stopTimeout,
    RateLimit rateLimit,
    WebPages web,
    AuthThrottle authThrottle) {

  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);

  public RestSettings {
    readiness = List.copyOf(readiness);
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(authThrottle, "authThrottle");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  public RestSettings(
      List<HealthCheck> readiness,
      PrometheusMeterRegistry metrics,
      int maxBodyBytes,
      Duration stopTimeout) {
    this(
        readiness,
        metrics,
        maxBodyBytes,
        stopTimeout,
        RateLimit.DEFAULT,
        WebPages.NONE,
        AuthThrottle.NONE);
  }

  public static RestSettings of(List<HealthCheck> readiness, PrometheusMeterRegistry metrics) {
    return new RestSettings(readiness, metrics, DEFAULT_MAX_BODY_BYTES, DEFAULT_STOP_TIMEOUT);
  }

  public RestSettings withRateLimit(RateLimit limit) {
    return new RestSettings(
        readiness, metrics, maxBodyBytes, stopTimeout, limit, web, authThrottle);
  }

  public RestSettings withWebPages(WebPages pages) {
    return new RestSettings(
        readiness, metrics, maxBodyBytes, stopTimeout, rateLimit, pages, authThrottle);
  }

  public RestSettings withAuthThrottle(AuthThrottle throttle) {
    return new RestSettings(
        readiness, metrics, maxBodyBytes, stopTimeout, rateLimit, web, throttle);
  }
}
