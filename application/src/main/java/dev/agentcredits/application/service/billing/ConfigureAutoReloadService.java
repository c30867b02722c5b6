package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.ConfigureAutoReloadUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.AutoReloadView;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.util.List;
import java.util.Locale;

/** DOMAIN.md rules 6 and 11: that member, the owner or an admin sets a pool's auto-reload. */
public final class ConfigureAutoReloadService implements ConfigureAutoReloadUseCase {
  private final Access access;
  private final PoolBook book;
  private final TransactionRunner tx;
  private final BillingTerms terms;

  public ConfigureAutoReloadService(
      Access access, PoolBook book, TransactionRunner tx, BillingTerms terms) {
    this.access = access;
    this.book = book;
    this.tx = tx;
    this.terms = terms;
  }

  @Override
  public Outcome<AutoReloadView> configure(ConfigureAutoReloadCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.teamOf(command.caller(), command.pool().team());
          Member member = access.poolOwner(command.caller(), team, command.pool().member());
          if (!team.plan().allowsAddOns()) {
            throw Guard.refuse(
                Refusal.featureNotAvailable("the " + team.plan() + " plan has no auto-reload"));
          }
          if (command.denomination() != null
              && terms.priceList().forDenomination(command.denomination()).isEmpty()) {
            throw Guard.refuse(
                Refusal.invalid(
                    "denomination_credits must be one of " + denominations() + " credits."));
          }
          PoolChanges changes = book.open();
          Pool pool = changes.lockCurrent(PoolIds.forMember(member.id()), team.plan());
          AutoReloadSettings current = pool.autoReload();
          var denomination =
              command.denomination() != null ? command.denomination() : current.denomination();
          var threshold = command.threshold() != null ? command.threshold() : current.threshold();
          if (command.enabled() && denomination == null) {
            throw Guard.refuse(
                Refusal.invalid(
                    "denomination_credits is required to turn auto-reload on: this pool has none"
                        + " yet (one of "
                        + denominations()
                        + " credits)."));
          }
          var settings = new AutoReloadSettings(command.enabled(), denomination, threshold, null);
          changes.replace(pool.withAutoReload(settings));
          changes.flush();
          return Outcome.ok(Views.autoReload(settings));
        }));
  }

  /** The denominations in words: "400, 1,000, 3,000 or 6,500". */
  private String denominations() {
    List<String> each =
        terms.priceList().denominations().stream()
            .map(n -> String.format(Locale.ROOT, "%,d", n))
            .toList();
    return each.size() == 1
        ? each.get(0)
        : String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.getLast();
  }
}
