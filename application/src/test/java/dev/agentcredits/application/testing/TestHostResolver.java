package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Name resolution without DNS: IP literals are their own address, names are what the test said, and
 * any other name under {@code .example} or {@code .example.com} is one public address. Other names
 * do not resolve.
 */
public final class TestHostResolver implements HostResolver {
  public static final String PUBLIC_ADDRESS = "93.184.215.14";

  private final Map<String, List<String>> names = new ConcurrentHashMap<>();

  /** From now on {@code name} resolves to {@code addresses} (IP literals). */
  public TestHostResolver with(String name, String... addresses) {
    names.put(name, List.of(addresses));
    return this;
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<String> addresses = names.get(host);
    if (addresses == null && (host.endsWith(".example") || host.endsWith(".example.com"))) {
      addresses = List.of(PUBLIC_ADDRESS);
    }
    if (addresses == null && isLiteral(host)) {
      addresses = List.of(host);
    }
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> resolved = new java.util.ArrayList<>();
    for (String address : addresses) {
      resolved.add(InetAddress.getByName(address));
    }
    return resolved;
  }

  private static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}
