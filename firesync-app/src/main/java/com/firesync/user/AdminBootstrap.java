package com.firesync.user;

import com.firesync.runtime.DataFiles;
import com.firesync.runtime.FireSyncSettings;
import com.firesync.shared.Role;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database, creates the admin user and writes its token to
 * {@code <data dir>/admin-token}, readable by the owner only. Several instances starting at once create one admin.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String FLAG = "admin_bootstrapped";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;

    private final UserAccounts accounts;

    private final FireSyncSettings settings;

    private final TransactionTemplate transactions;

    AdminBootstrap(Users users, UserAccounts accounts, FireSyncSettings settings, TransactionTemplate transactions) {
        this.users = users;
        this.accounts = accounts;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        NewUser admin = transactions.execute(status -> users.claimFlag(FLAG)
                ? accounts.create("admin", Role.ADMIN)
                : null);
        if (admin != null) {
            Path file = settings.adminTokenFile();
            DataFiles.writeOwnerOnly(file, admin.token() + "\n");
            log.info("Created the admin user; its API token is in {}", file);
        }
    }
}
