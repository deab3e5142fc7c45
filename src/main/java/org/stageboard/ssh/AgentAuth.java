package org.stageboard.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;
import org.stageboard.core.StageboardException;

/**
 * Public-key login (RFC 4252 §7) with a key held by the ssh-agent: the key is offered, and when
 * the server accepts it the agent signs the request; the private key never leaves the agent.
 */
final class AgentAuth extends AbstractAuthMethod {
    private final SshAgent agent;
    private final SshAgent.Identity identity;

    AgentAuth(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    private String algorithm() {
        return identity.type().equals("ssh-rsa") ? "rsa-sha2-256" : identity.type();
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm()).putBytes(identity.blob());
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        SSHPacket signed = request(true);
        byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(signed).getCompactData();
        byte[] signature;
        try {
            signature = agent.sign(identity.blob(), data, identity.type().equals("ssh-rsa") ? SshAgent.RSA_SHA2_256 : 0);
        } catch (StageboardException e) {
            throw new UserAuthException(e.getMessage(), e);
        }
        params.getTransport().write(signed.putBytes(signature));
    }
}
