package com.firesync.sandbox.enablebanking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The public key of the one application the face knows, which its JWTs must be signed with. Configured as PEM (a
 * {@code PUBLIC KEY} or the {@code CERTIFICATE} registered with Enable Banking) or the path of a PEM file; when none is,
 * the sandbox uses a pair of its own: read from the key file when one is there, else generated (and written to the
 * key file, owner-only, when one is set). The private key is never logged nor served.
 */
final class ApplicationKey {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final RSAPublicKey publicKey;

    private ApplicationKey(RSAPublicKey publicKey) {
        this.publicKey = publicKey;
    }

    static ApplicationKey of(@Nullable String configured, @Nullable Path keyFile) {
        try {
            if (configured != null && !configured.isBlank()) {
                return new ApplicationKey(publicKey(pemText(configured)));
            }
            if (keyFile != null && Files.exists(keyFile)) {
                return new ApplicationKey(publicOf(privateKey(Files.readString(keyFile))));
            }
            return new ApplicationKey(generate(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the Enable Banking application key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("firesync.sandbox.enablebanking.public-key is not an RSA public key or "
                    + "certificate in PEM, nor the path of one", e);
        }
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    private static String pemText(String configured) throws IOException {
        return configured.contains("-----BEGIN") ? configured : Files.readString(Path.of(configured.strip()));
    }

    private static RSAPublicKey publicKey(String pem) throws GeneralSecurityException {
        Matcher block = block(pem);
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        return switch (block.group(1)) {
            case "CERTIFICATE" -> (RSAPublicKey) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
            case "PUBLIC KEY" -> (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der));
            default -> throw new IllegalArgumentException("Unsupported PEM block " + block.group(1));
        };
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher block = block(pem);
        if (!block.group(1).equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("The key file holds no PKCS#8 private key");
        }
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(2))));
    }

    private static Matcher block(String pem) {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("No PEM block");
        }
        return matcher;
    }

    private static RSAPublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static RSAPublicKey generate(@Nullable Path keyFile) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        if (keyFile != null) {
            write(keyFile, pair.getPrivate());
        }
        return (RSAPublicKey) pair.getPublic();
    }

    private static void write(Path keyFile, PrivateKey key) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(keyFile, "");
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        Files.writeString(keyFile, pem);
    }
}
