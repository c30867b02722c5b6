package dev.agentcredits.adapter.rest;

import io.javalin.http.HandlerType;

/** One endpoint: method, path template, whether it needs a key, and what it does. */
record Route(HandlerType method, String path, boolean authenticated, Action action) {

  /** Handles a request; a {@link ProblemException} or any other exception becomes a problem. */
  @FunctionalInterface
  interface Action {
    Reply handle(Exchange exchange) throws Exception;
  }

  static Route get(String path, Action action) {
    return new Route(HandlerType.GET, path, true, action);
  }

  static Route post(String path, Action action) {
    return new Route(HandlerType.POST, path, true, action);
  }

  static Route put(String path, Action action) {
    return new Route(HandlerType.PUT, path, true, action);
  }

  static Route delete(String path, Action action) {
    return new Route(HandlerType.DELETE, path, true, action);
  }

  static Route open(String path, Action action) {
    return new Route(HandlerType.GET, path, false, action);
  }

  /** A POST that needs no key: the caller proves itself otherwise (a signed webhook). */
  static Route openPost(String path, Action action) {
    return new Route(HandlerType.POST, path, false, action);
  }

  /** Whether {@code requestPath} fits this template ({@code {name}} matches one segment). */
  boolean matches(String requestPath) {
    String[] template = path.split("/");
    String[] actual = requestPath.replaceAll("/+$", "").split("/");
    if (template.length != actual.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean param = template[i].startsWith("{") && !actual[i].isEmpty();
      if (!param && !template[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }
}
