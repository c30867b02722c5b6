package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The broker the tests use: {@code AGENT_CREDITS_TEST_AMQP_URL} when set (CI), else a
 * Testcontainers RabbitMQ when Docker is there, else the local broker on 127.0.0.1:5672. Tests
 * isolate themselves with a topology prefix of their own. Shared with bootstrap's messaging tests
 * through this module's test-jar.
 */
public final class Broker {
  private static final String LOCAL = "amqp://guest:guest@127.0.0.1:5672";
  private static String url;
  private static RabbitMQContainer container;

  private Broker() {}

  public static synchronized String url() {
    if (url == null) {
      String fromEnv = System.getenv("AGENT_CREDITS_TEST_AMQP_URL");
      if (fromEnv != null && fromEnv.isBlank()) {
        fromEnv = null;
      }
      if (fromEnv != null) {
        url = fromEnv;
      } else if (dockerAvailable()) {
        container = new RabbitMQContainer("rabbitmq:3.13-alpine");
        container.start();
        url = container.getAmqpUrl();
      } else {
        url = reachableLocal();
      }
      LoggerFactory.getLogger(Broker.class)
          .info(
              "tests use the broker at {}",
              fromEnv != null ? "AGENT_CREDITS_TEST_AMQP_URL" : container != null ? url : LOCAL);
    }
    return url;
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

  public static Topology freshTopology() {
    return new Topology("test-" + java.util.UUID.randomUUID().toString().substring(0, 8));
  }

  public static Connection connect() throws Exception {
    return connect("test client");
  }

  /** {@code name} is the client-provided name that {@link #closeConnections} matches. */
  public static Connection connect(String name) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url());
    return factory.newConnection(name);
  }

  public static void deleteTopology(Topology topology) {
    try (Connection connection = connect()) {
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
   * Closes, from the server side, every connection whose client-provided name starts with {@code
   * namePrefix} (only this test's: other suites may share the broker); answers how many.
   */
  public static int closeConnections(String namePrefix) throws Exception {
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
    if (container != null) {
      var result = container.execInContainer(command.toArray(String[]::new));
      if (result.getExitCode() != 0) {
        throw new IOException("rabbitmqctl failed: " + result.getStderr());
      }
      return result.getStdout().lines().toList();
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "rabbitmqctl "
              + String.join(" ", args)
              + " failed (it needs to run on the broker's host, as root or rabbitmq): "
              + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
