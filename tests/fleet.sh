#!/usr/bin/env bash
# Several --connect URIs in one run: each connection's domains, named
# "HOST: domain NAME" alike in every format, each judged with its own host
# facts; a connection that fails is named, exits 2, and the others are still
# linted.  Two test-driver connections (no daemon), then libvirtd on
# qemu:///system when it runs, then qemu+ssh://root@localhost when sshd can be
# started here.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=fleet
tmp=$(mktemp -d)
dom=virtlint-fleet-test
trap 'rm -rf "$tmp"; virsh -c qemu:///system undefine "$dom" >/dev/null 2>&1' EXIT
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$tmp/state

# a second test host: a differently named domain with more vCPUs than
# test:///default's host has CPUs (16); this node file's host reports none
cat >"$tmp/node.xml" <<'EOF'
<node>
  <domain type='test'>
    <name>big-vm</name>
    <uuid>7e1f0c1e-5a2b-4c3d-9e8f-0a1b2c3d4e61</uuid>
    <memory>1048576</memory>
    <vcpu>32</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <devices>
      <disk type='file' device='disk'>
        <driver name='qemu' type='qcow2'/>
        <source file='/var/lib/libvirt/images/big-vm.qcow2'/>
        <target dev='vda' bus='virtio'/>
      </disk>
    </devices>
  </domain>
</node>
EOF
a=test:///default
b="test://$tmp/node.xml"
if ! "$VL" -c "$a" -d test >/dev/null 2>"$tmp/err"; then
    skip_rest "libvirt's test driver is unusable ($(head -1 "$tmp/err")): install libvirt0"
fi

expect_rc 0 "two test connections, --all-domains" -- "$VL" --concise --show-suggestions -c "$a" -c "$b" --all-domains
expect_grep "in 2 files" "$tmp/out" "both connections' domains are linted"
virsh -c "$a" capabilities >"$tmp/caps.xml"
expect_rc 1 "--domain on each connection" -- "$VL" --format json --show-suggestions -c "$a" -c "$b" -d test -d big-vm \
    --capabilities "$tmp/caps.xml"
expect_grep "\"file\":\"test:///default: domain test\"" "$tmp/out" "a local URI names its domains (JSON)"
expect_grep "\"file\":\"test://$tmp/node.xml: domain big-vm\"" "$tmp/out" "the other connection's domain (JSON)"
expect_no_grep "error" "$tmp/err" "a --domain lives on one of the connections: no error for the others"
expect_rc 2 "a domain on no connection" -- "$VL" --concise -c "$a" -c "$b" -d test -d nowhere
expect_grep "^nowhere: error: no domain 'nowhere' on any of the connections$" "$tmp/err" "named, once"
expect_grep "in 1 file" "$tmp/out" "the domain that exists is still linted"

# host facts per connection: big-vm overcommits test:///default's host, not
# its own (whose facts name no CPUs)
expect_rc 1 "big-vm judged by test:///default's facts" -- "$VL" --concise -c "$b" -d big-vm --capabilities "$tmp/caps.xml"
expect_grep "\[host-vcpu-overcommit\]$" "$tmp/out" "the overcommit rule fires on those facts"
expect_rc 0 "each connection's own facts" -- "$VL" --concise --select host -c "$a" -c "$b" --all-domains
expect_no_grep "host-vcpu-overcommit" "$tmp/out" "big-vm is judged by its own host, not the first connection's"
expect_no_grep "host-aware rules skipped" "$tmp/err" "no note about missing facts: each connection has its own"
expect_rc 1 "--capabilities applies to every connection" -- "$VL" --concise --select host -c "$a" -c "$b" --all-domains \
    --capabilities "$tmp/caps.xml"
expect_grep "^test://$tmp/node.xml: domain big-vm:6:3: warning: .*\[host-vcpu-overcommit\]$" "$tmp/out" \
    "text names the connection and the domain"
expect_rc 1 "SARIF" -- "$VL" --format sarif --select host -c "$a" -c "$b" --all-domains --capabilities "$tmp/caps.xml"
expect_grep "\"uri\": *\"test://$tmp/node.xml: domain big-vm\"" "$tmp/out" "SARIF names it alike"

# a connection that fails: named, exit 2, the others linted
expect_rc 2 "a failing URI among good ones" -- "$VL" --concise --show-suggestions -c "$a" -c test:///nonexistent/node.xml \
    -c "$b" --all-domains
expect_grep "cannot connect to test:///nonexistent/node.xml" "$tmp/err" "the failing URI is named"
expect_grep "in 2 files" "$tmp/out" "the other connections are still linted"
expect_rc 2 "several --connect need domains" -- "$VL" -c "$a" -c "$b" examples/win11.xml
expect_grep "go with --domain or --all-domains" "$tmp/err" "says what is missing"

# --fix --define through the right connection, with a backup named by it
expect_rc 0 "--fix --define on the second connection" -- "$VL" --fix --show-suggestions --define -c "$a" -c "$b" -d big-vm
expect_grep "domain big-vm: fixed definition defined" "$tmp/err" "defined through its own connection"
expect_grep "^test://$tmp/node.xml: domain big-vm: previous definition saved to " "$tmp/err" "the backup line names the connection"

# libvirtd beside the test driver
if virsh -c qemu:///system version >/dev/null 2>&1; then
    sed -e "s/<name>[^<]*<\/name>/<name>$dom<\/name>/" -e "s/<domain type='kvm'/<domain type='qemu'/" \
        corpus/hyperv-dependency/stimer-without-synic.xml >"$tmp/dom.xml"
    virsh -c qemu:///system define "$tmp/dom.xml" >/dev/null && pass || fail "define the libvirtd domain"
    expect_rc 1 "test driver and libvirtd" -- "$VL" --concise --select hyperv-dependency -c "$a" -c qemu:///system --all-domains
    expect_grep "^qemu:///system: domain $dom:[0-9]+:[0-9]+: error: .*\[hyperv-dependency\]" "$tmp/out" "libvirtd's domain, named by its URI"
else
    skip_rest "libvirtd is not reachable on qemu:///system: run tools/start-libvirtd.sh as root"
fi

# qemu+ssh://root@localhost: libvirt's remote transport to the same libvirtd,
# through an sshd of this test's own (throwaway host and client keys, a port
# of its own, nothing read from or written to ~/.ssh)
sshd=/usr/sbin/sshd
if [ "$(id -u)" -ne 0 ] || [ ! -x "$sshd" ] || ! command -v ssh >/dev/null; then
    skip_rest "qemu+ssh not checked: needs root, ssh and $sshd (tools/install-deps.sh installs openssh-server)"
fi
k=$tmp/ssh
mkdir -p "$k" /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$k/host_key" && ssh-keygen -q -t ed25519 -N '' -f "$k/client_key"
cp "$k/client_key.pub" "$k/authorized_keys"
port=$((20000 + $$ % 20000))
printf '%s\n' "Port $port" "ListenAddress 127.0.0.1" "HostKey $k/host_key" "AuthorizedKeysFile $k/authorized_keys" \
    "PermitRootLogin prohibit-password" "PasswordAuthentication no" "KbdInteractiveAuthentication no" "UsePAM no" \
    "StrictModes no" "PidFile $k/sshd.pid" >"$k/sshd_config"
printf '%s\n' '#!/bin/sh' \
    "exec ssh -F none -o UserKnownHostsFile=$k/known_hosts -o StrictHostKeyChecking=no -o BatchMode=yes -i $k/client_key \"\$@\"" \
    >"$k/ssh"
chmod +x "$k/ssh"
"$sshd" -D -e -f "$k/sshd_config" 2>"$k/sshd.log" &
sshd_pid=$!
trap 'kill "$sshd_pid" 2>/dev/null; rm -rf "$tmp"; virsh -c qemu:///system undefine "$dom" >/dev/null 2>&1' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
    "$k/ssh" -p "$port" root@127.0.0.1 true 2>/dev/null && break
    sleep 0.5
done
if ! "$k/ssh" -p "$port" root@127.0.0.1 true 2>"$k/err"; then
    fail "the test's sshd on port $port does not answer: $(head -1 "$k/err") $(head -3 "$k/sshd.log")"
    finish
    exit
fi
ssh_uri="qemu+ssh://root@localhost:$port/system?command=$k/ssh"
expect_rc 1 "qemu+ssh and qemu:///system in one run" -- "$VL" --concise --select hyperv-dependency -c "$ssh_uri" \
    -c qemu:///system -d "$dom"
expect_grep "^localhost: domain $dom:[0-9]+:[0-9]+: error: .*\[hyperv-dependency\]" "$tmp/out" "through ssh, named by the host"
expect_grep "^qemu:///system: domain $dom:" "$tmp/out" "and locally, named by the URI"
expect_grep "in 2 files" "$tmp/out" "both linted"

finish
