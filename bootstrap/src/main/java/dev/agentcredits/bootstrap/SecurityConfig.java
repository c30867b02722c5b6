package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.security.RandomSecrets;
import dev.agentcredits.adapter.security.Sha256KeyHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How API keys are hashed and how ids and keys are generated. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  Sha256KeyHasher keyHasher() {
    return new Sha256KeyHasher();
  }

  @Bean
  RandomSecrets secrets() {
    return new RandomSecrets();
  }
}
