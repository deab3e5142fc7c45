package org.stageboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ~/.ssh/config as the New environment wizard reads it: concrete hosts, their four settings, unsupported directives named. */
class SshConfigParserTest {

    private static final String CONFIG = """
            # global settings are not merged into the hosts
            User nobody
            ServerAliveInterval 30

            Host web1 web1.alias
              HostName 203.0.113.7
              User deploy
              Port 2222
              IdentityFile ~/.ssh/id_web

            Host db
              HostName=10.0.0.5
              ProxyJump bastion
              LocalForward 5432 localhost:5432
              IdentitiesOnly yes

            Host *.internal
              User ops

            Host plain
              Port twenty
            Match host foo
              User matched
            """;

    @Test
    void readsHostNameUserPortAndIdentityFileAndReportsUnsupportedDirectives() {
        List<SshConfigHost> hosts = SshConfigParser.parse(CONFIG, "/home/me");
        assertThat(hosts).extracting(SshConfigHost::alias).containsExactly("web1", "web1.alias", "db", "plain");

        SshConfigHost web = hosts.get(0);
        assertThat(web.address()).isEqualTo("203.0.113.7");
        assertThat(web.user()).isEqualTo("deploy");
        assertThat(web.portOrDefault()).isEqualTo(2222);
        assertThat(web.identityFile()).isEqualTo("/home/me/.ssh/id_web");
        assertThat(web.unsupported()).isEmpty();
        assertThat(web.line()).isEqualTo(5);
        assertThat(hosts.get(1).address()).as("both aliases of one block").isEqualTo("203.0.113.7");

        SshConfigHost db = hosts.get(2);
        assertThat(db.address()).isEqualTo("10.0.0.5");
        assertThat(db.user()).as("the global User is not merged").isNull();
        assertThat(db.portOrDefault()).isEqualTo(22);
        assertThat(db.unsupported()).containsExactly("ProxyJump bastion", "LocalForward 5432 localhost:5432");

        SshConfigHost plain = hosts.get(3);
        assertThat(plain.address()).as("no HostName: the alias").isEqualTo("plain");
        assertThat(plain.unsupported()).containsExactly("Port twenty (not a number)");
        assertThat(plain.user()).as("Match blocks are not merged").isNull();
    }

    @Test
    void anEmptyOrMissingConfigHasNoHosts() {
        assertThat(SshConfigParser.parse("", null)).isEmpty();
        assertThat(SshConfigParser.parse(null, null)).isEmpty();
        assertThat(SshConfigParser.parse("Host x\n  IdentityFile ~/k\n", null).get(0).identityFile()).isEqualTo("~/k");
    }
}
