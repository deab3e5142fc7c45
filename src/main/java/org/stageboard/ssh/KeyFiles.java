package org.stageboard.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.stageboard.core.KeyFileState;
import org.stageboard.core.StageboardException;

/**
 * Private key files on this computer: whether one is there, readable, a key, and protected by a
 * passphrase; and loading one with its passphrase. A passphrase is only held for the call, never
 * written anywhere.
 */
public final class KeyFiles {

    private static final DefaultConfig CONFIG = new DefaultConfig();

    private KeyFiles() {
    }

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
}
