#!/bin/sh
# Prepares a CI machine (Debian 12, run as root) for OpenSshEndToEndTest.
# Idempotent: installs the OpenSSH server only when missing; the test starts its own sshd.
set -eu

if [ ! -x /usr/sbin/sshd ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y openssh-server
fi

# sshd refuses to start without its privilege-separation directory.
mkdir -p /run/sshd
