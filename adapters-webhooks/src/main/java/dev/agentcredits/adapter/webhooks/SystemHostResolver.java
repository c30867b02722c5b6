package dev.agentcredits.adapter.webhooks;

import dev.agentcredits.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's name service: DNS and the hosts file; an IP literal is its own address. */
public final class SystemHostResolver implements HostResolver {
  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    return List.of(InetAddress.getAllByName(host));
  }
}
