package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.runs.AdmissionLoop;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.service.runs.AdmitRuns;
import dev.agentcredits.application.service.runs.ApplyRunOperations;
import dev.agentcredits.application.service.runs.ArrearsSettlement;
import dev.agentcredits.application.service.runs.CancelRunService;
import dev.agentcredits.application.service.runs.CompleteRunService;
import dev.agentcredits.application.service.runs.GetRunService;
import dev.agentcredits.application.service.runs.ListRunsService;
import dev.agentcredits.application.service.runs.MemberLimitBook;
import dev.agentcredits.application.service.runs.RefusalWording;
import dev.agentcredits.application.service.runs.ReportUsageService;
import dev.agentcredits.application.service.runs.RetryRunService;
import dev.agentcredits.application.service.runs.SubmitRunService;
import dev.agentcredits.application.service.runs.batching.GroupCommittedAdmissions;
import dev.agentcredits.application.service.runs.batching.GroupCommittedRunOperations;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs: submit, read, report usage, complete, retry; and the admission they share. */
@Configuration(proxyBeanMethods = false)
class RunsConfig {

  @Bean
  RefusalWording refusalWording(TeamStore teams, SpendStore spending) {
    return new RefusalWording(teams, spending);
  }

  /**
   * The admission transaction, wrapped in group commit: submissions that arrive together share one
   * transaction, which locks their pool once.
   */
  @Bean
  Admissions admissions(
      TeamStore teams,
      PoolBook pools,
      RunStore runs,
      MemberLimitBook limits,
      TransactionRunner tx,
      RefusalWording wording) {
    return new GroupCommittedAdmissions(new AdmitRuns(teams, pools, runs, limits, tx, wording));
  }

  @Bean
  AdmissionLoop admission(Admissions admissions, AutoReloader reloader) {
    return new AdmissionLoop(admissions, reloader);
  }

  @Bean
  SubmitRunService submitRun(
      TeamStore teams, AdmissionLoop admission, SecretGenerator ids, Clock clock) {
    return new SubmitRunService(teams, admission, ids, clock);
  }

  @Bean
  GetRunService getRun(RunStore runs, TeamStore teams, ApiKeyStore keys, TransactionRunner tx) {
    return new GetRunService(runs, teams, keys, tx);
  }

  /** The transaction behind usage, completion, cancellation and hold expiry. */
  @Bean
  ApplyRunOperations runOperations(
      TeamStore teams,
      PoolBook pools,
      RunStore runs,
      MemberLimitBook limits,
      TransactionRunner tx,
      BillingTerms terms) {
    return new ApplyRunOperations(teams, pools, runs, limits, tx, terms);
  }

  /** Usage, completion and cancellation that arrive one by one share transactions. */
  @Bean
  GroupCommittedRunOperations groupCommittedRunOperations(ApplyRunOperations operations) {
    return new GroupCommittedRunOperations(operations);
  }

  @Bean
  ArrearsSettlement arrearsSettlement(
      PoolStore pools,
      RunStore runs,
      TransactionRunner tx,
      AutoReloader reloader,
      GroupCommittedRunOperations operations) {
    return new ArrearsSettlement(pools, runs, tx, reloader, operations);
  }

  @Bean
  ReportUsageService reportUsage(
      GroupCommittedRunOperations operations, AutoReloader reloader, ArrearsSettlement arrears) {
    return new ReportUsageService(operations, reloader, arrears);
  }

  @Bean
  CompleteRunService completeRun(GroupCommittedRunOperations operations) {
    return new CompleteRunService(operations);
  }

  @Bean
  RetryRunService retryRun(
      TeamStore teams, RunStore runs, TransactionRunner tx, AdmissionLoop admission) {
    return new RetryRunService(teams, runs, tx, admission);
  }

  @Bean
  ListRunsService listRuns(
      Access access, TeamStore teams, RunStore runs, ApiKeyStore keys, TransactionRunner tx) {
    return new ListRunsService(access, teams, runs, keys, tx);
  }

  @Bean
  CancelRunService cancelRun(GroupCommittedRunOperations operations) {
    return new CancelRunService(operations);
  }
}
