package com.firesync.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.FireSyncTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The unattended-call count shared by every instance, on the real database (H2, and PostgreSQL in its run): two
 * instances, each with its own connections to the same schema, race for one account's calls and together take no
 * more than the limit, however many ask at once.
 */
@FireSyncTest
class UnattendedCallsTests {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Environment environment;

    @Test
    void twoInstancesRacingForAnAccountsCallsTakeNoMoreThanTheLimitTogether() throws Exception {
        UnattendedCalls first = new UnattendedCalls(JdbcClient.create(dataSource), transactions);
        UnattendedCalls second = secondInstance();
        var details = new UnattendedCalls.Call("enablebanking", "session-1", "account-1", DAY, "details");
        var balances = new UnattendedCalls.Call("enablebanking", "session-1", "account-1", DAY, "balances");

        List<Boolean> taken = race(List.of(first, second), details, 24);

        assertThat(taken.stream().filter(Boolean::booleanValue).count()).isEqualTo(4);
        assertThat(first.left("enablebanking", "session-1", DAY, 4)).isZero();
        assertThat(second.take(details, 4)).isFalse();
        // another kind, another account and another day each have their own budget
        assertThat(first.take(balances, 4)).isTrue();
        assertThat(second.take(new UnattendedCalls.Call("enablebanking", "session-1", "account-2", DAY, "details"), 4))
                .isTrue();
        assertThat(first.take(new UnattendedCalls.Call("enablebanking", "session-1", "account-1", DAY.plusDays(1),
                "details"), 4)).isTrue();
        assertThat(first.left("enablebanking", "session-1", DAY.plusDays(1), 4)).isEqualTo(3);
        assertThat(first.left("enablebanking", "session-2", DAY, 4)).isEqualTo(4);
    }

    /** Many takes of one call at once, spread over the instances, each answer in the order asked. */
    private static List<Boolean> race(List<UnattendedCalls> instances, UnattendedCalls.Call call, int takes)
            throws Exception {
        var start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < takes; i++) {
                UnattendedCalls instance = instances.get(i % instances.size());
                Callable<Boolean> take = () -> {
                    start.await();
                    return instance.take(call, 4);
                };
                answers.add(threads.submit(take));
            }
            start.countDown();
            List<Boolean> taken = new ArrayList<>();
            for (Future<Boolean> answer : answers) {
                taken.add(answer.get());
            }
            return taken;
        }
    }

    /** Another instance's count: its own connections to the same database. */
    private UnattendedCalls secondInstance() {
        var other = new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
        return new UnattendedCalls(JdbcClient.create(other), new DataSourceTransactionManager(other));
    }
}
