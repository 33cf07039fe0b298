package com.firesync.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.runtime.FireSyncSettings;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@FireSyncTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    UserAccounts accounts;

    @Autowired
    FireSyncSettings settings;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void removeTokenFile() throws Exception {
        Files.deleteIfExists(settings.adminTokenFile());
    }

    @Test
    void createsAdminOnEmptyDatabaseAndWritesItsTokenOwnerOnly(CapturedOutput output) throws Exception {
        bootstrap.run(new DefaultApplicationArguments());

        var file = settings.adminTokenFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = Files.readString(file).strip();
        var caller = accounts.authenticate(token).orElseThrow();
        assertThat(caller.role()).isEqualTo(Role.ADMIN);
        assertThat(output.getAll()).contains(file.toString()).doesNotContain(token);
        assertThat(jdbc.sql("SELECT token_hash FROM api_tokens").query(String.class).list()).doesNotContain(token)
                .allMatch(hash -> hash.length() == 64);
    }

    @Test
    void createsNoSecondAdminOnLaterStarts() throws Exception {
        bootstrap.run(new DefaultApplicationArguments());
        String first = Files.readString(settings.adminTokenFile());

        bootstrap.run(new DefaultApplicationArguments());

        assertThat(Files.readString(settings.adminTokenFile())).isEqualTo(first);
        assertThat(adminCount()).isEqualTo(1);
    }

    @Test
    void createsOneAdminWhenInstancesStartTogether() {
        try (var pool = Executors.newFixedThreadPool(4)) {
            var runs = new CompletableFuture<?>[4];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = CompletableFuture.runAsync(() -> bootstrap.run(new DefaultApplicationArguments()), pool);
            }
            CompletableFuture.allOf(runs).join();
        }

        assertThat(adminCount()).isEqualTo(1);
    }

    private long adminCount() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'").query(Long.class).single();
    }
}
