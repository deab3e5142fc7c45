# Sourced by .ci/run: starts OpenSSH's sshd on 127.0.0.1 with its own config, host key and one
# authorized client key, and exports where OpenSshEndToEndTest finds them. Needs /usr/sbin/sshd.
STAGEBOARD_E2E_SSHD_DIR=$(mktemp -d /tmp/stageboard-sshd.XXXXXX)
chmod 755 "$STAGEBOARD_E2E_SSHD_DIR"
ssh-keygen -q -t ed25519 -N '' -f "$STAGEBOARD_E2E_SSHD_DIR/host_ed25519_key"
ssh-keygen -q -t ed25519 -N '' -f "$STAGEBOARD_E2E_SSHD_DIR/client_key"
cp "$STAGEBOARD_E2E_SSHD_DIR/client_key.pub" "$STAGEBOARD_E2E_SSHD_DIR/authorized_keys"
chmod 600 "$STAGEBOARD_E2E_SSHD_DIR/authorized_keys"

# A free high port on loopback.
STAGEBOARD_E2E_SSHD_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 22022)

cat > "$STAGEBOARD_E2E_SSHD_DIR/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $STAGEBOARD_E2E_SSHD_PORT
HostKey $STAGEBOARD_E2E_SSHD_DIR/host_ed25519_key
PidFile $STAGEBOARD_E2E_SSHD_DIR/sshd.pid
AuthorizedKeysFile $STAGEBOARD_E2E_SSHD_DIR/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AllowTcpForwarding yes
Subsystem sftp internal-sftp
LogLevel ERROR
CONF

mkdir -p /run/sshd
/usr/sbin/sshd -f "$STAGEBOARD_E2E_SSHD_DIR/sshd_config" -E "$STAGEBOARD_E2E_SSHD_DIR/sshd.log"
for _ in 1 2 3 4 5 6 7 8 9 10; do
    [ -s "$STAGEBOARD_E2E_SSHD_DIR/sshd.pid" ] && break
    sleep 0.5
done
if [ ! -s "$STAGEBOARD_E2E_SSHD_DIR/sshd.pid" ]; then
    echo "sshd did not start:" >&2
    cat "$STAGEBOARD_E2E_SSHD_DIR/sshd.log" >&2
    exit 1
fi
echo "sshd for end-to-end tests on 127.0.0.1:$STAGEBOARD_E2E_SSHD_PORT (pid $(cat "$STAGEBOARD_E2E_SSHD_DIR/sshd.pid"))"

STAGEBOARD_E2E_SSH_USER=$(id -un)
STAGEBOARD_E2E_SSH_KEY=$STAGEBOARD_E2E_SSHD_DIR/client_key
STAGEBOARD_E2E_SSH_HOST_KEY=$STAGEBOARD_E2E_SSHD_DIR/host_ed25519_key.pub
export STAGEBOARD_E2E_SSHD_DIR STAGEBOARD_E2E_SSHD_PORT STAGEBOARD_E2E_SSH_USER STAGEBOARD_E2E_SSH_KEY STAGEBOARD_E2E_SSH_HOST_KEY
