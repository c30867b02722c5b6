package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.limits.MemberLimitFigures;
import dev.agentcredits.application.service.limits.MemberLimitsService;
import dev.agentcredits.application.service.runs.MemberLimitBook;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Members' monthly credit limits (DOMAIN.md rule 24): their store and the calls that set them. */
@Configuration(proxyBeanMethods = false)
class MemberLimitsConfig {

  @Bean
  MemberLimitStore memberLimitStore(StoreBackend store) {
    return store.stores().memberLimits();
  }

  /** Where the transactions on runs read and keep the figures the limits are checked against. */
  @Bean
  MemberLimitBook memberLimitBook(MemberLimitStore store) {
    return new MemberLimitBook(store);
  }

  @Bean
  MemberLimitFigures memberLimitFigures(MemberLimitStore store) {
    return new MemberLimitFigures(store);
  }

  @Bean
  MemberLimitsService memberLimits(
      TeamStore teams,
      MemberLimitStore limits,
      EventOutbox outbox,
      TransactionRunner tx,
      Clock clock) {
    return new MemberLimitsService(teams, limits, outbox, tx, clock);
  }
}
