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
 * Seals secret config values for the catalog with AES-256-GCM. The key is either a random key in
 * a file beside the catalog (mode 0600), created on first use, so a copied catalog alone reveals
 * no secret; or derived (PBKDF2-HMAC-SHA256) from a passphrase the user chooses, whose salt and a
 * check value live in a passphrase file (mode 0600) so that a wrong passphrase is told apart
 * from a damaged catalog. The passphrase mode is chosen when the box is first opened with a
 * passphrase and no key file exists; from then on the passphrase is needed to use secrets. The
 * key is made or derived on first use, so work without secrets never needs it.
 */
public final class SecretBox {

    private static final String PREFIX = "sealed:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int PBKDF2_ITERATIONS = 310_000;
    private static final String CHECK = "stageboard passphrase check";

    private final java.util.function.Supplier<SecretKey> keySource;
    private volatile SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(java.util.function.Supplier<SecretKey> keySource) {
        this.keySource = keySource;
    }

    /** Loads the key file, creating it with a fresh random key if absent. */
    public static SecretBox open(Path keyFile) {
        SecretBox box = new SecretBox(() -> keyFromFile(keyFile));
        box.key();
        return box;
    }

    /**
     * A box for a Stageboard home: the passphrase's key if a passphrase file exists (the
     * passphrase is then required) or if a passphrase is given and no key file exists yet (the
     * passphrase file is made); else the key file. {@code passphrase} may be null.
     */
    public static SecretBox open(Path keyFile, Path passphraseFile, char[] passphrase) {
        return open(keyFile, passphraseFile, passphrase, () -> null);
    }

    /**
     * As {@link #open(Path, Path, char[])}; when the secrets are sealed with a passphrase and none
     * was given, {@code ask} is asked for it the first time a secret is used (e.g. at a terminal;
     * it may give null). A wrong answer fails that use, and the next use asks again.
     */
    public static SecretBox open(Path keyFile, Path passphraseFile, char[] passphrase, java.util.function.Supplier<char[]> ask) {
        char[] given = passphrase == null || passphrase.length == 0 ? null : passphrase.clone();
        return new SecretBox(() -> {
            if (Files.exists(passphraseFile) || given != null && !Files.exists(keyFile)) {
                char[] copy = given != null ? given : ask.get();
                if (copy == null || copy.length == 0) {
                    throw new StageboardException("This catalog's secrets are protected by a passphrase (" + passphraseFile
                            + "): set STAGEBOARD_PASSPHRASE to it and try again.");
                }
                return keyFromPassphrase(passphraseFile, copy);
            }
            return keyFromFile(keyFile);
        });
    }

    /** True when secrets of this home are sealed with a passphrase's key rather than the key file. */
    public static boolean usesPassphrase(Path passphraseFile) {
        return Files.exists(passphraseFile);
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = keySource.get();
                }
                k = key;
            }
        }
        return k;
    }

    private static SecretKey keyFromFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                writePrivate(keyFile, Base64.getEncoder().encode(generator.generateKey().getEncoded()));
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            if (raw.length != 32) {
                throw new StageboardException("The secret key file " + keyFile + " is damaged (wrong length): restore it from a backup.");
            }
            return new SecretKeySpec(raw, "AES");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StageboardException("Could not read the secret key file " + keyFile + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static SecretKey keyFromPassphrase(Path passphraseFile, char[] passphrase) {
        try {
            if (!Files.exists(passphraseFile)) {
                Files.createDirectories(passphraseFile.getParent());
                byte[] salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                SecretKey derived = derive(passphrase, salt);
                String check = new SecretBox(() -> derived).seal(CHECK);
                writePrivate(passphraseFile, ("pbkdf2-sha256:" + PBKDF2_ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt)
                        + ":" + check + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String[] parts = Files.readString(passphraseFile).strip().split(":", 4);
            if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
                throw new StageboardException("The passphrase file " + passphraseFile + " is damaged: restore it from a backup.");
            }
            SecretKey derived = derive(passphrase, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
            try {
                if (!CHECK.equals(new SecretBox(() -> derived).open(parts[3]))) {
                    throw new StageboardException("wrong");
                }
            } catch (StageboardException wrong) {
                throw new StageboardException("The passphrase (STAGEBOARD_PASSPHRASE) is not the one this catalog's secrets were sealed with: give the right one.");
            }
            return derived;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StageboardException("Could not read the passphrase file " + passphraseFile + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static SecretKey derive(char[] passphrase, byte[] salt) throws GeneralSecurityException {
        return derive(passphrase, salt, PBKDF2_ITERATIONS);
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    /** Writes a new file readable by its owner only (0600); if another process made it first, theirs is kept. */
    private static void writePrivate(Path file, byte[] content) throws IOException {
        try {
            Path temp = Files.createTempFile(file.getParent(), ".new-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, content);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first; use theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(temp, file);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (UnsupportedOperationException notPosix) {
            Files.write(file, content, java.nio.file.StandardOpenOption.CREATE_NEW);
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
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
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
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the sealed text or any part of the value.
            throw new StageboardException("A secret could not be decrypted: the secret key file does not match this catalog.");
        }
    }
}
