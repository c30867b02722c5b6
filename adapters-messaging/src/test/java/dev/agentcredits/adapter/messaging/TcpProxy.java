package dev.agentcredits.adapter.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Forwards a local port to the broker, so a test can make the broker appear late. */
final class TcpProxy implements AutoCloseable {
  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  TcpProxy(String amqpUrl) throws IOException {
    URI uri = URI.create(amqpUrl);
    this.targetHost = uri.getHost();
    this.targetPort = uri.getPort() > 0 ? uri.getPort() : 5672;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
  }

  /** The broker URL through this proxy. */
  String url(String amqpUrl) {
    URI uri = URI.create(amqpUrl);
    String user = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
    return uri.getScheme() + "://" + user + "127.0.0.1:" + port + uri.getRawPath();
  }

  synchronized void start() throws IOException {
    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().start(this::accept);
  }

  private void accept() {
    try {
      while (true) {
        Socket client = server.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(upstream);
        Thread.ofPlatform().daemon().start(() -> pump(client, upstream));
        Thread.ofPlatform().daemon().start(() -> pump(upstream, client));
      }
    } catch (IOException e) {
      // closed
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side went away
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
