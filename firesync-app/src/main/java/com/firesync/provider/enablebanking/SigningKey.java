package com.firesync.provider.enablebanking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's RSA private key, read from PEM content or a PEM file. A file is read when first needed: the
 * built-in sandbox writes its key file as it starts, after this client is wired. Messages name the setting, never
 * the key.
 */
final class SigningKey {

    private static final Pattern PEM = Pattern
            .compile("-----BEGIN ((?:RSA )?PRIVATE KEY)-----([^-]+)-----END \\1-----");

    /** The DER prefix that wraps a PKCS#1 RSA key into PKCS#8 (version 0, rsaEncryption, octet string follows). */
    private static final byte[] PKCS8_RSA_PREFIX = {0x30, (byte) 0x82, 0, 0, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09,
            0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x04, (byte) 0x82,
            0, 0};

    private SigningKey() {
    }

    /** Whether the setting holds the key itself rather than a path. */
    static boolean isPem(String setting) {
        return setting.contains("-----BEGIN");
    }

    static RSAPrivateKey read(String setting) {
        String pem;
        try {
            pem = isPem(setting) ? setting : Files.readString(Path.of(setting.strip()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("firesync.enablebanking.private-key names no readable PEM file");
        }
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new IllegalStateException("firesync.enablebanking.private-key holds no RSA private key in PEM");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            byte[] pkcs8 = block.group(1).startsWith("RSA") ? wrap(der) : der;
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("firesync.enablebanking.private-key is not a valid RSA private key");
        }
    }

    private static byte[] wrap(byte[] pkcs1) {
        byte[] out = new byte[PKCS8_RSA_PREFIX.length + pkcs1.length];
        System.arraycopy(PKCS8_RSA_PREFIX, 0, out, 0, PKCS8_RSA_PREFIX.length);
        System.arraycopy(pkcs1, 0, out, PKCS8_RSA_PREFIX.length, pkcs1.length);
        int total = out.length - 4;
        out[2] = (byte) (total >> 8);
        out[3] = (byte) total;
        out[24] = (byte) (pkcs1.length >> 8);
        out[25] = (byte) pkcs1.length;
        return out;
    }
}
