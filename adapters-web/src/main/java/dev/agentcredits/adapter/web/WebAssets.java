package dev.agentcredits.adapter.web;

/**
 * Where the pages' files are on the classpath, for the HTTP adapter to serve: the billing page
 * (plain ES modules, no build step), the API docs page (Swagger UI over the OpenAPI document) and
 * the webjars both use (Chart.js, Swagger UI) under their standard {@code /webjars/} prefix.
 */
public final class WebAssets {
  /** The billing page's folder; served at {@code /billing/}. */
  public static final String BILLING = "/dev/agentcredits/web/billing";

  /** The API docs page's folder; served at {@code /docs/}. */
  public static final String DOCS = "/dev/agentcredits/web/docs";

  /** Where every webjar keeps its files; served at {@code /webjars/}. */
  public static final String WEBJARS = "/META-INF/resources/webjars";

  private WebAssets() {}
}
