package org.stageboard.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.stageboard.core.KeyFileInfo;
import org.stageboard.core.KeyFileState;
import org.stageboard.core.KeyPassphraseException;
import org.stageboard.core.StageboardException;

/**
 * Private key files on this computer, read and checked before they are used: that the file
 * exists, can be read, holds a private key (or is the {@code .pub} of a key the ssh-agent holds),
 * and opens with the passphrase given when it has one; and loading one with its passphrase. A
 * passphrase is only held for the call, never written anywhere. Messages say which file, and what to do.
 */
public final class KeyFiles {

    private static final DefaultConfig CONFIG = new DefaultConfig();


    /** What the file is, reading it without any passphrase. */
    public static KeyFileState inspect(Path file) {
        if (file == null || !Files.exists(file)) {
            return KeyFileState.MISSING;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return KeyFileState.UNREADABLE;
        }
        Asking asking = new Asking(null);
        try {
            provider(file, asking).getPublic();
            return KeyFileState.READY;
        } catch (IOException | RuntimeException e) {
            return asking.asked ? KeyFileState.NEEDS_PASSPHRASE : KeyFileState.NOT_A_KEY;
        }
    }

    /**
     * Loads the key, decrypting it with {@code passphrase} when it has one (may be null). Throws a
     * message that says what was wrong: missing, unreadable, not a key, passphrase needed or wrong.
     */
    public static FileKeyProvider load(Path file, char[] passphrase) {
        switch (inspect(file)) {
            case MISSING -> throw new StageboardException("The private key file " + file + " does not exist: choose an existing key file.");
            case UNREADABLE -> throw new StageboardException("The private key file " + file + " cannot be read: check its permissions.");
            case NOT_A_KEY -> throw new StageboardException("The file " + file + " is not a private key Stageboard can read "
                    + "(OpenSSH, PEM or PuTTY format): choose the private key, not the .pub file.");
            default -> { }
        }
        Asking asking = new Asking(passphrase);
        try {
            FileKeyProvider key = provider(file, asking);
            key.getPublic();
            return key;
        } catch (IOException | RuntimeException e) {
            if (passphrase == null || passphrase.length == 0) {
                throw new StageboardException("The private key " + file + " is protected by a passphrase: type it in.", e);
            }
            throw new StageboardException("The passphrase does not open the private key " + file + ": check it and type it again.", e);
        }
    }

    private static FileKeyProvider provider(Path file, PasswordFinder finder) throws IOException {
        KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file.toFile());
        FileKeyProvider provider = Factory.Named.Util.create(CONFIG.getFileKeyProviderFactories(), format.toString());
        if (provider == null) {
            throw new IOException("unknown key format " + format);
        }
        provider.init(file.toFile(), finder);
        return provider;
    }

    /** Hands out the passphrase once (a copy) and remembers whether the key asked for one. */
    private static final class Asking implements PasswordFinder {
        private final char[] passphrase;
        volatile boolean asked;

        Asking(char[] passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            asked = true;
            return passphrase == null ? null : Arrays.copyOf(passphrase, passphrase.length);
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    }

    private KeyFiles() {
    }

    /**
     * Reads and checks the key; {@code passphrase} may be null (none known). See {@link #load}. A
     * public key file ({@code .pub}) is accepted too: its private half is then to be held by the ssh-agent.
     */
    public static KeyFileInfo inspect(Path file, char[] passphrase) {
        java.util.Optional<byte[]> publicOnly = publicKeyFile(file);
        if (publicOnly.isPresent()) {
            String type;
            try {
                type = new Buffer.PlainBuffer(publicOnly.get()).readString();
            } catch (Buffer.BufferException e) {
                throw new StageboardException("The public key file " + file + " is malformed: give the key file itself.", e);
            }
            return new KeyFileInfo(file, type + " public key (its private half must be held by the ssh-agent)", fingerprint(publicOnly.get()), false);
        }
        Loaded loaded = load(new SSHClient(), file, passphrase);
        return loaded.info();
    }

    /** A key opened for login, with what it is. */
    record Loaded(KeyProvider key, KeyFileInfo info) {
    }

    /**
     * Opens the key for login. Throws a {@link StageboardException} naming the file when it is
     * missing, unreadable or not a private key, and a {@link KeyPassphraseException} when it has a
     * passphrase and none, or a wrong one, was given.
     */
    static Loaded load(SSHClient client, Path file, char[] passphrase) {
        if (file == null) {
            throw new StageboardException("No private key given: choose the key file Stageboard logs in with (e.g. ~/.ssh/id_ed25519).");
        }
        if (!Files.exists(file)) {
            throw new StageboardException("The private key file " + file + " does not exist: give the key you log in with (e.g. ~/.ssh/id_ed25519).");
        }
        if (!Files.isRegularFile(file)) {
            throw new StageboardException("The private key path " + file + " is not a file: give the key file itself (e.g. ~/.ssh/id_ed25519).");
        }
        if (!Files.isReadable(file)) {
            throw new StageboardException("The private key file " + file + " cannot be read: check its permissions (chmod 600 " + file + ").");
        }
        KeyFormat format;
        try {
            format = KeyProviderUtil.detectKeyFileFormat(file.toFile());
        } catch (IOException e) {
            throw new StageboardException("The private key file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (format == KeyFormat.Unknown) {
            String hint = file.getFileName().toString().endsWith(".pub")
                    ? " it looks like a public key: give the private key beside it (" + file.getFileName().toString().replaceAll("\\.pub$", "") + ")."
                    : " give an OpenSSH, PEM, PKCS#8 or PuTTY private key (e.g. ~/.ssh/id_ed25519).";
            throw new StageboardException("The file " + file + " is not a private key:" + hint);
        }
        boolean[] asked = new boolean[1];
        PasswordFinder finder = new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                asked[0] = true;
                return passphrase == null ? null : passphrase.clone();
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
        PublicKey publicKey;
        KeyProvider key;
        try {
            key = client.loadKeys(file.toString(), finder);
            publicKey = key.getPublic();
            key.getPrivate(); // decrypt now: a wrong passphrase fails here, not halfway through login
        } catch (IOException | RuntimeException e) {
            if (asked[0] || looksEncrypted(file)) {
                if (passphrase == null || passphrase.length == 0) {
                    throw new KeyPassphraseException("The private key " + file + " has a passphrase: give it (Stageboard asks at a terminal,"
                            + " or reads it from $STAGEBOARD_KEY_PASSPHRASE or --passphrase-stdin; 'host add/edit --store-passphrase' keeps it"
                            + " encrypted in the catalog).", false);
                }
                throw new KeyPassphraseException("The passphrase given for the private key " + file + " is wrong: it does not open the key."
                        + " Give the passphrase you chose when the key was made (check with 'ssh-keygen -y -f " + file + "').", true);
            }
            throw new StageboardException("The private key file " + file + " cannot be loaded (" + e.getMessage()
                    + "): use an OpenSSH, PEM, PKCS#8 or PuTTY private key.", e);
        }
        return new Loaded(key, new KeyFileInfo(file, KeyType.fromKey(publicKey).toString(), fingerprint(publicKey), asked[0]));
    }

    private static boolean looksEncrypted(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("ENCRYPTED") || text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("Encryption: aes");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The key blob of a public key file ({@code type base64 [comment]}, as in {@code id_ed25519.pub}),
     * or empty when the file is missing or holds no public key.
     */
    static java.util.Optional<byte[]> publicKeyFile(Path file) {
        try {
            if (file == null || !Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
                return java.util.Optional.empty();
            }
            String[] parts = Files.readString(file).strip().split("\\s+");
            if (parts.length < 2 || !(parts[0].startsWith("ssh-") || parts[0].startsWith("ecdsa-") || parts[0].startsWith("sk-"))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Base64.getDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code SHA256:…} of a key blob. */
    static String fingerprint(byte[] blob) {
        try {
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code SHA256:…}, as {@code ssh-keygen -lf} prints it. */
    public static String fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
