#!/usr/bin/env bash
# Live domains: libvirt's test driver with a node file of our own (no
# daemon), then the real libvirtd for --fix --define.  Plain file linting
# must not load libvirt at all.
set -u
VL=$(realpath "${1:-./virtlint}")
here=$(pwd)
suite=live
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; virsh -c qemu:///system undefine virtlint-live-test >/dev/null 2>&1' EXIT
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$tmp/state
node="test://$here/tests/data/test-node.xml"

# linting a file never loads libvirt
LD_DEBUG=files "$VL" --concise examples/win11.xml >/dev/null 2>"$tmp/ld"
# the instrument first: LD_DEBUG must show the libraries that are loaded
if ! grep -q "libxml2" "$tmp/ld"; then
    fail "LD_DEBUG=files shows no libxml2 load: cannot tell whether libvirt was loaded"
else
    grep -q "libvirt" "$tmp/ld" && fail "linting a file loaded libvirt" || pass
fi

expect_rc 1 "--all-domains" -- "$VL" --concise --select hyperv-dependency,cpu-socket-limit -c "$node" --all-domains
expect_grep "^domain win11-live:[0-9]+:[0-9]+: error: .*\[hyperv-dependency\]" "$tmp/out" "findings name the domain and line"
expect_grep "in 2 files" "$tmp/out" "every persistent domain is linted"
expect_rc 0 "--domain by name" -- "$VL" --concise -c "$node" --domain router
expect_rc 1 "--domain by UUID" -- "$VL" --concise --select hyperv-dependency -c "$node" -d 2a2b2c2d-0000-4000-8000-000000000011
expect_grep "^domain win11-live:" "$tmp/out" "UUID resolves to the name"
expect_rc 2 "unknown domain" -- "$VL" -c "$node" -d nope
expect_grep "no domain 'nope'" "$tmp/err" "names the missing domain"
expect_rc 2 "bad URI" -- "$VL" -c "test:///nonexistent/node.xml" -d x
expect_grep "cannot connect" "$tmp/err" "connection failure message"

# --fix without --define shows the diff and changes nothing
expect_rc 1 "--fix on a domain without --define" -- "$VL" --fix --select hyperv-dependency -c "$node" -d win11-live
expect_grep "^\+ *<vpindex state='on'/>" "$tmp/out" "the diff shows the fix"
expect_rc 2 "--define without --fix" -- "$VL" --define -c "$node" -d win11-live

# --fix --define on the test driver: backup, then define (in this connection)
expect_rc 0 "--fix --define (test driver)" -- "$VL" --fix --define --select hyperv-dependency -c "$node" -d win11-live
expect_grep "previous definition saved to $tmp/state/virtlint/backups/win11-live-[0-9]{8}-[0-9]{6}\.xml" "$tmp/err" "backup path printed"
ls "$tmp"/state/virtlint/backups/win11-live-*.xml >/dev/null 2>&1 && pass || fail "no backup file"
grep -q "<synic state='on'/>" "$tmp"/state/virtlint/backups/win11-live-*.xml && pass || fail "backup is not the old definition"
expect_grep "fixed definition defined" "$tmp/err" "define reported"

# the real libvirtd: the definition changes for good
if virsh -c qemu:///system version >/dev/null 2>&1; then
    sed -e "s/<name>[^<]*<\/name>/<name>virtlint-live-test<\/name>/" -e "s/<domain type='kvm'/<domain type='qemu'/" \
        -e "s|</domain>|<devices><graphics type='vnc' port='-1' passwd='s3cret'/></devices></domain>|" \
        corpus/hyperv-dependency/stimer-without-synic.xml >"$tmp/dom.xml"
    virsh -c qemu:///system define "$tmp/dom.xml" >/dev/null && pass || fail "define the test domain"
    expect_rc 0 "--fix --define (libvirtd)" -- "$VL" --fix --define --select hyperv-dependency -c qemu:///system -d virtlint-live-test
    virsh -c qemu:///system dumpxml --inactive virtlint-live-test >"$tmp/after.xml"
    expect_grep "<synic state='on'/>" "$tmp/after.xml" "libvirtd has the fixed definition"
    virsh -c qemu:///system dumpxml --inactive --security-info virtlint-live-test >"$tmp/after.xml"
    expect_grep "passwd='s3cret'" "$tmp/after.xml" "the VNC password survives --fix --define"
    expect_rc 0 "relint the stored definition" -- "$VL" --select hyperv-dependency -c qemu:///system -d virtlint-live-test
else
    skip "libvirtd is not reachable on qemu:///system; --define checked on the test driver only"
fi

finish
