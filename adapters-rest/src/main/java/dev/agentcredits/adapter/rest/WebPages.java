package dev.agentcredits.adapter.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages for people, outside {@code /api/v1} and without a key: the billing page at {@code
 * /billing} ({@code /} leads there), the API docs at {@code /docs} and the webjars they load under
 * {@code /webjars}. Each is a classpath folder; a null folder is not served. The pages load nothing
 * from another host, and the Content-Security-Policy holds them to that.
 */
public record WebPages(String billingDirectory, String docsDirectory, String webjarsDirectory) {
  public static final WebPages NONE = new WebPages(null, null, null);

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "Cache-Control", "no-cache");

  void install(JavalinConfig config) {
    serve(config, "/billing", billingDirectory);
    serve(config, "/docs", docsDirectory);
    serve(config, "/webjars", webjarsDirectory);
    if (billingDirectory != null) {
      page(config, "/billing", billingDirectory);
      Handler toBilling =
          ctx -> ctx.status(HttpStatus.FOUND).header("Location", "/billing").result(new byte[0]);
      config.routes.addHttpHandler(HandlerType.GET, "/", toBilling);
      config.routes.addHttpHandler(HandlerType.HEAD, "/", toBilling);
    }
    if (docsDirectory != null) {
      page(config, "/docs", docsDirectory);
      page(config, "/api/v1/docs", docsDirectory);
    }
  }

  /** The pages' own paths, as {@link RestApi#endpoints()} lists them (their files are not). */
  List<String> endpoints() {
    List<String> endpoints = new ArrayList<>();
    if (billingDirectory != null) {
      endpoints.addAll(List.of("GET /", "GET /billing"));
    }
    if (docsDirectory != null) {
      endpoints.addAll(List.of("GET /docs", "GET /api/v1/docs"));
    }
    return endpoints;
  }

  private static void serve(JavalinConfig config, String hostedPath, String directory) {
    if (directory == null) {
      return;
    }
    config.staticFiles.add(files -> {
      files.hostedPath = hostedPath;
      files.directory = directory;
      files.location = Location.CLASSPATH;
      files.headers = HEADERS;
    });
  }

  /** A folder's index.html at the folder's path, with or without the slash. */
  private static void page(JavalinConfig config, String path, String directory) {
    byte[] html = index(directory);
    Handler handler =
        ctx -> {
          HEADERS.forEach(ctx::header);
          ctx.contentType("text/html; charset=utf-8").result(html);
        };
    // HEAD as GET without the body, as for the API's routes (Javalin would answer it bare)
    config.routes.addHttpHandler(HandlerType.GET, path, handler);
    config.routes.addHttpHandler(HandlerType.HEAD, path, handler);
  }

  private static byte[] index(String directory) {
    String name = directory + "/index.html";
    try (InputStream in = WebPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
