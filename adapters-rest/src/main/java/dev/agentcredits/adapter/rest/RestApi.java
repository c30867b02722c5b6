package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.AuthenticateUseCase;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP API of API.md on Javalin (Jetty 12, virtual threads). Every answer that is not a success
 * is problem+json; every answer carries the request's trace id; every request is logged once and
 * measured. {@link #stop()} stops accepting and lets requests in flight finish.
 */
public final class RestApi {
  private static final Logger REQUESTS = LoggerFactory.getLogger("dev.agentcredits.http");
  private static final String TRACE = "agent-credits.trace";
  private static final String ROUTE = "agent-credits.route";
  private static final String START = "agent-credits.start";
  private static final long MAX_DRAIN_BYTES = 1024 * 1024;

  private final AuthenticateUseCase authentication;
  private final RestSettings settings;
  private final ApiMetrics metrics;
  private final RateLimiter limiter;
  private final FailedAuthentications failedAuthentications;
  private final List<Route> routes;
  private final Javalin javalin;

  public RestApi(RestUseCases useCases, RestSettings settings) {
    this.authentication = useCases.authenticate();
    this.settings = settings;
    this.metrics = new ApiMetrics(settings.metrics());
    this.limiter = new RateLimiter(settings.rateLimit());
    this.failedAuthentications = new FailedAuthentications(settings.authThrottle());
    IdempotentCalls idempotent = new IdempotentCalls(useCases.idempotency());
    OpenApiDocument openApi = OpenApiDocument.load();
    this.routes =
        Stream.of(
                new SystemRoutes(settings.readiness(), settings.metrics(), openApi).routes(),
                new ProvisioningRoutes(useCases).routes(),
                new MemberRoutes(useCases).routes(),
                new MemberLimitRoutes(useCases).routes(),
                new RunRoutes(useCases, metrics).routes(),
                new UsageEventRoutes(useCases).routes(),
                new BillingRoutes(useCases, idempotent, metrics).routes(),
                new PaymentRoutes(useCases).routes(),
                new OperationsRoutes(useCases.operations()).routes(),
                new CallerRoutes(useCases.identifyCaller(), settings.payments()).routes())
            .flatMap(List::stream)
            .toList();
    this.javalin = Javalin.create(this::configure);
  }

  /** Starts listening; port 0 picks a free port (see {@link #port()}). */
  public RestApi start(int port) {
    javalin.start(port);
    return this;
  }

  /** Stops accepting connections and waits for requests in flight, up to the stop timeout. */
  public void stop() {
    javalin.stop();
  }

  public int port() {
    return javalin.port();
  }

  /** The method and path template of every endpoint, e.g. {@code POST /api/v1/teams}. */
  public List<String> endpoints() {
    return Stream.concat(
            routes.stream().map(r -> r.method() + " " + r.path()),
            settings.web().endpoints().stream())
        .toList();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.jetty.modifyServer(server -> {
      server.setStopTimeout(settings.stopTimeout().toMillis());
      server.setStopAtShutdown(false);
      server.setErrorHandler(new ProblemErrorHandler());
      Handler current = server.getHandler();
      GracefulHandler graceful = new GracefulHandler();
      if (current != null) {
        graceful.setHandler(current);
      }
      server.setHandler(graceful);
    });
    config.routes.before(this::begin);
    settings.web().install(config);
    for (Route route : routes) {
      config.routes.addHttpHandler(route.method(), route.path(), ctx -> dispatch(route, ctx));
      if (route.method() == HandlerType.GET) {
        // HEAD is GET without the body (RFC 9110): same key check, same status and headers.
        // Without this, Javalin answers HEAD on any GET path 200 without running it.
        config.routes.addHttpHandler(HandlerType.HEAD, route.path(), ctx -> dispatch(route, ctx));
      }
    }
    config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, unmatched(e, ctx)));
    config.routes.exception(
        Exception.class, (e, ctx) -> write(ctx, Problems.of(e, ctx.path(), trace(ctx).traceId())));
    config.requestLogger.http(this::finish);
  }

  private void begin(Context ctx) {
    ctx.attribute(START, System.nanoTime());
    Trace trace = trace(ctx);
    ctx.header("traceparent", trace.traceparent());
    ctx.header("X-Trace-Id", trace.traceId());
    MDC.put("trace_id", trace.traceId());
  }

  private void dispatch(Route route, Context ctx) {
    ctx.attribute(ROUTE, route.path());
    Trace trace = trace(ctx);
    Exchange exchange = new Exchange(ctx, route, trace, authentication, settings.maxBodyBytes());
    Reply reply;
    try {
      if (route.authenticated()) {
        authenticate(exchange, ctx);
        throttle(exchange, ctx);
      }
      reply = route.action().handle(exchange);
    } catch (Exception e) {
      reply = Problems.of(e, ctx.path(), trace.traceId());
    }
    write(ctx, reply);
  }

  /**
   * Looks the key up, unless its client address has spent its budget of failed authentications and
   * the key is not one known to be valid: then 429 with Retry-After, without a look-up. A key that
   * is looked up and refused (unknown, revoked) takes one from the address's budget; a request
   * without a key costs no look-up and is not counted.
   */
  private void authenticate(Exchange exchange, Context ctx) {
    String key = exchange.bearerKey();
    if (key == null || !failedAuthentications.throttles()) {
      exchange.caller();
      return;
    }
    String address =
        failedAuthentications.address(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    long wait = failedAuthentications.admit(address, key);
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      RateLimit limit = failedAuthentications.limit();
      throw ProblemException.of(
          ProblemType.RATE_LIMITED,
          ("too many failed authentications from this address (more than %d at once, then %d per"
                  + " second); retry after %d s with a valid key")
              .formatted(limit.burst(), limit.perSecond(), wait));
    }
    try {
      exchange.caller();
    } catch (ProblemException e) {
      if (e.problem().type() == ProblemType.AUTHENTICATION_REQUIRED) {
        failedAuthentications.failed(address);
      }
      throw e;
    }
    failedAuthentications.succeeded(key);
  }

  /** Per-key limit (this instance's count): over it, 429 with Retry-After and nothing done. */
  private void throttle(Exchange exchange, Context ctx) {
    long wait = limiter.acquire(exchange.rateLimitKey());
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      RateLimit limit = limiter.limit();
      throw ProblemException.of(
          ProblemType.RATE_LIMITED,
          "this key sent more than %d requests per second (bursts up to %d); retry after %d s"
              .formatted(limit.perSecond(), limit.burst(), wait));
    }
  }

  /** No endpoint has this method and path; say which methods the path takes, if any. */
  private Reply unmatched(HttpResponseException e, Context ctx) {
    String traceId = trace(ctx).traceId();
    if (e.getStatus() != 404 && e.getStatus() != 405) {
      ProblemType code =
          e.getStatus() < 500 ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
      return Problems.of(Problem.of(code, e.getMessage()), ctx.path(), traceId);
    }
    String allowed =
        routes.stream()
            .filter(r -> r.matches(ctx.path()))
            .map(r -> r.method().name())
            .distinct()
            .collect(Collectors.joining(", "));
    String request = ctx.method().name() + " " + ctx.path();
    if (!allowed.isEmpty()) {
      ctx.header("Allow", allowed);
    }
    String detail =
        allowed.isEmpty()
            ? "there is no endpoint " + request + "; see /docs"
            : "there is no endpoint " + request + "; this path takes " + allowed;
    return Problems.of(Problem.of(ProblemType.RESOURCE_NOT_FOUND, detail), ctx.path(), traceId);
  }

  private static void write(Context ctx, Reply reply) {
    drainUnread(ctx);
    ctx.status(reply.status());
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (reply.replayed()) {
      ctx.header(IdempotentCalls.REPLAYED, "true");
    }
    if (reply.body() != null) {
      ctx.contentType(reply.contentType());
      ctx.result(reply.body());
    } else {
      ctx.result(new byte[0]);
    }
  }

  /**
   * Reads what is left of the request body, up to {@link #MAX_DRAIN_BYTES}, before answering. A
   * request refused before its body was read (no key, no such route, a content type it does not
   * take) would otherwise be answered while the client is still sending: Jetty then closes the
   * connection under the upload, and the client may lose the answer to a reset.
   */
  private static void drainUnread(Context ctx) {
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[8192];
      long left = MAX_DRAIN_BYTES;
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= read;
      }
    } catch (IOException | RuntimeException e) {
      // nothing more can be read: the answer goes out as it is
    }
  }

  /** One line per request: method, route template, status, latency and trace id. */
  private void finish(Context ctx, Float millis) {
    String route = ctx.attribute(ROUTE);
    String method = ctx.method().name();
    int status = ctx.statusCode();
    Long start = ctx.attribute(START);
    long nanos = start == null ? (long) (millis * 1_000_000) : System.nanoTime() - start;
    metrics.request(method, route == null ? "unmatched" : route, status, nanos);
    REQUESTS.info(
        "{} {} {} {}ms trace_id={}",
        method,
        route == null ? "unmatched:" + ctx.path() : route,
        status,
        String.format(Locale.ROOT, "%.1f", nanos / 1e6),
        trace(ctx).traceId());
    MDC.remove("trace_id");
  }

  private static Trace trace(Context ctx) {
    Trace trace = ctx.attribute(TRACE);
    if (trace == null) {
      trace = Trace.from(ctx.header("traceparent"));
      ctx.attribute(TRACE, trace);
    }
    return trace;
  }
}
