package com.firesync.events;

import com.firesync.runtime.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, tells the other instances that this one committed events, and listens on its own connection for
 * theirs, waking this instance's tail. A notification lost (a connection down, a process killed between a commit and
 * its notification) costs nothing but delay: every tail reads the log on its own schedule anyway.
 *
 * <p>The notification is sent after the commit, by one sender thread, never inside the transaction that wrote the
 * events: PostgreSQL queues a transaction's notifications under one lock for the whole cluster, held from the commit's
 * start to its flush, so notifying inside each writing transaction made every such commit wait for the others, one at
 * a time (measured in docs/benchmarks.md, `scaling`). Commits that end while a notification is being sent share the
 * next one.
 */
@Component
class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private static final int WAIT_MS = 500;

    private final EventTail tail;

    private final Environment environment;

    private final boolean postgres;

    private volatile boolean running;

    private @Nullable Thread thread;

    private @Nullable Thread sender;

    /** Whether a commit since the last notification was sent still has to be told. */
    private final AtomicBoolean committed = new AtomicBoolean();

    PostgresNotifications(EventTail tail, Environment environment) {
        this.tail = tail;
        this.environment = environment;
        this.postgres = DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL;
    }

    @Override
    public void start() {
        running = true;
        if (postgres) {
            thread = Thread.ofPlatform().daemon().name("event-notifications").start(this::listen);
            sender = Thread.ofPlatform().daemon().name("event-notifier").start(this::send);
        }
    }

    /** A transaction that wrote events committed: the other instances are told soon, together with others. */
    void committed() {
        Thread notifier = sender;
        if (notifier != null && !committed.getAndSet(true)) {
            LockSupport.unpark(notifier);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : new Thread[]{thread, sender}) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + EventLog.CHANNEL);
                tail.signal();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    if (received != null && received.length > 0) {
                        tail.signal();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for other instances' events failed, retrying: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void send() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                while (running) {
                    if (!committed.getAndSet(false)) {
                        LockSupport.park(this);
                        continue;
                    }
                    statement.execute("SELECT pg_notify('" + EventLog.CHANNEL + "', '')");
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Notifying other instances of events failed, retrying: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(Objects.requireNonNull(environment.getProperty("spring.datasource.url")),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
