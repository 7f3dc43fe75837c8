#!/usr/bin/env bash
# Builds a Debian root with another libvirt release beside the host's, so that
# tests/libvirt_releases.py can define domains with that release's embedded
# QEMU driver (qemu:///embed, no daemon) and run a virtlint built against it.
#
#   tools/make-release-root.sh NAME            # NAME: trixie (libvirt 11.3) or sid (12.x)
#   tools/make-release-root.sh --build NAME    # only rebuild virtlint inside an existing root
#
# The root is build/roots/NAME (debootstrap --variant=minbase from the mirror
# this machine's apt uses).  Inside it: libvirt's client and QEMU driver, QEMU
# with the modules its capability probe loads, OVMF, swtpm, and virtlint's
# build dependencies.  virtlint is built inside the root from this source
# tree (bind-mounted at /virtlint-src) into build/release-NAME, so that it
# links against the root's own libraries (Debian unstable may rename
# sonames), and installed as /usr/local/bin/virtlint in the root.
#
# Idempotent: a finished step is not redone (stamps under the root), a second
# run only rebuilds virtlint incrementally.  /proc, /sys and /dev are mounted
# in a private mount namespace (unshare), so they are never visible outside
# this script and vanish with it even if it is killed; they are also
# unmounted explicitly on exit.  Needs root.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$(pwd)

usage() { echo "usage: $0 [--build] trixie|sid" >&2; exit 2; }
only_build=0
[ "${1:-}" = "--build" ] && { only_build=1; shift; }
NAME=${1:-}
case $NAME in trixie | sid) ;; *) usage ;; esac
ROOT=$SRC/build/roots/$NAME

# What the embedded driver and QEMU's capability probe need (see
# ../shared/corpus/libvirt-11.3/SOURCE.md), then virtlint's build dependencies
# (tools/install-deps.sh, without the test-only tools).
PACKAGES="libvirt-clients libvirt-daemon-driver-qemu qemu-system-x86 qemu-system-modules-spice
 qemu-system-modules-opengl qemu-block-extra ovmf swtpm swtpm-tools virtiofsd
 gcc libc6-dev make pkgconf check libxml2-dev libxslt1-dev libpcre2-dev libglib2.0-dev libjson-c-dev libvirt-dev"

if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi

# Everything below runs in a private mount namespace.
if [ -z "${VIRTLINT_ROOT_NS:-}" ]; then
    VIRTLINT_ROOT_NS=1 exec unshare --mount --propagation private "$0" "$@"
fi

log() { echo "make-release-root[$NAME]: $*"; }

mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_in_root() {
    mkdir -p "$ROOT/proc" "$ROOT/sys" "$ROOT/dev"
    mountpoint -q "$ROOT/proc" || { mount -t proc proc "$ROOT/proc"; mounted+=("$ROOT/proc"); }
    mountpoint -q "$ROOT/sys" || { mount --rbind /sys "$ROOT/sys"; mounted+=("$ROOT/sys"); }
    mountpoint -q "$ROOT/dev" || { mount --rbind /dev "$ROOT/dev"; mounted+=("$ROOT/dev"); }
}

# The mirror: the one this machine's apt fetches its own release from (the
# registry host is never hard-coded here).
mirror() {
    local codename
    # shellcheck disable=SC1091
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    apt-cache policy | awk -v s="$codename/main" '$3 == s && $2 ~ /^https?:/ { print $2; exit }'
}

APT_OPTS=(-o Acquire::Check-Valid-Until=false -o Acquire::Check-Date=false -o APT::Install-Recommends=false)

in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

build_virtlint() {
    mkdir -p "$ROOT/virtlint-src"
    mountpoint -q "$ROOT/virtlint-src" || { mount --bind "$SRC" "$ROOT/virtlint-src"; mounted+=("$ROOT/virtlint-src"); }
    local b=build/release-$NAME
    # Warnings are errors here too: the code must build clean with each
    # release's compiler and libraries (GCC 14 and libxml2 2.14 in sid).
    log "building virtlint in $b"
    in_root make -s -C /virtlint-src -j"$(nproc)" B="$b" BIN="$b/virtlint" "$b/virtlint"
    install -m 0755 "$SRC/$b/virtlint" "$ROOT/usr/local/bin/virtlint"
    umount "$ROOT/virtlint-src"
    unset 'mounted[${#mounted[@]}-1]'
    in_root virtlint --version
}

if [ "$only_build" = 1 ]; then
    [ -f "$ROOT/.virtlint-packages" ] || { echo "make-release-root: $ROOT is not built (run $0 $NAME)" >&2; exit 1; }
    mount_in_root
    build_virtlint
    exit 0
fi

MIRROR=${VIRTLINT_DEBIAN_MIRROR:-$(mirror)}
[ -n "$MIRROR" ] || { echo "make-release-root: cannot tell which Debian mirror apt uses (apt-cache policy)" >&2; exit 1; }

if [ ! -f "$ROOT/.virtlint-debootstrap" ]; then
    log "debootstrap --variant=minbase $NAME from $MIRROR"
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    debootstrap --variant=minbase "$NAME" "$ROOT" "$MIRROR" >"$SRC/build/roots/$NAME.debootstrap.log" 2>&1 || {
        tail -30 "$SRC/build/roots/$NAME.debootstrap.log" >&2
        echo "make-release-root: debootstrap failed (log: build/roots/$NAME.debootstrap.log)" >&2
        exit 1
    }
    touch "$ROOT/.virtlint-debootstrap"
fi

# apt inside the root: the same mirror, old Release files accepted (sid's
# Valid-Until lapses within a week), no recommends, the host's resolver.
echo "deb $MIRROR $NAME main" >"$ROOT/etc/apt/sources.list"
printf '%s\n' 'Acquire::Check-Valid-Until "false";' 'Acquire::Check-Date "false";' \
    'APT::Install-Recommends "false";' >"$ROOT/etc/apt/apt.conf.d/99virtlint"
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
mount_in_root

# shellcheck disable=SC2086,SC2116 # one line, single spaces
want=$(echo $PACKAGES)
if [ "$(cat "$ROOT/.virtlint-packages" 2>/dev/null)" != "$want" ]; then
    log "installing $want"
    in_root apt-get "${APT_OPTS[@]}" -q update >/dev/null
    # shellcheck disable=SC2086
    in_root apt-get "${APT_OPTS[@]}" -q -y install $want >"$SRC/build/roots/$NAME.apt.log" 2>&1 || {
        tail -30 "$SRC/build/roots/$NAME.apt.log" >&2
        echo "make-release-root: apt-get install failed (log: build/roots/$NAME.apt.log)" >&2
        exit 1
    }
    in_root apt-get clean
    echo "$want" >"$ROOT/.virtlint-packages"
fi

build_virtlint

# Verify: the release's virsh, and its embedded QEMU driver defines a domain.
in_root virsh --version
rm -rf "$ROOT/tmp/virtlint-verify"
mkdir -p "$ROOT/tmp/virtlint-verify"
cat >"$ROOT/tmp/virtlint-verify/verify.xml" <<'EOF'
<domain type='qemu'>
  <name>virtlint-verify</name>
  <memory unit='MiB'>256</memory>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
</domain>
EOF
in_root virsh -q -c 'qemu:///embed?root=/tmp/virtlint-verify/embed' define /tmp/virtlint-verify/verify.xml
rm -rf "$ROOT/tmp/virtlint-verify"
log "ready: $(in_root virsh --version) in build/roots/$NAME"
