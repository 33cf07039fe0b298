package com.firesync.user;

import com.firesync.runtime.FireSyncSettings;
import com.firesync.shared.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
            writeOwnerOnly(file, admin.token() + "\n");
            log.info("Created the admin user; its API token is in {}", file);
        }
    }

    /**
     * Writes through a temporary file created with owner-only permissions, so the token is never readable by others,
     * not even for a moment, and a crash never leaves half a token.
     */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
