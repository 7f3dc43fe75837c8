#!/bin/sh
# Installs everything virtlint needs to build and to run its tests on
# Debian 12 (run as root), including the libvirtd and QEMU the oracle tests
# define domains with.  .ci/run uses it too, so the list lives here only.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
    build-essential pkg-config make \
    libxml2-dev libxslt1-dev libpcre2-dev libglib2.0-dev libjson-c-dev libvirt-dev \
    check valgrind strace time clang python3 python3-jsonschema libxml2-utils pre-commit groff-base bash-completion debootstrap neovim \
    libvirt-daemon-system libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 ovmf swtpm swtpm-tools \
    openssh-server
