package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Never closes a channel because a callback failed, and logs connection failures and failed
 * reconnect attempts at debug: {@link ManagedConnection} already says at warn that the connection
 * was lost, so an outage does not fill the log with one error per attempt.
 */
final class QuietRecoveryExceptionHandler extends ForgivingExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(QuietRecoveryExceptionHandler.class);

  @Override
  public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
    log.debug(
        "RabbitMQ connection {} failed: {}", conn.getClientProvidedName(), exception.toString());
  }

  @Override
  public void handleConnectionRecoveryException(Connection conn, Throwable exception) {
    log.debug("RabbitMQ reconnect attempt failed: {}", exception.toString());
  }
}
