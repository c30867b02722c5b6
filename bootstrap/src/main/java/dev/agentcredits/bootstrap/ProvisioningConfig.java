package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.access.AuthenticateService;
import dev.agentcredits.application.service.access.IdentifyCallerService;
import dev.agentcredits.application.service.members.RemoveMemberService;
import dev.agentcredits.application.service.members.RotateMemberKeyService;
import dev.agentcredits.application.service.provisioning.AddMemberService;
import dev.agentcredits.application.service.provisioning.Enrollment;
import dev.agentcredits.application.service.provisioning.GrantContractCreditsService;
import dev.agentcredits.application.service.provisioning.ListApiKeysService;
import dev.agentcredits.application.service.provisioning.ListMembersService;
import dev.agentcredits.application.service.provisioning.ProvisionTeamService;
import dev.agentcredits.application.service.provisioning.TeamApiKeyService;
import dev.agentcredits.application.service.shared.KeyIssuer;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Teams, members, keys and contract grants; and who a key is. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfig {

  /** Every API key is issued here: shown once, kept hashed. */
  @Bean
  KeyIssuer keyIssuer(ApiKeyStore apiKeys, SecretGenerator secrets, KeyHasher hasher) {
    return new KeyIssuer(apiKeys, secrets, hasher);
  }

  @Bean
  Enrollment enrollment(TeamStore teams, KeyIssuer keys, PoolBook book, BillingTerms terms) {
    return new Enrollment(teams, keys, book, terms);
  }

  @Bean
  ProvisionTeamService provisionTeam(
      TeamStore teams,
      TransactionRunner tx,
      Enrollment enrollment,
      SecretGenerator ids,
      BillingTerms terms,
      Clock clock) {
    return new ProvisionTeamService(teams, tx, enrollment, ids, terms, clock);
  }

  @Bean
  AddMemberService addMember(
      Access access,
      TransactionRunner tx,
      Enrollment enrollment,
      SecretGenerator ids,
      Clock clock) {
    return new AddMemberService(access, tx, enrollment, ids, clock);
  }

  /** Issues and revokes team API keys. */
  @Bean
  TeamApiKeyService teamApiKeys(
      Access access, ApiKeyStore apiKeys, TransactionRunner tx, KeyIssuer keys, Clock clock) {
    return new TeamApiKeyService(access, apiKeys, tx, keys, clock);
  }

  @Bean
  GrantContractCreditsService grantContractCredits(
      TeamStore teams, PoolBook book, TransactionRunner tx, SecretGenerator ids) {
    return new GrantContractCreditsService(teams, book, tx, ids);
  }

  @Bean
  IdentifyCallerService identifyCaller(TeamStore teams, TransactionRunner tx) {
    return new IdentifyCallerService(teams, tx);
  }

  @Bean
  AuthenticateService authenticate(
      ApiKeyStore apiKeys, KeyHasher hasher, OperatorKey operatorKey, Clock clock) {
    return new AuthenticateService(apiKeys, hasher, operatorKey.value(), clock);
  }

  /** DOMAIN.md rule 22. */
  @Bean
  RemoveMemberService removeMember(
      TeamStore teams, Access access, ApiKeyStore apiKeys, PoolBook book, TransactionRunner tx) {
    return new RemoveMemberService(teams, access, apiKeys, book, tx);
  }

  @Bean
  RotateMemberKeyService rotateMemberKey(
      TeamStore teams,
      Access access,
      ApiKeyStore apiKeys,
      TransactionRunner tx,
      KeyIssuer keys,
      Clock clock) {
    return new RotateMemberKeyService(teams, access, apiKeys, tx, keys, clock);
  }

  @Bean
  ListMembersService listMembers(TeamStore teams, Access access, TransactionRunner tx) {
    return new ListMembersService(teams, access, tx);
  }

  @Bean
  ListApiKeysService listApiKeys(Access access, ApiKeyStore keys, TransactionRunner tx) {
    return new ListApiKeysService(access, keys, tx);
  }
}
