package com.firesync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTests {

    @TempDir
    Path dataDir;

    @Test
    void encryptsSoThatTheSecretIsNotInTheCiphertextAndDecryptsBack() {
        var cipher = new SecretCipher(EncryptionKeys.load("", dataDir));

        byte[] sealed = cipher.encrypt("powens-token-123", "provider_credentials:1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("powens-token-123");
        assertThat(cipher.decrypt(sealed, "provider_credentials:1")).isEqualTo("powens-token-123");
        assertThat(cipher.encrypt("powens-token-123", "provider_credentials:1")).isNotEqualTo(sealed);
    }

    @Test
    void refusesCiphertextMovedToAnotherContextOrAltered() {
        var cipher = new SecretCipher(EncryptionKeys.load("", dataDir));
        byte[] sealed = cipher.encrypt("secret", "provider_credentials:1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "provider_credentials:2"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class)
                .hasMessageNotContaining("secret\"");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "provider_credentials:1"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class);
    }

    @Test
    void generatesTheKeyFileOnceOwnerOnlyAndReusesIt() throws Exception {
        var first = new SecretCipher(EncryptionKeys.load("", dataDir));
        byte[] sealed = first.encrypt("secret", "ctx");
        Path file = dataDir.resolve(EncryptionKeys.FILE_NAME);
        String keyset = Files.readString(file);

        var second = new SecretCipher(EncryptionKeys.load("", dataDir));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(keyset);
        assertThat(second.decrypt(sealed, "ctx")).isEqualTo("secret");
    }

    @Test
    void readsAConfiguredKeyAsJsonOrBase64() {
        String json = EncryptionKeys.serialize(EncryptionKeys.generate());
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = new SecretCipher(EncryptionKeys.load(json, dataDir)).encrypt("secret", "ctx");

        assertThat(new SecretCipher(EncryptionKeys.load(base64, dataDir)).decrypt(sealed, "ctx")).isEqualTo("secret");
        assertThat(Files.exists(dataDir.resolve(EncryptionKeys.FILE_NAME))).isFalse();
    }

    @Test
    void keepsOldCiphertextsReadableAfterRotation() {
        var keyset = EncryptionKeys.generate();
        byte[] old = new SecretCipher(keyset).encrypt("old secret", "ctx");

        var rotated = EncryptionKeys.rotate(keyset);
        var cipher = new SecretCipher(rotated);
        byte[] fresh = cipher.encrypt("new secret", "ctx");

        assertThat(rotated.size()).isEqualTo(2);
        assertThat(cipher.decrypt(old, "ctx")).isEqualTo("old secret");
        assertThat(cipher.decrypt(fresh, "ctx")).isEqualTo("new secret");
        assertThatThrownBy(() -> new SecretCipher(keyset).decrypt(fresh, "ctx"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class);
    }
}
