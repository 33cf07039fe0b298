package com.firesync.provider;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unattended calls made to providers with an {@link UnattendedBudget}, counted in the database per account, day
 * and kind, so that every instance shares one count. A call is taken before it is sent, by an update that passes
 * only under the limit: two instances cannot both take the last call, and a call that was taken is never given back
 * (the bank may have counted it even if the answer was lost).
 */
@Component
public class UnattendedCalls {

    private final JdbcClient jdbc;

    private final TransactionTemplate own;

    UnattendedCalls(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        // a taken call is counted at once, whatever happens to a caller's transaction
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes the call, if fewer than {@code limit} of its kind were taken on its account that day. Each statement
     * commits on its own, whatever transaction the caller is in.
     *
     * @return whether the call may be sent
     */
    public boolean take(Call call, int limit) {
        if (limit < 1) {
            return false;
        }
        return increment(call, limit) || insert(call) || increment(call, limit);
    }

    /**
     * How many unattended syncs the connection's accounts still allow on {@code day}: the calls left of the kind and
     * account that has the fewest.
     */
    public int left(String provider, String connection, LocalDate day, int limit) {
        Integer most = jdbc.sql("""
                SELECT MAX(calls) FROM unattended_calls
                WHERE provider = :provider AND connection_ref = :connection AND call_day = :day""")
                .param("provider", provider)
                .param("connection", connection)
                .param("day", day)
                .query(Integer.class)
                .optional()
                .orElse(null);
        return Math.max(0, limit - (most == null ? 0 : most));
    }

    /**
     * Forgets the counts of the days before {@code day}: a limit counts the calls of one day only.
     *
     * @return how many counts were deleted
     */
    public int pruneBefore(LocalDate day) {
        return jdbc.sql("DELETE FROM unattended_calls WHERE call_day < :day").param("day", day).update();
    }

    private boolean increment(Call call, int limit) {
        return Objects.requireNonNull(own.execute(tx -> jdbc.sql("""
                UPDATE unattended_calls SET calls = calls + 1
                WHERE provider = :provider AND account = :account AND call_day = :day AND kind = :kind
                  AND calls < :limit""")
                .param("provider", call.provider())
                .param("account", call.account())
                .param("day", call.day())
                .param("kind", call.kind())
                .param("limit", limit)
                .update() == 1));
    }

    /** The day's first call of its kind on the account; false when another instance just counted it first. */
    private boolean insert(Call call) {
        try {
            return Objects.requireNonNull(own.execute(tx -> jdbc.sql("""
                    INSERT INTO unattended_calls (provider, account, call_day, kind, connection_ref, calls)
                    VALUES (:provider, :account, :day, :kind, :connection, 1)""")
                    .param("provider", call.provider())
                    .param("account", call.account())
                    .param("day", call.day())
                    .param("kind", call.kind())
                    .param("connection", call.connection())
                    .update() == 1));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * One call a provider is about to make without the user.
     *
     * @param provider the provider's name
     * @param connection the provider's id of the connection
     * @param account the provider's id of the account called
     * @param day the day of the provider's calendar the call falls on
     * @param kind the kind of call the provider limits apart ({@code details}, {@code balances}...)
     */
    public record Call(String provider, String connection, String account, LocalDate day, String kind) {
    }
}
