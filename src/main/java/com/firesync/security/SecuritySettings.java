package com.firesync.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param encryptionKey the Tink JSON keyset (or base64 of it) that encrypts secrets at rest
 *        ({@code FIRESYNC_ENCRYPTION_KEY}); blank means the key file in the data directory, generated on first start
 */
@ConfigurationProperties("firesync.security")
record SecuritySettings(@DefaultValue("") String encryptionKey) {

    @Override
    public String toString() {
        return "SecuritySettings[encryptionKey=" + (encryptionKey.isBlank() ? "<key file>" : "<redacted>") + "]";
    }
}
