package org.stageboard.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.stageboard.core.StageboardException;

/**
 * A client of a running {@code ssh-agent} over its Unix socket ({@code $SSH_AUTH_SOCK}): lists
 * the public keys it holds and asks it to sign, so a key whose private half only the agent holds
 * can log in. The protocol is the agent's own (draft-miller-ssh-agent): request identities (11),
 * sign request (13).
 */
public final class SshAgent {
    private static final int REQUEST_IDENTITIES = 11;
    private static final int IDENTITIES_ANSWER = 12;
    private static final int SIGN_REQUEST = 13;
    private static final int SIGN_RESPONSE = 14;
    /** Flag asking the agent for an rsa-sha2-256 signature of an RSA key. */
    static final int RSA_SHA2_256 = 2;

    private final Path socket;

    public SshAgent(Path socket) {
        this.socket = socket;
    }

    /** One key the agent holds: its public key blob (SSH wire form) and comment. */
    public record Identity(byte[] blob, String comment) {
        /** The key type written in the blob, e.g. {@code ssh-ed25519}. */
        public String type() {
            try {
                return new Buffer.PlainBuffer(blob).readString();
            } catch (Buffer.BufferException e) {
                throw new StageboardException("The ssh-agent gave a malformed key.", e);
            }
        }

        public boolean sameKey(byte[] other) {
            return Arrays.equals(blob, other);
        }
    }

    /** The keys the agent holds. */
    public List<Identity> identities() {
        Buffer.PlainBuffer answer = call(new Buffer.PlainBuffer().putByte((byte) REQUEST_IDENTITIES), IDENTITIES_ANSWER);
        try {
            long count = answer.readUInt32();
            List<Identity> identities = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                identities.add(new Identity(answer.readBytes(), answer.readString()));
            }
            return identities;
        } catch (Buffer.BufferException e) {
            throw new StageboardException("The ssh-agent at " + socket + " gave a malformed answer.", e);
        }
    }

    /** The agent's signature of {@code data} with the key {@code blob}: the SSH signature blob (algorithm name and signature). */
    byte[] sign(byte[] blob, byte[] data, int flags) {
        Buffer.PlainBuffer request = new Buffer.PlainBuffer().putByte((byte) SIGN_REQUEST);
        request.putBytes(blob).putBytes(data).putUInt32(flags);
        Buffer.PlainBuffer answer = call(request, SIGN_RESPONSE);
        try {
            return answer.readBytes();
        } catch (Buffer.BufferException e) {
            throw new StageboardException("The ssh-agent at " + socket + " gave a malformed signature.", e);
        }
    }

    private Buffer.PlainBuffer call(Buffer.PlainBuffer message, int expected) {
        byte[] body = message.getCompactData();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer length = read(channel, 4);
            int size = length.getInt();
            if (size <= 0 || size > 256 * 1024) {
                throw new StageboardException("The ssh-agent at " + socket + " answered a message of " + size + " bytes.");
            }
            ByteBuffer reply = read(channel, size);
            byte type = reply.get();
            if (type != expected) {
                throw new StageboardException("The ssh-agent at " + socket + " refused the request (answer " + type
                        + "): the key may need confirming, or the agent may be locked ('ssh-add -X').");
            }
            byte[] rest = new byte[reply.remaining()];
            reply.get(rest);
            return new Buffer.PlainBuffer(rest);
        } catch (IOException e) {
            throw new StageboardException("The ssh-agent at " + socket + " cannot be reached (" + e.getMessage()
                    + "): is it running? ($SSH_AUTH_SOCK names its socket; start one with 'eval $(ssh-agent)' and add the key with 'ssh-add').", e);
        }
    }

    private static ByteBuffer read(SocketChannel channel, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the agent closed the connection");
            }
        }
        return buffer.flip();
    }
}
