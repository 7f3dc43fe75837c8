#!/usr/bin/env bash
# The libvirt hook (share/virtlint/libvirt-hook-qemu) against the real
# libvirtd: installed as /etc/libvirt/hooks/qemu, it must refuse to start a
# guest with an error finding, and libvirt must say why.  Only the refusal
# path is exercised (a passing hook would start QEMU).  Needs root and
# libvirtd: skips without them, except in CI (VIRTLINT_TEST_NO_SKIP=1).
set -u
VL=$(realpath "${1:-./virtlint}")
here=$(pwd)
suite=libvirt-hook
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" -eq 0 ] || skip_rest "not root"
virsh -c qemu:///system version >/dev/null 2>&1 || skip_rest "libvirtd is not reachable on qemu:///system"

hook=/etc/libvirt/hooks/qemu
[ -e "$hook" ] && skip_rest "$hook exists already; not replacing it"
restart_libvirtd() {
    pkill -x libvirtd
    for _ in $(seq 1 300); do pgrep -x libvirtd >/dev/null || break; sleep 0.1; done
    pkill -9 -x libvirtd 2>/dev/null
    "$here/tools/start-libvirtd.sh"
}
cleanup() {
    virsh -c qemu:///system undefine virtlint-hook-test >/dev/null 2>&1
    rm -f "$hook"
    restart_libvirtd
    rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p /etc/libvirt/hooks
# the hook finds virtlint through VIRTLINT; libvirtd's environment is kept
cat >"$hook" <<SH
#!/bin/sh
VIRTLINT=$VL exec $here/share/virtlint/libvirt-hook-qemu "\$@"
SH
chmod 755 "$hook"
restart_libvirtd || { fail "libvirtd did not come back with the hook"; finish; exit 1; }

# a guest libvirt accepts but QEMU would refuse: stimer without synic
sed -e "s/<name>[^<]*<\/name>/<name>virtlint-hook-test<\/name>/" -e "s/<domain type='kvm'/<domain type='qemu'/" \
    corpus/hyperv-dependency/stimer-without-synic.xml >"$tmp/dom.xml"
virsh -c qemu:///system define "$tmp/dom.xml" >/dev/null 2>"$tmp/define.err" && pass || fail "define: $(cat "$tmp/define.err")"
virsh -c qemu:///system start virtlint-hook-test >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -ne 0 ] && pass || { fail "the hook did not refuse the start"; virsh -c qemu:///system destroy virtlint-hook-test >/dev/null 2>&1; }
expect_grep "virtlint refuses to start virtlint-hook-test" "$tmp/err" "libvirt shows the hook's reason"
expect_grep "hyperv-dependency" "$tmp/err" "the finding is named"
virsh -c qemu:///system domstate virtlint-hook-test 2>/dev/null | grep -q "shut off" && pass || fail "the guest is not shut off"

finish
