#!/bin/bash
# Libvirt documents other than domains (tests/data/documents/: one valid
# and one invalid of each kind), directory walks that meet other XML,
# .virtlintrc's exclude and --filter-files (what the pre-commit hook passes).
# The valid documents are also given to libvirt itself (the test driver,
# and libvirtd for what the test driver lacks), so that the schema's
# verdict is libvirt's.
# Usage: tests/documents.sh [path/to/virtlint]
suite=documents
VL=$(realpath "${1:-./virtlint}")
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
tmp=$(mktemp -d)
images=
cleanup() {
    rm -rf "$tmp"
    if [ -n "$images" ]; then
        virsh -q -c qemu:///system destroy virtlint-documents-backup >/dev/null 2>&1
        rm -rf "$images"
    fi
}
trap cleanup EXIT
export VIRTLINT_CACHE_DIR="$tmp/cache"
docs=tests/data/documents

# kind, and the line:column of the invalid document's finding
kinds="network:3:3 pool:6:7 volume:5:5 nwfilter:2:3 secret:6:3 nodedev:6:5 checkpoint:4:5 backup:8:3"

# --- each kind: the valid one passes, the invalid one is reported with
# --- its line and the target release's wording
for entry in $kinds; do
    kind=${entry%%:*} at=${entry#*:}
    for release in 9.0 9.8 11.3 12.8; do
        expect_rc 0 "$kind valid ($release)" -- "$VL" --libvirt-version "$release" "$docs/$kind.xml"
        expect_grep "^No problems found in 1 file" "$tmp/out" "$kind valid ($release): counted as linted"
        expect_rc 1 "$kind invalid ($release)" -- "$VL" --concise --libvirt-version "$release" \
            "$docs/$kind-invalid.xml"
        expect_grep "^$docs/$kind-invalid.xml:$at: error: .* libvirt $release's schema \[schema\]$" "$tmp/out" \
            "$kind invalid ($release): line, column and release"
    done
done
expect_rc 1 "volume: unknown attribute" -- "$VL" --concise "$docs/volume-invalid.xml"
expect_grep "<format>: attribute compat= is not in libvirt [0-9.]+'s schema" "$tmp/out" "an unknown attribute named"
expect_rc 1 "pool: refused value" -- "$VL" --concise "$docs/pool-invalid.xml"
expect_grep "<mode>: value 'rwx' is not accepted" "$tmp/out" "a refused value named"

expect_rc 0 "pull-mode backup valid" -- "$VL" "$docs/backup-pull.xml"

# the kinds without a document here: each release's grammar compiles and judges
for root in networkport filterbinding interface; do
    printf '<%s>\n  <virtlint-bogus/>\n</%s>\n' "$root" "$root" > "$tmp/$root.xml"
    for release in 9.0 9.8 11.3 12.8; do
        expect_rc 1 "<$root> judged ($release)" -- "$VL" --concise --libvirt-version "$release" "$tmp/$root.xml"
        expect_grep "^$tmp/$root.xml:[0-9]+:[0-9]+: error: .*libvirt $release's schema( requires)? \[schema\]$" "$tmp/out" \
            "<$root> judged by $release's schema"
    done
done

# --schema FILE judges the other kinds by the schemas beside it, and says
# when there is none
expect_rc 1 "--schema: network.rng beside it" -- "$VL" --concise --schema /usr/share/libvirt/schemas/domain.rng \
    "$docs/network-invalid.xml"
expect_grep "masquerade' is not accepted by the --schema file" "$tmp/out" "--schema: judged by the file's directory"
mkdir -p "$tmp/only-domain" && cp /usr/share/libvirt/schemas/domain.rng "$tmp/only-domain/"
expect_rc 0 "--schema: nothing beside it" -- "$VL" --schema "$tmp/only-domain/domain.rng" "$docs/network-invalid.xml" \
    "$docs/network.xml"
expect_grep "note: network.rng beside the schema $tmp/only-domain/domain.rng is missing or does not compile: network documents are not checked" \
    "$tmp/err" "--schema: says what it leaves unjudged"
if [ "$(grep -c 'network.rng beside' "$tmp/err")" -eq 1 ]; then pass; else fail "--schema: said once"; cat "$tmp/err"; fi

# a construct newer than the target: which release has it
sed 's|<name>lab-nat</name>|<name>lab-nat</name>\n  <title>Lab NAT</title>|' "$docs/network.xml" > "$tmp/titled.xml"
expect_rc 1 "network <title> on 9.0" -- "$VL" --libvirt-version 9.0 "$tmp/titled.xml"
expect_grep "<title> in <network>: the element is not in libvirt 9.0's schema" "$tmp/out" "newer element named"
expect_grep "note: it is in libvirt 9.8's schema; this file targets 9.0" "$tmp/out" "the release that has it"
expect_rc 0 "network <title> on 11.3" -- "$VL" --libvirt-version 11.3 "$tmp/titled.xml"

# --- only the schema rule checks them: domain rules do not run
expect_rc 0 "no domain rule on a network" -- "$VL" --show-suggestions --fail-on info "$docs/network.xml"
printf '<domain type="kvm">\n  <name>d</name>\n  <memory>1048576</memory>\n  <os><type>hvm</type></os>\n</domain>\n' \
    > "$tmp/minimal-domain.xml"
expect_rc 1 "domain rules do run on a domain" -- "$VL" --show-suggestions --fail-on info "$tmp/minimal-domain.xml"

# --- suppressions work as in a domain
sed 's|  <forward |  <!-- virtlint-disable schema -->\n  <forward |' "$docs/network-invalid.xml" > "$tmp/suppressed.xml"
expect_rc 0 "suppression comment on a network" -- "$VL" "$tmp/suppressed.xml"
sed 's|  <forward |  <!-- virtlint-disable hyperv-dependency -->\n  <forward |' "$docs/network-invalid.xml" \
    > "$tmp/other-suppressed.xml"
expect_rc 1 "another rule's suppression does not hide it" -- "$VL" "$tmp/other-suppressed.xml"

# --- reported like a domain's finding in every format
expect_rc 1 "json" -- "$VL" --format json "$docs/network-invalid.xml"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = [x for x in d if x["rule"] == "schema"]
sys.exit(0 if len(f) == 1 and f[0]["line"] == 3 and "masquerade" in f[0]["message"] else 1)' "$tmp/out" 2>"$tmp/py"; then
    pass
else
    fail "json: one schema finding at line 3"; head -5 "$tmp/py" "$tmp/out"
fi
expect_rc 1 "sarif" -- "$VL" --format sarif "$docs/network-invalid.xml"
expect_grep '"ruleId": *"schema"' "$tmp/out" "sarif names the rule"
expect_grep '"startLine": *3' "$tmp/out" "sarif has the line"
expect_rc 1 "github" -- "$VL" --format github "$docs/network-invalid.xml"
expect_grep "^::error file=$docs/network-invalid.xml,line=3" "$tmp/out" "github annotation"

# --- a snapshot without its domain is still an input error
printf '<domainsnapshot>\n  <name>s</name>\n</domainsnapshot>\n' > "$tmp/snap.xml"
expect_rc 2 "snapshot without domain" -- "$VL" "$tmp/snap.xml"

# --- a directory mixing domains, networks and other XML
mkdir -p "$tmp/repo/vms" "$tmp/repo/networks" "$tmp/repo/site"
cp examples/win11.xml "$tmp/repo/vms/win11.xml"
cp "$docs/network.xml" "$tmp/repo/networks/lab.xml"
cp "$docs/network-invalid.xml" "$tmp/repo/networks/broken.xml"
printf '<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n' > "$tmp/repo/site/pom.xml"
printf '<svg xmlns="http://www.w3.org/2000/svg"/>\n' > "$tmp/repo/site/logo.xml"
git init -q "$tmp/repo"
expect_rc 1 "mixed directory" -- "$VL" --concise "$tmp/repo"
expect_grep "^$tmp/repo/networks/broken.xml:3:3: error: .*masquerade" "$tmp/out" "network finding in a walk"
expect_grep "^$tmp/repo/vms/win11.xml:[0-9]+:[0-9]+: " "$tmp/out" "domain findings in a walk"
expect_grep "in 3 files" "$tmp/out" "three libvirt documents linted"
expect_grep "^$tmp/repo/site/pom.xml: skipped: <project> is not a libvirt document$" "$tmp/err" "skip note"
expect_grep "^$tmp/repo/site/logo.xml: skipped: <svg> is not a libvirt document$" "$tmp/err" "skip note, namespaced root"
if [ "$(grep -c ': skipped: ' "$tmp/err")" -eq 2 ]; then pass; else fail "one skip note per file"; cat "$tmp/err"; fi
expect_no_grep "could not be linted" "$tmp/out" "skipped files are no input error"
expect_rc 1 "mixed directory, -q" -- "$VL" -q "$tmp/repo"
expect_no_grep ": skipped: " "$tmp/err" "-q: no skip note"
# only other XML: nothing to lint, and no error
expect_rc 0 "directory of other XML" -- "$VL" "$tmp/repo/site"
# named on the command line, other XML is still an input error
expect_rc 2 "named non-libvirt file" -- "$VL" "$tmp/repo/site/pom.xml" "$tmp/repo/networks/lab.xml"
expect_grep "^$tmp/repo/site/pom.xml:1: error: <project> is not a libvirt document$" "$tmp/err" "input error"

# --- exclude in .virtlintrc: never read in a walk
printf '[virtlint]\nexclude = networks/broken.xml, site\n' > "$tmp/repo/.virtlintrc"
ln -s /nonexistent/gone.xml "$tmp/repo/site/dangling.xml"
expect_rc 1 "excludes" -- "$VL" --concise "$tmp/repo"
expect_no_grep "broken.xml" "$tmp/out" "excluded file not linted"
expect_no_grep ": skipped: |dangling|cannot open" "$tmp/err" "excluded directory not read"
expect_grep "in 2 files" "$tmp/out" "two documents left"
printf '[virtlint]\nexclude = ./networks/*.xml\n' > "$tmp/repo/.virtlintrc"
expect_rc 2 "a glob: the dangling link outside it is read" -- "$VL" --concise "$tmp/repo"
expect_grep "dangling.xml: error: cannot open" "$tmp/err" "not excluded: read"
expect_no_grep "networks/" "$tmp/out" "networks/*.xml excluded"
# every file of a directory excluded: not "no *.xml files"
expect_rc 0 "all excluded" -- "$VL" "$tmp/repo/networks"
expect_no_grep "no \*\.xml" "$tmp/err" "an excluded directory is not an empty one"
# a named file is linted even when excluded (without --filter-files)
expect_rc 1 "named excluded file" -- "$VL" "$tmp/repo/networks/broken.xml"
# typos stay errors
printf '[virtlint]\nexclud = site\n' > "$tmp/repo/.virtlintrc"
expect_rc 2 "misspelt key" -- "$VL" "$tmp/repo/networks/lab.xml"
expect_grep "unknown key 'exclud'" "$tmp/err" "unknown key named"
printf '[virtlint]\nexclude = **/old.xml\n' > "$tmp/repo/.virtlintrc"
expect_rc 2 "'**'" -- "$VL" "$tmp/repo/networks/lab.xml"
expect_grep "'\*\*' is not supported" "$tmp/err" "'**' refused with a reason"
printf '[virtlint]\nexclude = ,\n' > "$tmp/repo/.virtlintrc"
expect_rc 2 "empty exclude" -- "$VL" "$tmp/repo/networks/lab.xml"

# --- --filter-files: named files treated like a walk's
printf '[virtlint]\nexclude = networks/broken.xml\n' > "$tmp/repo/.virtlintrc"
rm "$tmp/repo/site/dangling.xml"
expect_rc 0 "--filter-files" -- "$VL" --filter-files "$tmp/repo/networks/broken.xml" "$tmp/repo/site/pom.xml" \
    "$tmp/repo/networks/lab.xml"
expect_grep "^No problems found in 1 file" "$tmp/out" "--filter-files: only lab.xml linted"
expect_grep "pom.xml: skipped: <project> is not a libvirt document" "$tmp/err" "--filter-files: skip note"
expect_no_grep "broken" "$tmp/out" "--filter-files: excluded file left out"
expect_rc 2 "--filter-files: a broken file is still an error" -- "$VL" --filter-files "$tmp/snap.xml"
printf '<domain>\n  <name>x</nam>\n</domain>\n' > "$tmp/repo/malformed.xml"
expect_rc 2 "--filter-files: malformed XML is still an error" -- "$VL" --filter-files "$tmp/repo/malformed.xml"
rm "$tmp/repo/malformed.xml"

# --- the pre-commit hook's script passes --filter-files
mkdir -p "$tmp/hook/tools"
cp tools/pre-commit-hook.sh "$tmp/hook/tools/"
ln -s "$VL" "$tmp/hook/virtlint"
(cd "$tmp/repo" && "$tmp/hook/tools/pre-commit-hook.sh" networks/broken.xml site/pom.xml networks/lab.xml \
    >"$tmp/out" 2>"$tmp/err")
rc=$?
if [ "$rc" -eq 0 ]; then pass; else fail "pre-commit hook script: exit $rc, wanted 0"; cat "$tmp/err"; fi
expect_grep "site/pom.xml: skipped" "$tmp/err" "hook script: other XML skipped"

# --- libvirt accepts each valid document (so the schema's verdict is libvirt's)
if ! command -v virsh >/dev/null; then
    skip "virsh not installed (apt-get install libvirt-clients): valid documents not given to libvirt"
else
    t=test:///default
    # a volume needs its pool, and a node device its parent, which the test
    # driver has; libvirt's own *-dumpxml of each must pass the schema rule
    # too (one virsh: the test driver's state lives as long as its connection)
    if virsh -q -c "$t" "net-define $docs/network.xml; pool-define $docs/pool.xml; \
        vol-create default-pool $docs/volume.xml; nodedev-create $docs/nodedev.xml; \
        checkpoint-create test $docs/checkpoint.xml; net-dumpxml lab-nat; pool-dumpxml images; \
        vol-dumpxml --pool default-pool web01.qcow2; nodedev-dumpxml scsi_host12; \
        checkpoint-dumpxml test before-upgrade" >"$tmp/virsh" 2>&1 && ! grep -q "^error" "$tmp/virsh"; then
        pass
    else
        fail "the test driver refuses a valid document"; cat "$tmp/virsh"
    fi
    mkdir -p "$tmp/dumps"
    python3 - "$tmp/virsh" "$tmp/dumps" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for i, (doc, root) in enumerate(re.findall(r"^(<(\w+)[ >].*?^</\2>)$", text, flags=re.S | re.M)):
    open(f"{sys.argv[2]}/{i}-{root}.xml", "w").write(doc + "\n")
PY
    expect_rc 0 "libvirt's own dumpxml output" -- "$VL" --select schema "$tmp/dumps"
    expect_grep "^No problems found in 5 files" "$tmp/out" "network, pool, volume, node device, checkpoint dumped"
    # the test driver has no nwfilter and no secret driver
    if virsh -c qemu:///system version >/dev/null 2>&1; then
        if virsh -q -c qemu:///system "nwfilter-define $docs/nwfilter.xml; nwfilter-dumpxml lab-no-spoofing; \
            nwfilter-undefine lab-no-spoofing; secret-define $docs/secret.xml; \
            secret-dumpxml a3d1b8f2-6c2e-4b5e-9f1d-2c7e8b9a0d14; \
            secret-undefine a3d1b8f2-6c2e-4b5e-9f1d-2c7e8b9a0d14" \
            >"$tmp/virsh" 2>&1 && ! grep -q "^error" "$tmp/virsh"; then
            pass
        else
            fail "libvirtd refuses a valid nwfilter or secret"; cat "$tmp/virsh"
        fi
        # a backup needs a running domain: QEMU without KVM, no guest OS, a
        # raw disk.  Pull mode first: its job lasts until aborted, so that
        # backup-dumpxml always has one to show (a push job may be over).
        images=$(mktemp -d /var/lib/libvirt/images/virtlint-documents-XXXXXX)
        chmod 755 "$images" && chown libvirt-qemu: "$images"  # QEMU makes the NBD socket here
        truncate -s 16M "$images/disk.raw"
        cat > "$tmp/backup-domain.xml" <<XML
<domain type='qemu'>
  <name>virtlint-documents-backup</name>
  <memory unit='MiB'>64</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='$images/disk.raw'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
XML
        for b in backup backup-pull; do
            sed "s|/var/lib/libvirt/images/|$images/|" "$docs/$b.xml" > "$tmp/$b.xml"
        done
        expect_rc 0 "the pull backup document, given to libvirtd" -- timeout 60 virsh -q -c qemu:///system \
            "create $tmp/backup-domain.xml; backup-begin virtlint-documents-backup $tmp/backup-pull.xml; \
            backup-dumpxml virtlint-documents-backup; domjobabort virtlint-documents-backup"
        sed -n '/^<domainbackup/,/^<\/domainbackup>/p' "$tmp/out" > "$tmp/dumps/backup.xml"
        # backup-dumpxml adds index= to each <disk>, which domainbackup.rng
        # lacks: virtlint says so, and backup-begin refuses the dump for it
        expect_rc 1 "libvirtd's backup-dumpxml output" -- "$VL" --concise --select schema "$tmp/dumps/backup.xml"
        expect_grep "<disk>: index='[0-9]+' is not accepted by libvirt [0-9.]+'s schema" "$tmp/out" \
            "backup-dumpxml's index= reported"
        if [ "$(grep -c ': error: ' "$tmp/out")" -eq 1 ]; then pass; else fail "index= alone reported"; cat "$tmp/out"; fi
        expect_rc 1 "backup-begin refuses the dump" -- timeout 60 virsh -q -c qemu:///system \
            "backup-begin virtlint-documents-backup $tmp/dumps/backup.xml"
        expect_grep "failed to validate against schema" "$tmp/err" "libvirt's refusal is the schema's"
        sed -i "s/ index='[0-9]*'//" "$tmp/dumps/backup.xml"
        expect_rc 0 "the dump without index=" -- "$VL" --select schema "$tmp/dumps/backup.xml"
        expect_rc 0 "the push backup document, given to libvirtd" -- timeout 60 virsh -q -c qemu:///system \
            "backup-begin virtlint-documents-backup $tmp/backup.xml"
        virsh -q -c qemu:///system destroy virtlint-documents-backup >/dev/null 2>&1
        rm -rf "$images"
        images=
    else
        skip "libvirtd is not reachable on qemu:///system (tools/start-libvirtd.sh as root): nwfilter and secret not given to libvirt"
    fi
fi

finish
