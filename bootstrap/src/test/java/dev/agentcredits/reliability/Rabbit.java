package dev.agentcredits.reliability;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ of the suite ({@code AGENT_CREDITS_TEST_AMQP_URL}, else the local one), used through
 * a virtual host of the test's own: its topology, its connections and its permissions are the
 * test's alone, so cutting them off touches no other suite on the broker. {@code rabbitmqctl} runs
 * on the broker's host, as in CI.
 */
final class Rabbit {
  private Rabbit() {}

  /**
   * Skips the calling test on a machine without a broker or {@code rabbitmqctl} (a newcomer's
   * laptop); where {@code AGENT_CREDITS_TEST_AMQP_URL} or {@code CI} is set, as in CI, it fails.
   */
  static void assumeAvailable() {
    try {
      ctl("list_vhosts");
    } catch (IllegalStateException e) {
      if (System.getenv("AGENT_CREDITS_TEST_AMQP_URL") != null || System.getenv("CI") != null) {
        throw e;
      }
      org.junit.jupiter.api.Assumptions.abort(
          "no RabbitMQ with rabbitmqctl on this machine: " + e.getMessage());
    }
  }

  static String baseUrl() {
    String url = System.getenv("AGENT_CREDITS_TEST_AMQP_URL");
    url = url == null || url.isBlank() ? "amqp://guest:guest@127.0.0.1:5672" : url;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static String user() {
    String authority = baseUrl().substring(baseUrl().indexOf("://") + 3);
    int at = authority.indexOf('@');
    if (at < 0) {
      return "guest";
    }
    String userInfo = authority.substring(0, at);
    int colon = userInfo.indexOf(':');
    return colon < 0 ? userInfo : userInfo.substring(0, colon);
  }

  static String urlOf(String vhost) {
    return baseUrl() + "/" + vhost;
  }

  static void createVhost(String vhost) {
    ctl("add_vhost", vhost);
    grant(vhost);
  }

  static void deleteVhost(String vhost) {
    try {
      ctl("delete_vhost", vhost);
    } catch (RuntimeException e) {
      System.err.println("could not delete vhost " + vhost + ": " + e.getMessage());
    }
  }

  /** The test user may connect to the vhost and do anything in it. */
  static void grant(String vhost) {
    ctl("set_permissions", "-p", vhost, user(), ".*", ".*", ".*");
  }

  /** Nobody may connect to the vhost any more (open connections stay until closed). */
  static void revoke(String vhost) {
    ctl("clear_permissions", "-p", vhost, user());
  }

  /** Closes, from the broker's side, every connection to the vhost. */
  static void closeConnections(String vhost) {
    ctl("close_all_connections", "--vhost", vhost, "closed by the reliability suite");
  }

  static Connection connect(String vhost, String name) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(urlOf(vhost));
    factory.setAutomaticRecoveryEnabled(false);
    return factory.newConnection(name);
  }

  static List<String> ctl(String... args) {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "rabbitmqctl "
                + String.join(" ", args)
                + " failed: "
                + new String(output, StandardCharsets.UTF_8));
      }
      return new String(output, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException("rabbitmqctl is needed on the broker's host", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
