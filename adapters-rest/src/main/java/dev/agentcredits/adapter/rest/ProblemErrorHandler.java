package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach a route (an unparsable URI, headers too large) are
 * answered as problem+json too, instead of Jetty's HTML page: a 4xx is {@code invalid_request}, a
 * 5xx {@code internal_error}.
 */
final class ProblemErrorHandler extends ErrorHandler {

  /** Every method, not only Jetty's GET, POST and HEAD: a PUT refused early gets a problem too. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    Trace trace = Trace.from(request.getHeaders().get("traceparent"));
    Reply reply = reply(code, message, request.getHttpURI().getPath(), trace.traceId());
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.PROBLEM_JSON);
    // A request Jetty could not read (a request line or headers too large) leaves the connection
    // unusable, and Jetty closes it: say so, or a client sends its next request on it and hears
    // nothing. A client sending malformed requests can well open a new connection.
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.getHeaders().put("X-Trace-Id", trace.traceId());
    response.getHeaders().put("traceparent", trace.traceparent());
    response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static Reply reply(int code, String message, String path, String traceId) {
    ProblemType error = code >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
    String detail =
        "the HTTP request was refused before it reached the API ("
            + code
            + (message == null || message.isBlank() ? "" : " " + message)
            + ")";
    return Problems.of(Problem.of(error, detail), path == null ? "" : path, traceId);
  }
}
