package com.firesync.events;

import com.firesync.runtime.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, listens on its own connection for the commits of other instances that wrote events, and wakes this
 * instance's tail. A notification lost while the connection is down costs nothing but delay: the tail reads the log
 * on its own schedule, and again as soon as the connection is back.
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
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
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
