package com.firesync.security;

import com.firesync.runtime.FireSyncSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link SecretCipher} on the configured or generated keyset.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    @Bean
    SecretCipher secretCipher(FireSyncSettings settings, SecuritySettings security) {
        return new SecretCipher(EncryptionKeys.load(security.encryptionKey(), settings.dataDir()));
    }
}
