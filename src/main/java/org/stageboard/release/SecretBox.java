package org.stageboard.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.stageboard.core.StageboardException;

/**
 * Seals secret config values for the catalog with AES-256-GCM. The key lives in a file beside
 * the catalog (mode 0600), created on first use, so a copied catalog alone reveals no secret.
 */
public final class SecretBox {

    private static final String PREFIX = "sealed:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(SecretKey key) {
        this.key = key;
    }

    /** Loads the key file, creating it with a fresh random key if absent. */
    public static SecretBox open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                byte[] raw = generator.generateKey().getEncoded();
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(keyFile, Base64.getEncoder().encode(raw));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first; use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.write(keyFile, Base64.getEncoder().encode(raw));
                }
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            if (raw.length != 32) {
                throw new StageboardException("The secret key file " + keyFile + " is damaged (wrong length): restore it from a backup.");
            }
            return new SecretBox(new SecretKeySpec(raw, "AES"));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StageboardException("Could not read the secret key file " + keyFile + ": " + e.getClass().getSimpleName(), e);
        }
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String open(String sealedText) {
        if (!isSealed(sealedText)) {
            throw new StageboardException("A secret in the catalog is not sealed: it was stored by something other than Stageboard.");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the sealed text or any part of the value.
            throw new StageboardException("A secret could not be decrypted: the secret key file does not match this catalog.");
        }
    }
}
