#!/usr/bin/env bash
# firmware-secureboot-2023-certs on NVRAM files: synthetic variable stores
# built here (the file itself, the template before the file exists, a
# missing or unreadable file, a qcow2 file), and the real OVMF_VARS_4M.ms.fd
# templates of the host and of the release roots, whose KEK and db an
# independent reading (this script's own walk of the store, subjects by
# openssl x509) must agree with.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=nvram_certs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
caps=tests/data/host/capabilities.xml
rule=firmware-secureboot-2023-certs

# store.py OUT "KEK:CN,CN" "db:CN,CN": a firmware volume with an
# authenticated variable store whose KEK and db hold minimal DER
# certificates with those subject CNs (signatures are not checked)
cat >"$tmp/store.py" <<'PY'
import struct, sys, uuid
def der(tag, body):
    n = len(body)
    head = bytes([tag, n]) if n < 0x80 else bytes([tag, 0x82, n >> 8, n & 0xff])
    return head + body
def cert(cn):
    name = der(0x30, der(0x31, der(0x30, der(0x06, b'\x55\x04\x03') + der(0x0c, cn.encode()))))
    tbs = der(0xa0, der(0x02, b'\x02')) + der(0x02, b'\x01') + der(0x30, b'') + name + der(0x30, b'') + name
    return der(0x30, der(0x30, tbs) + der(0x30, b'') + der(0x03, b'\x00'))
X509 = uuid.UUID('a5c059a1-94e4-4aa7-87b5-ab155c2bf072').bytes_le
GLOBAL = uuid.UUID('8be4df61-93ca-11d2-aa0d-00e098032b8c').bytes_le
DB = uuid.UUID('d719b2cb-3d3a-4596-a3bc-dad00e67656f').bytes_le
AUTH = uuid.UUID('aaf32c78-947b-439a-a180-2e144ec37792').bytes_le
def esl(c):
    return X509 + struct.pack('<III', 28 + 16 + len(c), 0, 16 + len(c)) + b'\0' * 16 + c
def var(name, guid, data):
    n = (name + '\0').encode('utf-16le')
    v = struct.pack('<HBBIQ16sIII', 0x55aa, 0x3f, 0, 0x27, 0, b'\0' * 16, 0, len(n), len(data)) + guid + n + data
    return v + b'\xff' * (-len(v) % 4)
vars = b''
for arg in sys.argv[2:]:
    name, cns = arg.split(':', 1)
    vars += var(name, GLOBAL if name == 'KEK' else DB, b''.join(esl(cert(c)) for c in cns.split(',') if c))
store = AUTH + struct.pack('<IBBHI', 28 + len(vars) + 64, 0x5a, 0xfe, 0, 0) + vars + b'\xff' * 64
fv = bytearray(72)
fv[40:44] = b'_FVH'
struct.pack_into('<H', fv, 48, 72)
open(sys.argv[1], 'wb').write(bytes(fv) + store)
PY

# domain NVRAM-PATH [TEMPLATE] [LOADER-ATTRS]
domain() {
    local tmpl=""
    [ -n "${2:-}" ] && tmpl=" template='$2'"
    cat <<XML
<domain type='kvm'>
  <name>win11</name>
  <memory unit='GiB'>8</memory>
  <vcpu>4</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <loader readonly='yes' ${3:-secure='yes'} type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>
    <nvram$tmpl>$1</nvram>
  </os>
  <features><acpi/><smm state='on'/></features>
</domain>
XML
}

lint() { "$VL" --os win11 --select $rule --capabilities $caps "$@"; }

old_kek="KEK:Microsoft Corporation KEK CA 2011"
old_db="db:Microsoft Windows Production PCA 2011,Microsoft Corporation UEFI CA 2011"
new_kek="KEK:Microsoft Corporation KEK CA 2011,Microsoft Corporation KEK 2K CA 2023"
new_db="db:Microsoft Windows Production PCA 2011,Windows UEFI CA 2023,Microsoft Corporation UEFI CA 2011,Microsoft UEFI CA 2023,Microsoft Option ROM UEFI CA 2023"
python3 "$tmp/store.py" "$tmp/old.fd" "$old_kek" "$old_db"
python3 "$tmp/store.py" "$tmp/new.fd" "$new_kek" "$new_db"
python3 "$tmp/store.py" "$tmp/kek-only.fd" "$new_kek" "$old_db"
python3 "$tmp/store.py" "$tmp/windows-only.fd" "$new_kek" "db:Microsoft Windows Production PCA 2011,Windows UEFI CA 2023"
python3 "$tmp/store.py" "$tmp/own-keys.fd" "KEK:My KEK" "db:My db"
python3 "$tmp/store.py" "$tmp/empty.fd"

domain "$tmp/old.fd" >"$tmp/d.xml"
expect_rc 1 "the NVRAM file with 2011 certificates only" -- lint "$tmp/d.xml"
expect_grep "warning: <nvram>: Secure Boot trusts only Microsoft's 2011 certificates" "$tmp/out" "headline"
expect_grep "the NVRAM file $tmp/old.fd lacks Microsoft Corporation KEK 2K CA 2023 \(KEK\), Windows UEFI CA 2023 \(db\), Microsoft UEFI CA 2023 \(db\), Microsoft Option ROM UEFI CA 2023 \(db\)" "$tmp/out" "lists what is missing"
expect_grep "June 24, 2026" "$tmp/out" "the KEK's expiry"
expect_grep "AvailableUpdates set to 0x5944" "$tmp/out" "how to enrol them"
expect_rc 0 "without host facts the rule is skipped" -- "$VL" --os win11 --select $rule "$tmp/d.xml"

domain "$tmp/old.fd" | sed "s|<nvram>.*</nvram>|<nvram type='file'><source file='$tmp/old.fd'/></nvram>|" >"$tmp/d.xml"
expect_rc 1 "<nvram type='file'><source file=...>" -- lint "$tmp/d.xml"
expect_grep "the NVRAM file $tmp/old.fd lacks" "$tmp/out" "reads <source file>"

domain "$tmp/new.fd" "$tmp/old.fd" >"$tmp/d.xml"
expect_rc 0 "the NVRAM file has the 2023 certificates (its template does not matter)" -- lint "$tmp/d.xml"
domain "$tmp/kek-only.fd" >"$tmp/d.xml"
expect_rc 1 "new KEK, old db" -- lint "$tmp/d.xml"
expect_grep "lacks Windows UEFI CA 2023 \(db\), Microsoft UEFI CA 2023" "$tmp/out" "only db's are listed"
expect_no_grep "KEK 2K CA 2023" "$tmp/out" "KEK not listed"
domain "$tmp/windows-only.fd" >"$tmp/d.xml"
expect_rc 0 "no third-party CA 2011 in db: its successors are not asked for" -- lint "$tmp/d.xml"
domain "$tmp/own-keys.fd" >"$tmp/d.xml"
expect_rc 0 "keys of the owner's own, no Microsoft certificate" -- lint "$tmp/d.xml"
domain "$tmp/empty.fd" >"$tmp/d.xml"
expect_rc 0 "no keys enrolled" -- lint "$tmp/d.xml"

domain "$tmp/none.fd" "$tmp/old.fd" >"$tmp/d.xml"
expect_rc 1 "no NVRAM file yet: its template" -- lint "$tmp/d.xml"
expect_grep "the NVRAM template $tmp/old.fd lacks" "$tmp/out" "names the template"
domain "$tmp/none.fd" "$tmp/new.fd" >"$tmp/d.xml"
expect_rc 0 "a template with the 2023 certificates" -- lint "$tmp/d.xml"
# <nvram template=.../> alone: libvirt's /var/lib/libvirt/qemu/nvram/NAME_VARS.fd
# (absent for this name), so the template
domain "" "$tmp/old.fd" | sed "s|<nvram template='\([^']*\)'></nvram>|<nvram template='\1'/>|; s|<name>win11</name>|<name>virtlint-test-$$-none</name>|" >"$tmp/d.xml"
expect_rc 1 "a template alone" -- lint "$tmp/d.xml"
expect_grep "the NVRAM template $tmp/old.fd lacks" "$tmp/out" "the template of a default NVRAM path"
domain "" "$tmp/old.fd" | sed "s|></nvram>| type='network'><source protocol='iscsi' name='iqn.2013-07.com.example:iscsi-nopool/0'><host name='example.com' port='3260'/></source></nvram>|; s|<name>win11</name>|<name>virtlint-test-$$-none</name>|" >"$tmp/d.xml"
expect_rc 0 "a network NVRAM is never read (nor the default path, nor its template)" -- lint "$tmp/d.xml"
domain "$tmp/none.fd" >"$tmp/d.xml"
expect_rc 0 "no file, no template" -- lint "$tmp/d.xml"
domain "$tmp/old.fd" "" "secure='no'" >"$tmp/d.xml"
expect_rc 0 "secure='no'" -- lint "$tmp/d.xml"
expect_rc 0 "not Windows" -- "$VL" --os linux --select $rule --capabilities $caps "$tmp/d.xml"
domain "$tmp/old.fd" >"$tmp/d.xml"
expect_rc 0 "not Windows (old store)" -- "$VL" --os linux --select $rule --capabilities $caps "$tmp/d.xml"
printf 'QFI\373' >"$tmp/q.fd"
domain "$tmp/q.fd" "$tmp/old.fd" >"$tmp/d.xml"
expect_rc 0 "a qcow2 NVRAM is not read (nor its template)" -- lint "$tmp/d.xml"
mkdir "$tmp/dir.fd"
domain "$tmp/dir.fd" "$tmp/old.fd" >"$tmp/d.xml"
expect_rc 0 "an NVRAM path that cannot be read (a directory), nor its template" -- lint "$tmp/d.xml"
# a relative path, linted where it would resolve: libvirtd's business, not read
domain "old.fd" >"$tmp/rel.xml"
expect_rc 0 "a relative NVRAM path is not read" -- sh -c 'cd "$1" && "$2" --os win11 --select "$3" --capabilities "$4" rel.xml' \
    sh "$tmp" "$VL" $rule "$(realpath $caps)"

# The real templates: this script's own walk (Python) and openssl x509
# give the subjects; the rule must warn exactly when KEK lacks KEK 2K CA 2023
# or db lacks Windows UEFI CA 2023.
cat >"$tmp/subjects.py" <<'PY'
import struct, subprocess, sys, uuid
d = open(sys.argv[1], 'rb').read()
X509 = uuid.UUID('a5c059a1-94e4-4aa7-87b5-ab155c2bf072')
vs = struct.unpack_from('<H', d, 48)[0]
o, end = vs + 28, vs + struct.unpack_from('<I', d, vs + 16)[0]
while o + 60 <= end and struct.unpack_from('<H', d, o)[0] == 0x55aa:
    state = d[o + 2]
    ns, ds = struct.unpack_from('<II', d, o + 36)
    name = d[o + 60:o + 60 + ns].decode('utf-16le').rstrip('\0')
    data = d[o + 60 + ns:o + 60 + ns + ds]
    if state == 0x3f and name in ('KEK', 'db'):
        p = 0
        while p < len(data):
            ls, hs, ss = struct.unpack_from('<III', data, p + 16)
            if uuid.UUID(bytes_le=data[p:p + 16]) == X509:
                for q in range(p + 28 + hs, p + ls, ss):
                    subj = subprocess.run(['openssl', 'x509', '-inform', 'DER', '-noout', '-subject', '-nameopt', 'multiline'],
                                          input=data[q + 16:q + ss], capture_output=True, check=True).stdout.decode()
                    cn = [l.split('=', 1)[1].strip() for l in subj.splitlines() if l.strip().startswith('commonName')]
                    print(name + ':' + (cn[0] if cn else ''))
            p += ls
    o = (o + 60 + ns + ds + 3) & ~3
PY
# The roots of tools/make-release-root.sh (VIRTLINT_ROOTS names another
# place), which CI has; the host's when the ovmf package is installed.
roots=${VIRTLINT_ROOTS:-$(dirname "$0")/../build/roots}
for root in "" "$roots/trixie" "$roots/sid"; do
    t=$root/usr/share/OVMF/OVMF_VARS_4M.ms.fd
    if [ -n "$root" ] && [ ! -d "$root" ]; then
        skip "no release root $root (tools/make-release-root.sh): its OVMF template not checked"
        continue
    fi
    if [ ! -f "$t" ]; then
        skip "$t is not here (no ovmf there): the real template not checked"
        continue
    fi
    if ! command -v openssl >/dev/null; then
        skip "no openssl: $t not checked"
        continue
    fi
    if ! python3 "$tmp/subjects.py" "$t" >"$tmp/subjects"; then
        fail "$t: the independent reading failed"
        continue
    fi
    expect_grep "^KEK:Microsoft Corporation KEK CA 2011$" "$tmp/subjects" "$t has Microsoft's KEK CA 2011"
    want=1
    grep -qx "KEK:Microsoft Corporation KEK 2K CA 2023" "$tmp/subjects" &&
        grep -qx "db:Windows UEFI CA 2023" "$tmp/subjects" &&
        grep -qx "db:Microsoft UEFI CA 2023" "$tmp/subjects" &&
        grep -qx "db:Microsoft Option ROM UEFI CA 2023" "$tmp/subjects" && want=0
    domain "$tmp/none.fd" "$(realpath "$t")" >"$tmp/d.xml"
    expect_rc $want "$t (2023 certificates: $([ $want = 0 ] && echo yes || echo no))" -- lint "$tmp/d.xml"
done

finish
