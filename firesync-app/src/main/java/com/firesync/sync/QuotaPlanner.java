package com.firesync.sync;

import com.firesync.connection.ConnectionSnapshot;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.BankingProviders;
import com.firesync.provider.UnattendedBudget;
import com.firesync.provider.UnattendedCalls;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Plans the unattended syncs of connections whose provider limits reads made without the user
 * ({@link UnattendedBudget}): such a connection may sync so many times a day of the provider's calendar, so its
 * syncs are spread evenly over the day (every 6 h with 4 a day) and none starts once the day's calls are spent. The
 * calls are counted by every instance together ({@link UnattendedCalls}). Syncs a present user asks for are not
 * planned: the provider does not count them.
 */
@Component
public class QuotaPlanner {

    private final BankingProviders providers;

    private final UnattendedCalls calls;

    QuotaPlanner(BankingProviders providers, UnattendedCalls calls) {
        this.providers = providers;
        this.calls = calls;
    }

    /**
     * The connection's unattended quota now; empty when its provider has no such limit (Powens) or is not
     * configured.
     */
    public Optional<Quota> quota(ConnectionSnapshot connection, Instant now) {
        return providers.find(connection.provider())
                .flatMap(provider -> provider.unattendedBudget().map(budget -> quota(provider, budget, connection,
                        now)));
    }

    /**
     * The least time between two unattended syncs of each configured provider that limits them (every 6 h at
     * Enable Banking's 4 a day); the others are absent.
     */
    public Map<String, Duration> spacings() {
        Map<String, Duration> spacings = new LinkedHashMap<>();
        providers.names().forEach(name -> providers.find(name).flatMap(BankingProvider::unattendedBudget)
                .ifPresent(budget -> spacings.put(name, spacing(budget))));
        return spacings;
    }

    private static Duration spacing(UnattendedBudget budget) {
        return Duration.ofDays(1).dividedBy(budget.callsPerDay());
    }

    private Quota quota(BankingProvider provider, UnattendedBudget budget, ConnectionSnapshot connection,
            Instant now) {
        ZoneId zone = provider.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int left = calls.left(provider.name(), connection.providerConnectionId(), today, budget.callsPerDay());
        return new Quota(left, spacing(budget),
                today.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * A connection's unattended quota.
     *
     * @param syncsLeft the unattended syncs its accounts still allow today
     * @param spacing the least time between two of its unattended syncs, the day shared evenly among them
     * @param nextDay when the provider's next day starts, with a new budget
     */
    public record Quota(int syncsLeft, Duration spacing, Instant nextDay) {

        /** Whether today's budget is spent. */
        public boolean exhausted() {
            return syncsLeft < 1;
        }

        /**
         * When the next unattended sync may run, at the earliest {@code due}: a spacing after the last attempt (its
         * calls were spent, failed or not), and not before the next day once today's budget is spent.
         */
        public Instant plan(Instant due, @Nullable Instant lastAttempt) {
            Instant planned = due;
            if (lastAttempt != null && lastAttempt.plus(spacing).isAfter(planned)) {
                planned = lastAttempt.plus(spacing);
            }
            return exhausted() && nextDay.isAfter(planned) ? nextDay : planned;
        }
    }
}
