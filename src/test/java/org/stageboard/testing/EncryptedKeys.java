package org.stageboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Writes a copy of an OpenSSH private key protected by a passphrase (aes256-ctr, bcrypt KDF), as {@code ssh-keygen -p} would. */
public final class EncryptedKeys {

    private EncryptedKeys() {
    }

    public static Path encryptedCopy(Path key, String passphrase, Path target) {
        try {
            KeyPair pair;
            try (InputStream in = Files.newInputStream(key)) {
                pair = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()), in, null).iterator().next();
            }
            OpenSSHKeyEncryptionContext context = new OpenSSHKeyEncryptionContext();
            context.setPassword(passphrase);
            context.setCipherName("AES");
            context.setCipherMode("CTR");
            context.setCipherType("256");
            try (OutputStream out = Files.newOutputStream(target)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "stageboard-test", context, out);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
