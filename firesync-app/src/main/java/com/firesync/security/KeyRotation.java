package com.firesync.security;

import com.firesync.runtime.DataFiles;
import com.google.crypto.tink.KeysetHandle;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar firesync.jar rotate-key [keyset file]}: adds a fresh AES-256-GCM key to the encryption keyset file
 * and makes it primary. Older keys stay, so every stored ciphertext still decrypts; new secrets use the new key once
 * the instances restart. The file defaults to {@code $FIRESYNC_DATA_DIR/encryption-keyset.json} ({@code ./data}
 * without the variable). A keyset given in {@code FIRESYNC_ENCRYPTION_KEY} lives outside FireSync: rotate it with
 * Tinkey (see SECURITY.md). Never prints key material.
 */
public final class KeyRotation {

    private KeyRotation() {
    }

    /**
     * Rotates the keyset file named by {@code args[0]}, or the data directory's; answers the exit status.
     */
    public static int run(String[] args, PrintStream out) {
        Path file = args.length > 0
                ? Path.of(args[0])
                : Path.of(System.getenv().getOrDefault("FIRESYNC_DATA_DIR", "./data"), EncryptionKeys.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            out.println("No keyset file at " + file.toAbsolutePath() + "; pass its path: rotate-key <file>");
            return 1;
        }
        KeysetHandle rotated = rotate(file);
        out.println("Rotated " + file.toAbsolutePath() + ": new primary key " + rotated.getPrimary().getId() + ", "
                + rotated.size() + " keys in all. Restart every instance to encrypt with it.");
        return 0;
    }

    static KeysetHandle rotate(Path file) {
        KeysetHandle rotated = EncryptionKeys.rotate(EncryptionKeys.loadFile(file));
        DataFiles.writeOwnerOnly(file, EncryptionKeys.serialize(rotated));
        return rotated;
    }
}
