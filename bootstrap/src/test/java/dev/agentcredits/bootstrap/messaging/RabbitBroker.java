package dev.agentcredits.bootstrap.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.agentcredits.adapter.messaging.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The broker of the integration tests: {@code AGENT_CREDITS_TEST_AMQP_URL} when set (CI), else the
 * local one. Each test takes a topology prefix of its own, so suites sharing the broker do not see
 * each other's messages.
 */
final class RabbitBroker {
  private static final String LOCAL = "amqp://guest:guest@127.0.0.1:5672";

  private RabbitBroker() {}

  static String url() {
    String fromEnv = System.getenv("AGENT_CREDITS_TEST_AMQP_URL");
    return fromEnv == null || fromEnv.isBlank() ? reachableLocal() : fromEnv;
  }

  /**
   * On a machine with no broker at all (no variable, no Docker, nothing on 127.0.0.1:5672) the
   * broker tests are skipped with this message, so a newcomer's first test run works; CI always
   * provides a broker ({@code .ci/run} starts one), and there a missing broker fails the run.
   */
  private static String reachableLocal() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", 5672), 500);
      return LOCAL;
    } catch (java.io.IOException e) {
      String message =
          "no RabbitMQ: set AGENT_CREDITS_TEST_AMQP_URL, start a broker on 127.0.0.1:5672 or a"
              + " Docker engine";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message + " (CI must provide one)", e);
      }
      org.junit.jupiter.api.Assumptions.abort(message);
      return LOCAL;
    }
  }

  static Topology freshTopology() {
    return new Topology("it-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static Connection connect(String name) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url());
    return factory.newConnection(name);
  }

  static void deleteTopology(Topology topology) {
    try (Connection connection = connect("test cleanup")) {
      Channel channel = connection.createChannel();
      channel.queueDelete(topology.commandsQueue());
      channel.queueDelete(topology.deadLetterQueue());
      channel.exchangeDelete(topology.eventsExchange());
      channel.exchangeDelete(topology.deadLetterExchange());
    } catch (Exception e) {
      // best effort: a leftover test queue harms nothing
    }
  }

  /**
   * Closes from the server side (rabbitmqctl, on the broker's host) every connection whose
   * client-provided name starts with {@code namePrefix}; answers how many.
   */
  static int closeConnections(String namePrefix) throws Exception {
    int closed = 0;
    for (String line : rabbitmqctl("list_connections", "-s", "pid", "client_properties")) {
      int tab = line.indexOf('\t');
      if (tab > 0 && line.contains("\"" + namePrefix)) {
        rabbitmqctl("close_connection", line.substring(0, tab), "closed by a test");
        closed++;
      }
    }
    return closed;
  }

  private static List<String> rabbitmqctl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "rabbitmqctl "
              + String.join(" ", args)
              + " failed (it runs on the broker's host, as root or rabbitmq): "
              + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }
}
