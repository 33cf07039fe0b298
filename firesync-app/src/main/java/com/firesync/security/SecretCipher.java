package com.firesync.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts secrets at rest (provider tokens, webhook secrets) with Tink AEAD (AES-256-GCM). Each ciphertext is bound
 * to a context, such as the table and row it belongs to, so a ciphertext copied to another row does not decrypt.
 * Ciphertexts name the key that made them: after a key rotation, old ciphertexts still decrypt until re-encrypted.
 */
public class SecretCipher {

    private final Aead aead;

    SecretCipher(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The encryption keyset holds no usable AEAD key", e);
        }
    }

    /**
     * Encrypts a secret with the primary key.
     *
     * @param secret the secret in clear
     * @param context what the secret belongs to, e.g. {@code "provider_credentials:42"}; needed again to decrypt
     */
    public byte[] encrypt(String secret, String context) {
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Decrypts a secret encrypted with any key of the keyset, for the same context.
     *
     * @throws SecretUnreadableException when the ciphertext was altered, made for another context, or made with a key
     *         no longer in the keyset
     */
    public String decrypt(byte[] ciphertext, String context) {
        try {
            return new String(aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadableException(context);
        }
    }

    /**
     * A stored secret that cannot be decrypted. The message names the context only.
     */
    public static class SecretUnreadableException extends RuntimeException {

        SecretUnreadableException(String context) {
            super("The secret for " + context + " cannot be decrypted with the configured keyset");
        }
    }
}
