package com.firesync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.runtime.DataFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTests {

    @TempDir
    Path dir;

    @Test
    void addsANewPrimaryKeyAndKeepsOldCiphertextsReadable() throws Exception {
        Path file = dir.resolve("keys.json");
        var original = EncryptionKeys.generate();
        DataFiles.writeOwnerOnly(file, EncryptionKeys.serialize(original));
        byte[] old = new SecretCipher(original).encrypt("powens-token", "provider_users:1");
        var out = new ByteArrayOutputStream();

        int status = KeyRotation.run(new String[]{file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

        var rotated = EncryptionKeys.loadFile(file);
        assertThat(status).isZero();
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(original.getPrimary().getId());
        var cipher = new SecretCipher(rotated);
        assertThat(cipher.decrypt(old, "provider_users:1")).isEqualTo("powens-token");
        byte[] fresh = cipher.encrypt("new", "ctx");
        assertThatThrownBy(() -> new SecretCipher(original).decrypt(fresh, "ctx"))
                .as("new secrets use the new primary key")
                .isInstanceOf(SecretCipher.SecretUnreadableException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("new primary key")
                .doesNotContain(Files.readString(file));
    }

    @Test
    void failsWithoutAKeysetFile() {
        var out = new ByteArrayOutputStream();

        int status = KeyRotation.run(new String[]{dir.resolve("missing.json").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No keyset file");
    }
}
