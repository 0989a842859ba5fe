package org.feedback360.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Encrypts signing secrets at rest with AES-256-GCM. The subscription id is the associated data,
 * so a sealed secret copied onto another subscription's row does not open. The stored form is
 * {@code v1:<base64(iv | ciphertext+tag)>}; the version leaves room for key rotation.
 */
@ApplicationScoped
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** Key material shorter than this is refused at startup: it would be guessable. */
    static final int MIN_KEY_LENGTH = 32;

    @Inject
    public SecretBox(WebhookConfig config) {
        this(strong(config.secretKey()));
    }

    public SecretBox(String keyMaterial) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyMaterial.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strong(String keyMaterial) {
        if (keyMaterial.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("notification.webhooks.secret-key (WEBHOOK_SECRET_KEY) must be at least "
                    + MIN_KEY_LENGTH + " random characters");
        }
        return keyMaterial;
    }

    public String seal(UUID owner, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, owner, iv, secret.getBytes(StandardCharsets.UTF_8));
        return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                .put(iv).put(sealed).array());
    }

    public String open(UUID owner, String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("unknown secret format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, owner, iv, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, UUID owner, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
                    + " a webhook secret (was the key changed?)", e);
        }
    }
}
