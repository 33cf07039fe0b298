package com.firesync.security;

import com.firesync.runtime.DataFiles;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the encryption keyset comes from: {@code FIRESYNC_ENCRYPTION_KEY} (a Tink JSON keyset, as JSON or base64 of
 * it), else the key file {@code <data dir>/encryption-keyset.json}, generated with mode 0600 on first start.
 * Rotation adds a new primary key and keeps the old ones, so existing ciphertexts stay readable.
 */
final class EncryptionKeys {

    static final String FILE_NAME = "encryption-keyset.json";

    private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private EncryptionKeys() {
    }

    static KeysetHandle load(String configuredKey, Path dataDir) {
        if (!configuredKey.isBlank()) {
            return parse(decodeConfigured(configuredKey.strip()), "FIRESYNC_ENCRYPTION_KEY");
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return parse(read(file), file.toString());
        }
        KeysetHandle generated = generate();
        DataFiles.writeOwnerOnly(file, serialize(generated));
        log.info("Generated a new encryption keyset in {}; back it up: without it stored provider tokens are lost",
                file);
        return generated;
    }

    /** The keyset in a file, whatever its name. */
    static KeysetHandle loadFile(Path file) {
        return parse(read(file), file.toString());
    }

    static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an AES-256-GCM key", e);
        }
    }

    /**
     * The keyset with a freshly generated key made primary; the previous keys stay for decryption.
     */
    static KeysetHandle rotate(KeysetHandle keyset) {
        try {
            var builder = KeysetHandle.newBuilder(keyset);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary());
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot rotate the keyset", e);
        }
    }

    static String serialize(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serialise the keyset", e);
        }
    }

    private static KeysetHandle parse(String json, String origin) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(
                    "The encryption keyset from " + origin + " is not a valid Tink JSON keyset");
        }
    }

    private static String decodeConfigured(String value) {
        if (value.startsWith("{")) {
            return value;
        }
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FIRESYNC_ENCRYPTION_KEY is neither a JSON keyset nor base64 of one");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
