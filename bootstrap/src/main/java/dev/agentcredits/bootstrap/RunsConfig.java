package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Directory;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.runs.AdmissionLoop;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.service.runs.AdmitRuns;
import dev.agentcredits.application.service.runs.CancelRunService;
import dev.agentcredits.application.service.runs.CompleteRunService;
import dev.agentcredits.application.service.runs.GetRunService;
import dev.agentcredits.application.service.runs.ListRunsService;
import dev.agentcredits.application.service.runs.RefusalWording;
import dev.agentcredits.application.service.runs.ReportUsageService;
import dev.agentcredits.application.service.runs.RetryRunService;
import dev.agentcredits.application.service.runs.RunOperations;
import dev.agentcredits.application.service.runs.SubmitRunService;
import dev.agentcredits.application.service.runs.batching.GroupCommittedAdmissions;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs: submit, read, report usage, complete, retry; and the admission they share. */
@Configuration(proxyBeanMethods = false)
class RunsConfig {

  @Bean
  Directory directory(TeamStore teams) {
    return new Directory(teams);
  }

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
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      RefusalWording wording,
      BillingTerms terms,
      Clock clock) {
    return new GroupCommittedAdmissions(
        new AdmitRuns(teams, pools, runs, batches, tx, wording, terms, clock));
  }

  @Bean
  AdmissionLoop admission(Admissions admissions, AutoReloader reloader, Directory directory) {
    return new AdmissionLoop(admissions, reloader, directory);
  }

  @Bean
  SubmitRunService submitRun(
      Directory directory, AdmissionLoop admission, SecretGenerator ids, Clock clock) {
    return new SubmitRunService(directory, admission, ids, clock);
  }

  @Bean
  GetRunService getRun(RunStore runs, TeamStore teams, ApiKeyStore keys, TransactionRunner tx) {
    return new GetRunService(runs, teams, keys, tx);
  }

  @Bean
  RunOperations runOperations(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    return new RunOperations(teams, pools, runs, batches, tx, terms, clock);
  }

  @Bean
  ReportUsageService reportUsage(
      RunOperations operations,
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      AutoReloader reloader,
      BillingTerms terms,
      Clock clock) {
    return new ReportUsageService(
        operations, teams, pools, runs, batches, tx, reloader, terms, clock);
  }

  @Bean
  CompleteRunService completeRun(RunOperations operations) {
    return new CompleteRunService(operations);
  }

  @Bean
  RetryRunService retryRun(
      TeamStore teams, RunStore runs, TransactionRunner tx, AdmissionLoop admission) {
    return new RetryRunService(teams, runs, tx, admission);
  }

  @Bean
  ListRunsService listRuns(TeamStore teams, RunStore runs, ApiKeyStore keys, TransactionRunner tx) {
    return new ListRunsService(teams, runs, keys, tx);
  }

  @Bean
  CancelRunService cancelRun(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    return new CancelRunService(teams, pools, runs, batches, tx, terms, clock);
  }
}
