package dev.agentcredits.application.port.out;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up (an IP literal is its own address), for the webhook destination check. */
public interface HostResolver {
  /** Every address of {@code host}; throws when it has none. */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
