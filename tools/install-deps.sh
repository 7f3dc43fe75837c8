#!/bin/sh
# Installs what virtlint needs on Debian 12 (run as root, or it asks sudo).
#
#   tools/install-deps.sh          what building needs (make, make install)
#   tools/install-deps.sh --test   also what the whole test suite runs
#                                  (make check, make check-asan, make fuzz,
#                                  make deb, make dist); .ci/run uses this
#
# The lists live here only.
set -eu
usage() { echo "usage: $0 [--test]" >&2; exit 2; }
test_deps=0
case ${1:-} in
--test) test_deps=1 ;;
"") ;;
*) usage ;;
esac
[ $# -le 1 ] || usage
if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi

# the compiler and the libraries virtlint links (libvirt: its headers only;
# libvirt itself is dlopen()ed at run time)
BUILD="build-essential pkg-config
 libxml2-dev libxslt1-dev libpcre2-dev libglib2.0-dev libjson-c-dev libvirt-dev"

# what each test script runs (tests/*.sh, tests/*.py, Makefile):
# unit tests (check); robustness and fix-sweep (valgrind, xmllint); cache,
# faults, hostile and schema releases (strace, /usr/bin/time); the man page
# and completion (groff, bash-completion); pre-commit and --fix in a
# repository (pre-commit, git); JSON and SARIF (python3-jsonschema); the
# libvirt oracle, live, hook and --libvirt-check tests (libvirtd with its
# QEMU driver, QEMU, OVMF, swtpm); the release roots (debootstrap); fuzzing
# (clang); the language server with a real editor (neovim); make deb and
# tests/deb.sh (dpkg-dev for dpkg-shlibdeps, lintian); several --connect
# over ssh (tests/fleet.sh starts its own sshd: openssh-server); the
# certificates of real OVMF variable stores (tests/nvram_certs.sh: openssl)
TEST="check valgrind strace time clang python3 python3-jsonschema libxml2-utils
 groff-base bash-completion git pre-commit debootstrap neovim dpkg-dev lintian
 libvirt-daemon-system libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 ovmf swtpm swtpm-tools
 openssh-server openssl"

want=$BUILD
[ "$test_deps" = 1 ] && want="$BUILD $TEST"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086 # one word per package
apt-get install -y --no-install-recommends $want
