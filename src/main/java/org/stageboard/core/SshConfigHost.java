package org.stageboard.core;

import java.util.List;

/**
 * One {@code Host} block of an OpenSSH client config ({@code ~/.ssh/config}) as Stageboard can
 * use it: the alias, and the {@code HostName}, {@code User}, {@code Port} and {@code IdentityFile}
 * given for it (null or 0 when not given). {@code unsupported} names each directive of the block
 * Stageboard does not follow (e.g. {@code ProxyJump bastion}), so that the user is told rather
 * than surprised; {@code line} is where the block starts.
 */
public record SshConfigHost(String alias, String hostName, String user, int port, String identityFile,
                            List<String> unsupported, int line) {

    public SshConfigHost {
        unsupported = List.copyOf(unsupported);
    }

    /** The address to connect to: {@code HostName}, else the alias itself. */
    public String address() {
        return hostName == null || hostName.isBlank() ? alias : hostName;
    }

    /** The SSH port: {@code Port}, else 22. */
    public int portOrDefault() {
        return port > 0 ? port : 22;
    }

    /** True when the block has directives Stageboard does not follow. */
    public boolean hasUnsupported() {
        return !unsupported.isEmpty();
    }
}
