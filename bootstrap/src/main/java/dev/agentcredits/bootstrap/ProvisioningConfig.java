package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
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
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Teams, members, keys and contract grants; and who a key is. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfig {

  @Bean
  Enrollment enrollment(
      TeamStore teams,
      ApiKeyStore apiKeys,
      PoolStore pools,
      BatchWriter batches,
      SecretGenerator secrets,
      KeyHasher hasher,
      BillingTerms terms) {
    return new Enrollment(teams, apiKeys, pools, batches, secrets, hasher, terms);
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
      TeamStore teams,
      TransactionRunner tx,
      Enrollment enrollment,
      SecretGenerator ids,
      Clock clock) {
    return new AddMemberService(teams, tx, enrollment, ids, clock);
  }

  /** Issues and revokes team API keys. */
  @Bean
  TeamApiKeyService teamApiKeys(
      TeamStore teams,
      ApiKeyStore apiKeys,
      TransactionRunner tx,
      SecretGenerator secrets,
      KeyHasher hasher,
      Clock clock) {
    return new TeamApiKeyService(teams, apiKeys, tx, secrets, hasher, clock);
  }

  @Bean
  GrantContractCreditsService grantContractCredits(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      TransactionRunner tx,
      SecretGenerator ids,
      BillingTerms terms,
      Clock clock) {
    return new GrantContractCreditsService(teams, pools, batches, tx, ids, terms, clock);
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
      TeamStore teams,
      ApiKeyStore apiKeys,
      PoolStore pools,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    return new RemoveMemberService(teams, apiKeys, pools, batches, tx, terms, clock);
  }

  @Bean
  RotateMemberKeyService rotateMemberKey(
      TeamStore teams,
      ApiKeyStore apiKeys,
      TransactionRunner tx,
      SecretGenerator secrets,
      KeyHasher hasher,
      Clock clock) {
    return new RotateMemberKeyService(teams, apiKeys, tx, secrets, hasher, clock);
  }

  @Bean
  ListMembersService listMembers(TeamStore teams, TransactionRunner tx) {
    return new ListMembersService(teams, tx);
  }

  @Bean
  ListApiKeysService listApiKeys(TeamStore teams, ApiKeyStore keys, TransactionRunner tx) {
    return new ListApiKeysService(teams, keys, tx);
  }
}
