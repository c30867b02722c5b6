package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where problems and failures become RFC 9457 answers: a problem says what the use
 * case or the adapter said, an unavailable dependency is {@code resource_unavailable}, anything
 * else is {@code internal_error}, logged with its trace id and never shown to the client.
 */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static Reply of(Problem problem, String instance, String traceId) {
    return Reply.problem(problem.type(), Json.write(problem.body(instance, traceId)));
  }

  static Reply of(Throwable failure, String instance, String traceId) {
    if (failure instanceof ProblemException problem) {
      return of(problem.problem(), instance, traceId);
    }
    ResourceUnavailableException unavailable = unavailable(failure);
    if (unavailable != null) {
      LOG.warn("trace_id={} dependency unavailable: {}", traceId, unavailable.getMessage());
      return of(Problem.failure(ProblemType.RESOURCE_UNAVAILABLE), instance, traceId);
    }
    LOG.error("trace_id={} unexpected failure on {}", traceId, instance, failure);
    return of(Problem.failure(ProblemType.INTERNAL_ERROR), instance, traceId);
  }

  /** The unavailable dependency behind a failure, if that is what it is; else null. */
  static ResourceUnavailableException unavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ResourceUnavailableException e) {
        return e;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
