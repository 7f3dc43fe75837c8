#!/usr/bin/env bash
# --libvirt-check (lint/host/libvirtcheck.h): the libvirt and QEMU of this machine
# really define each document, through the embedded QEMU driver on a root of
# virtlint's own.  An accepted domain gets no libvirt-define finding, a
# refused one gets it at the element libvirt names, a rule reporting the
# same refusal is confirmed instead; verdicts are cached (the second run does
# not load libvirt); a worker that crashes or hangs is an input error that
# leaves nothing behind; --no-cache leaves no root.  Then the share of the
# libvirt 9.8 test suite's refusals located below <domain> is measured.
# Skips only where libvirt cannot be loaded, and never under VIRTLINT_TEST_NO_SKIP=1.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=libvirt_check
tmp=$(mktemp -d)
# the root's definitions live on /dev/shm (lint/host/libvirtcheck.c)
shm=/dev/shm/virtlint-$(id -u)-$(printf %s "$tmp/cache/libvirt-root" | sha256sum | cut -c1-16)
trap 'rm -rf "$tmp" "$shm"' EXIT
. "$(dirname "$0")/lib.sh"

# The LD_DEBUG=libs log in $tmp/ld shows no libvirt load; the log must show
# libraries being loaded at all, or it proves nothing.
expect_no_libvirt() {
    if ! grep -q "libxml2" "$tmp/ld"; then
        fail "LD_DEBUG shows no library loads: cannot check '$1'"
    elif grep -q "libvirt\.so" "$tmp/ld"; then
        fail "$1"
    else
        pass
    fi
}

cd "$(dirname "$0")/.."
unset VIRTLINT_CACHE_DIR VIRTLINT_TEST_LIBVIRT_WORKER VIRTLINT_TEST_LIBVIRT_TIMEOUT
export TMPDIR=$tmp/tmpdir   # temporary roots go here, to be counted
mkdir -p "$TMPDIR"
SHARED=$(shared_corpus)
# libvirt 9.8's suite; make corpus's download has 11.3's
CORPUS=$SHARED/libvirt-tests
made_corpus "$SHARED" && CORPUS=$SHARED/libvirt-11.3/tests
cache=$tmp/cache
run() { "$VL" --no-config --select libvirt-define,virtiofs-shared-memory --libvirt-check --cache-dir "$cache" "$@"; }

# Documents of our own (type='qemu': there is no /dev/kvm on every machine)
domain() { # NAME MACHINE DEVICES...
    local name=$1 machine=$2; shift 2
    printf "<domain type='qemu'>\n  <name>%s</name>\n  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n" "$name"
    printf "  <memory unit='KiB'>219136</memory>\n  <vcpu>1</vcpu>\n"
    printf "  <os>\n    <type arch='x86_64' machine='%s'>hvm</type>\n  </os>\n  <devices>\n" "$machine"
    printf '    %s\n' "$@"
    printf "  </devices>\n</domain>\n"
}
domain good pc "<disk type='file' device='disk'><source file='/nonexistent.img'/><target dev='vda' bus='virtio'/></disk>" >"$tmp/good.xml"
# line 11: the refused controller
domain wrongroot pc "<controller type='usb' index='0'/>" "<controller type='pci' index='0' model='pcie-root'/>" >"$tmp/wrongroot.xml"
# virtiofs without shared memory: virtlint's own rule says it first
domain fs q35 "<filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/><source dir='/srv'/><target dir='srv'/></filesystem>" >"$tmp/virtiofs.xml"

# 0. can libvirt be loaded here at all?
run "$tmp/good.xml" >"$tmp/probe.out" 2>"$tmp/probe.err"
if grep -q "cannot load libvirt" "$tmp/probe.err"; then
    skip_rest "libvirt cannot be loaded here: $(head -1 "$tmp/probe.err")"
fi
version=$(virsh -c test:///default version 2>/dev/null | sed -n 's/^Using library: libvirt \([0-9.]*\)/\1/p')
[ -n "$version" ] || version='[0-9]+\.[0-9]+\.[0-9]+'

# 1. accepted: no finding, exit 0; the throwaway copy is undefined again
expect_rc 0 "a domain libvirt accepts" -- run "$tmp/good.xml"
expect_no_grep "libvirt-define" "$tmp/out" "no libvirt-define finding for an accepted domain"
[ -z "$(ls -A "$cache/libvirt-root/etc/qemu" 2>/dev/null)" ] && pass || fail "a defined domain was left in the root: $(ls "$cache/libvirt-root/etc/qemu")"

# 2. refused: at the element, with libvirt's own message and version
expect_rc 1 "a domain libvirt refuses" -- run "$tmp/wrongroot.xml"
expect_grep "^$tmp/wrongroot.xml:11:5: error: <controller>: libvirt $version refuses this domain \[libvirt-define\]$" "$tmp/out" "refusal at the controller's line"
expect_grep "= note: libvirt $version says: XML error: The PCI controller with index='0' must be model='pci-root' for this machine type, but model='pcie-root' was found instead$" "$tmp/out" "with libvirt's message"
expect_rc 1 "json output" -- "$VL" --no-config --format json --select libvirt-define --libvirt-check --cache-dir "$cache" "$tmp/wrongroot.xml"
expect_grep '"line":11,.*"rule":"libvirt-define"' "$tmp/out" "json: the line of the controller"

# 3. a refusal one of virtlint's rules already reports is confirmed, not doubled
expect_rc 1 "a refusal a rule already reports" -- run "$tmp/virtiofs.xml"
expect_grep "\[virtiofs-shared-memory\]" "$tmp/out" "the rule's finding stays"
expect_grep "= note: libvirt $version confirms this$" "$tmp/out" "and says libvirt confirms it"
expect_no_grep "libvirt-define" "$tmp/out" "no second finding for the same refusal"

# a rule's finding that quotes libvirt's message is confirmed too, and is an
# error now that libvirt refuses (watchdog-model-invalid warns: itco needs 9.1)
if [ "$version" = 9.0.0 ]; then
    domain itco pc "<watchdog model='itco' action='reset'/>" >"$tmp/itco.xml"
    expect_rc 1 "a rule quoting libvirt's refusal" -- "$VL" --no-config --libvirt-version 9.0 --select libvirt-define,watchdog-model-invalid --libvirt-check --cache-dir "$cache" "$tmp/itco.xml"
    expect_grep "itco.xml:10:5: error: <watchdog model='itco'>: needs libvirt 9.1 .*\[watchdog-model-invalid\]$" "$tmp/out" "confirmed, as an error"
    expect_grep "= note: libvirt 9.0.0 confirms this$" "$tmp/out" "with a note"
    expect_no_grep "libvirt-define" "$tmp/out" "not reported twice"
fi

# 4. the second time, verdicts come from the cache: libvirt is not loaded
LD_DEBUG=libs run "$tmp/good.xml" "$tmp/wrongroot.xml" "$tmp/virtiofs.xml" >"$tmp/warm.out" 2>"$tmp/ld"
expect_no_libvirt "cached verdicts loaded libvirt"
expect_grep "$tmp/wrongroot.xml:11:5: error: <controller>: libvirt $version refuses this domain" "$tmp/warm.out" "a cached refusal is reported"
expect_grep "= note: libvirt $version says: XML error: The PCI controller" "$tmp/warm.out" "a cached refusal keeps libvirt's message"
expect_grep "libvirt $version confirms this" "$tmp/warm.out" "a cached refusal still confirms the rule"
verdicts=$(find "$cache/libvirt-verdicts" -type f | wc -l)
[ "$verdicts" -eq 3 ] || { [ "$version" = 9.0.0 ] && [ "$verdicts" -eq 4 ]; } && pass || fail "one verdict cached per document (found $verdicts)"
# a changed document asks libvirt again
sed 's/<name>good</<name>good2</' "$tmp/good.xml" >"$tmp/good2.xml"
LD_DEBUG=libs run "$tmp/good2.xml" >/dev/null 2>"$tmp/ld"
grep -q "libvirt\.so" "$tmp/ld" && pass || fail "a changed document was not defined again"

# a damaged verdict is not believed: libvirt is asked again
for f in "$cache"/libvirt-verdicts/*; do printf 'defin' >"$f"; done
LD_DEBUG=libs run "$tmp/wrongroot.xml" >"$tmp/damaged.out" 2>"$tmp/ld"
grep -q "libvirt\.so" "$tmp/ld" && pass || fail "a damaged verdict was used"
expect_grep "wrongroot.xml:11:5: error: <[a-z]*>: libvirt" "$tmp/damaged.out" "the refusal found again"

# a different QEMU binary behind the same <emulator> path asks libvirt again
if [ -x /usr/bin/qemu-system-x86_64 ] && [ -x /usr/bin/qemu-system-i386 ]; then
    ln -s /usr/bin/qemu-system-x86_64 "$tmp/qemu"
    sed "s|<devices>|<devices>\n    <emulator>$tmp/qemu</emulator>|;s/<name>good</<name>emu</" "$tmp/good.xml" >"$tmp/emu.xml"
    run "$tmp/emu.xml" >/dev/null 2>&1
    LD_DEBUG=libs run "$tmp/emu.xml" >/dev/null 2>"$tmp/ld"
    expect_no_libvirt "the same emulator: libvirt loaded again"
    ln -sfn /usr/bin/qemu-system-i386 "$tmp/qemu"
    LD_DEBUG=libs run "$tmp/emu.xml" >/dev/null 2>"$tmp/ld"
    grep -q "libvirt\.so" "$tmp/ld" && pass || fail "another QEMU binary behind <emulator>: the cached verdict was used"
else
    skip "qemu-system-x86_64 and qemu-system-i386 are needed to swap the binary behind <emulator> (tools/install-deps.sh)"
fi

# 5. without the flag libvirt is never loaded
LD_DEBUG=libs "$VL" --no-config --concise --cache-dir "$cache" "$tmp/good.xml" "$tmp/wrongroot.xml" >/dev/null 2>"$tmp/ld"
expect_no_libvirt "linting without --libvirt-check loaded libvirt"
# nor with --diff, which shows no findings, when there is no fix to vet
# (with one, libvirt is asked whether it would define the result: below)
sed 's/<name>good</<name>diff</' "$tmp/good.xml" >"$tmp/diff.xml"
LD_DEBUG=libs "$VL" --no-config --libvirt-check --diff --select libvirt-define --cache-dir "$cache" "$tmp/diff.xml" >/dev/null 2>"$tmp/ld"
expect_no_libvirt "--diff defined the document for nothing"

# 6. .virtlintrc: libvirt-check = yes turns it on; a bad value is an error
mkdir -p "$tmp/rc"
cp "$tmp/wrongroot.xml" "$tmp/rc/"
printf '[virtlint]\nlibvirt-check = yes\nselect = libvirt-define\n' >"$tmp/rc/.virtlintrc"
expect_rc 1 ".virtlintrc libvirt-check = yes" -- "$VL" --concise --cache-dir "$cache" "$tmp/rc/wrongroot.xml"
expect_grep "\[libvirt-define\]" "$tmp/out" ".virtlintrc turns the check on"
printf '[virtlint]\nlibvirt-check = maybe\n' >"$tmp/rc/.virtlintrc"
expect_rc 2 ".virtlintrc libvirt-check = maybe" -- "$VL" --concise --cache-dir "$cache" "$tmp/rc/wrongroot.xml"
expect_grep "libvirt-check: expected yes or no" "$tmp/err" "the bad value is named"

# 7. a worker that crashes with a domain defined: exit 2 for that input,
# the other inputs still checked, nothing left behind
snapshot() { (cd "$cache" && find . | grep -v '^./libvirt-root/run' | sort); }
snapshot >"$tmp/before"
sed 's/<name>good</<name>crash</' "$tmp/good.xml" >"$tmp/crash.xml"
sed 's/<name>wrongroot</<name>wrongroot2</' "$tmp/wrongroot.xml" >"$tmp/wrongroot2.xml"
VIRTLINT_TEST_LIBVIRT_WORKER=abort expect_rc 2 "a crash inside libvirt" -- run "$tmp/crash.xml" "$tmp/wrongroot2.xml"
expect_grep "^$tmp/crash.xml: error: libvirt crashed while defining this domain: its worker was killed by signal 6" "$tmp/err" "the crash is an input error of that file"
expect_grep "wrongroot2.xml:11:5: error: <[a-z]*>: libvirt .* refuses" "$tmp/out" "a new worker checks the next input"
snapshot >"$tmp/after"
# the refusal of wrongroot2 is a new verdict; nothing else may appear
grep -v "libvirt-verdicts/" "$tmp/after" >"$tmp/after.files"; grep -v "libvirt-verdicts/" "$tmp/before" >"$tmp/before.files"
diff -u "$tmp/before.files" "$tmp/after.files" >"$tmp/diff" && pass || { fail "the crash left files behind"; sed 's/^/  | /' "$tmp/diff" | head; }
[ "$(ls -A "$TMPDIR")" = "" ] && pass || fail "the crash left temporary files: $(ls "$TMPDIR")"
[ "$(wc -l <"$tmp/after")" -eq $(($(wc -l <"$tmp/before") + 1)) ] && pass || fail "only wrongroot2's verdict is new"

# a worker that dies between two documents costs neither of them
for i in 1 2; do sed "s/<name>wrongroot</<name>idle$i</" "$tmp/wrongroot.xml" >"$tmp/idle$i.xml"; done
VIRTLINT_TEST_LIBVIRT_WORKER=die-idle expect_rc 1 "a worker dying between documents" -- run "$tmp/idle1.xml" "$tmp/idle2.xml"
[ "$(grep -c "error: <[a-z]*>: libvirt .* refuses" "$tmp/out")" -eq 2 ] && pass || fail "both documents checked by libvirt"

# a real crash: libvirt 9.0's define segfaults on this document of libvirt
# 11.3's test suite (so does virsh); virtlint reports it and goes on (under
# ASan the sanitizer catches the signal and the worker exits instead)
real_crash=$SHARED/libvirt-11.3/tests/hostdev-scsi-vhost-rawio-invalid.xml
if [ "$version" = 9.0.0 ] && [ ! -f "$real_crash" ]; then
    shared_missing "$real_crash" "libvirt 9.0 segfaulting"
elif [ "$version" = 9.0.0 ]; then
    cp "$real_crash" "$tmp/segv.xml"
    expect_rc 2 "libvirt 9.0 segfaulting" -- run "$tmp/segv.xml" "$tmp/wrongroot.xml"
    expect_grep "^$tmp/segv.xml: error: libvirt crashed while defining this domain: its worker (was killed by signal 11|exited with status [1-9])" "$tmp/err" "the segfault is that input's error"
    expect_grep "wrongroot.xml:11:5: error: <[a-z]*>: libvirt" "$tmp/out" "and the next input is still checked"
fi

# 8. a worker that hangs is killed after the timeout
start=$(date +%s)
VIRTLINT_TEST_LIBVIRT_WORKER=hang VIRTLINT_TEST_LIBVIRT_TIMEOUT=2 expect_rc 2 "a hang inside libvirt" -- run "$tmp/crash.xml"
[ $(($(date +%s) - start)) -lt 15 ] && pass || fail "the hang was not cut short"
expect_grep "^$tmp/crash.xml: error: libvirt did not answer within 2 s" "$tmp/err" "the hang is an input error"
[ -z "$(ls -A "$cache/libvirt-root/etc/qemu" 2>/dev/null)" ] && pass || fail "the hang left a domain defined"

# killed in the middle of QEMU's probe (a fresh root, a second to answer):
# the probe's directory in the root is removed, its QEMU does not live on
fresh=$tmp/fresh
shm2=/dev/shm/virtlint-$(id -u)-$(printf %s "$fresh/libvirt-root" | sha256sum | cut -c1-16)
VIRTLINT_TEST_LIBVIRT_TIMEOUT=1 "$VL" --no-config --concise --select libvirt-define --libvirt-check --cache-dir "$fresh" "$tmp/crash.xml" >/dev/null 2>"$tmp/probe.err"
ls -d "$fresh"/libvirt-root/lib/qemu/qmp-* >/dev/null 2>&1 && fail "a probe killed midway left its directory" || pass
pgrep -f "$fresh/libvirt-root" >/dev/null && fail "a probe killed midway left QEMU running" || pass
rm -rf "$shm2"

# 9. --no-cache: a temporary root, removed; nothing in the cache directory
sed 's/<name>good</<name>nocache</' "$tmp/good.xml" >"$tmp/nocache.xml"
expect_rc 1 "--no-cache" -- "$VL" --no-config --concise --select libvirt-define --libvirt-check --no-cache --cache-dir "$tmp/nc" "$tmp/nocache.xml" "$tmp/wrongroot.xml"
expect_grep "wrongroot.xml:11:5: error: <[a-z]*>: libvirt .* refuses" "$tmp/out" "--no-cache still checks"
[ ! -e "$tmp/nc" ] && pass || fail "--no-cache wrote to the cache directory"
[ "$(ls -A "$TMPDIR")" = "" ] && pass || fail "--no-cache left its root behind: $(ls "$TMPDIR")"

# 10. two runs at once on one cache: both right, the second on a private root
for i in 1 2; do sed "s/<name>good</<name>par$i</" "$tmp/good.xml" >"$tmp/par$i.xml"; done
run "$tmp/par1.xml" "$tmp/wrongroot.xml" >"$tmp/par1.out" 2>&1 &
p1=$!
run "$tmp/par2.xml" "$tmp/wrongroot2.xml" >"$tmp/par2.out" 2>&1
rc2=$?
wait $p1
rc1=$?
[ $rc1 -eq 1 ] && [ $rc2 -eq 1 ] && pass || fail "concurrent runs: exit $rc1 and $rc2, wanted 1 and 1"
grep -q "wrongroot.xml:11:5: error: <[a-z]*>: libvirt" "$tmp/par1.out" && grep -q "wrongroot2.xml:11:5: error: <[a-z]*>: libvirt" "$tmp/par2.out" && pass || fail "concurrent runs: findings missing"
[ "$(ls -A "$TMPDIR")" = "" ] && pass || fail "a concurrent run left its root behind"
# while the root is busy, a private root starts from its probe results:
# QEMU is not run again to probe it
sed 's/<name>good</<name>busy</' "$tmp/good.xml" >"$tmp/busy.xml"
flock "$cache/libvirt-root/virtlint.lock" strace -f -e trace=execve -o "$tmp/busy.trace" \
    "$VL" --no-config --concise --select libvirt-define --libvirt-check --cache-dir "$cache" "$tmp/busy.xml" "$tmp/wrongroot2.xml" >"$tmp/busy.out" 2>&1
expect_grep "wrongroot2.xml:11:5: error: <[a-z]*>: libvirt" "$tmp/busy.out" "a run on a busy root still checks"
grep -q 'execve("[^"]*qemu-system' "$tmp/busy.trace" && fail "a busy root made the private root probe QEMU again" || pass
[ "$(ls -A "$TMPDIR")" = "" ] && pass || fail "the private root was left behind"

# 11. no QEMU for the domain's architecture: libvirt's test driver answers
if ! ls /usr/bin/qemu-system-aarch64 >/dev/null 2>&1; then
    # QEMU's driver needs the emulator before its checks; the test driver's
    # generic ones find the duplicate target (line 11: the second disk)
    domain arm virt "<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>" \
        "<disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>" |
        sed "s/arch='x86_64'/arch='aarch64'/" >"$tmp/arm.xml"
    expect_rc 1 "no QEMU for aarch64" -- run "$tmp/arm.xml"
    expect_grep "^virtlint: note: a document was checked by libvirt's test driver: there is no QEMU for it here \\(.*aarch64" "$tmp/err" "said on stderr"
    [ "$(grep -c "note: " "$tmp/err")" -eq 1 ] && pass || fail "said more than once"
    expect_grep "arm.xml:11:5: error: <[a-z]*>: libvirt $version refuses this domain \\[libvirt-define\\]$" "$tmp/out" "the finding"
    expect_grep "= note: libvirt $version says: XML error: target 'vda' duplicated for disk sources '/a.img' and '/b.img'$" "$tmp/out" "with libvirt's message"
    expect_grep "= note: checked by libvirt's test driver$" "$tmp/out" "and in a note of the finding"
fi

# no KVM here: a type='kvm' domain is checked as type='qemu', and says so
if [ ! -e /dev/kvm ]; then
    # the virt type is checked before the devices: <iommu> on line 10 is
    # refused only once the domain is type='qemu'
    for n in 1 2; do
        domain "kvm$n" pc "<iommu model='intel'/>" | sed "s/<domain type='qemu'>/<domain type='kvm'>/" >"$tmp/kvm$n.xml"
    done
    sed "s/<domain type='qemu'>/<domain type='kvm'>/;s/<name>good</<name>kvmgood</" "$tmp/good.xml" >"$tmp/kvmgood.xml"
    expect_rc 1 "type='kvm' without KVM" -- run "$tmp/kvmgood.xml" "$tmp/kvm1.xml" "$tmp/kvm2.xml"
    expect_grep "^virtlint: note: a document was checked as type='qemu': this machine has no KVM \\(.*does not support virt type 'kvm'\\)$" "$tmp/err" "said on stderr"
    [ "$(grep -c "note: " "$tmp/err")" -eq 1 ] && pass || fail "said more than once"
    expect_no_grep "kvmgood.xml" "$tmp/out" "accepted as type='qemu'"
    expect_grep "kvm2.xml:10:5: error: <[a-z]*>: libvirt $version refuses this domain \\[libvirt-define\\]$" "$tmp/out" "the refusal of the qemu copy"
    expect_grep "= note: libvirt $version says: unsupported configuration: IOMMU device: 'intel' is only supported with Q35 machines$" "$tmp/out" "with libvirt's message"
    expect_grep "= note: checked as type='qemu': no KVM here$" "$tmp/out" "and the note"
fi

# 12. without libvirt's QEMU driver the test driver answers every document
sed 's/<name>wrongroot</<name>noqemu</' "$tmp/wrongroot.xml" >"$tmp/noqemu.xml"
sed 's/<name>good</<name>noqemu-good</' "$tmp/good.xml" >"$tmp/noqemu-good.xml"
domain dup pc "<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>" \
    "<disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>" >"$tmp/dup.xml"
VIRTLINT_TEST_LIBVIRT_WORKER=no-qemu expect_rc 1 "no QEMU driver" -- run "$tmp/noqemu-good.xml" "$tmp/noqemu.xml" "$tmp/dup.xml"
expect_grep "^virtlint: note: libvirt's QEMU driver is not usable here \(simulated\); libvirt's test driver checks the documents instead$" "$tmp/err" "said on stderr"
[ "$(grep -c "note:" "$tmp/err")" -eq 1 ] && pass || fail "said more than once"
expect_no_grep "noqemu-good.xml" "$tmp/out" "the test driver accepts what QEMU's accepts here"
expect_grep "dup.xml:11:5: error: .*\[libvirt-define\]$" "$tmp/out" "the duplicate is refused"
expect_grep "= note: libvirt .* says: .*duplicated" "$tmp/out" "with libvirt's message"
[ "$(grep -c "= note: checked by libvirt's test driver$" "$tmp/out")" -ge 1 ] && pass || fail "each finding says which driver checked"

# 13. the libvirt 9.8 test suite's refusals this libvirt really refuses:
# a fix whose result libvirt would refuse is withheld with libvirt's words
# (the worker refuses whatever contains the <synic> the fix adds; the
# input itself it defines)
sed "s/<domain type='kvm'/<domain type='qemu'/" corpus/hyperv-dependency/stimer-without-synic.xml >"$tmp/fixme.xml"
cp "$tmp/fixme.xml" "$tmp/fixme.orig"
VIRTLINT_TEST_LIBVIRT_WORKER='refuse:<synic' "$VL" --no-config --no-cache --libvirt-check --fix \
    --select hyperv-dependency,libvirt-define "$tmp/fixme.xml" >"$tmp/out" 2>"$tmp/err"
expect_grep "fix withheld: libvirt [0-9.]+ would refuse the result: simulated refusal" "$tmp/out" \
    "a fix libvirt would refuse is withheld"
cmp -s "$tmp/fixme.xml" "$tmp/fixme.orig" && pass || fail "the withheld fix changed the file"
# ...and without the refusal, the same fix is applied
"$VL" --no-config --no-cache --libvirt-check --fix --select hyperv-dependency,libvirt-define "$tmp/fixme.xml" >"$tmp/out" 2>&1
grep -q "<synic state='on'/>" "$tmp/fixme.xml" && pass || fail "the fix libvirt accepts was not applied"

# how many are located below <domain> (goal: 80%)
if [ ! -f "$CORPUS/EXPECTED_ERRORS.tsv" ]; then
    shared_missing "$CORPUS/EXPECTED_ERRORS.tsv" "locating libvirt's refusals of its test suite"
else
    mkdir -p "$tmp/suite"
    tail -n +2 "$CORPUS/EXPECTED_ERRORS.tsv" | cut -f1 | while read -r f; do
        [ -f "$CORPUS/$f" ] && sed "0,/<domain type='kvm'/s//<domain type='qemu'/" "$CORPUS/$f" >"$tmp/suite/$f"
    done
    "$VL" --no-config --format json --select libvirt-define --libvirt-check --cache-dir "$cache" "$tmp/suite" >"$tmp/suite.json" 2>"$tmp/suite.err"
    grep -v "^virtlint: note:" "$tmp/suite.err" | sed 's/^/  suite: /' | head -5
    python3 - "$tmp/suite.json" >"$tmp/located" <<'EOF'
import json, sys
total = below = 0
for f in json.load(open(sys.argv[1])):
    if f["rule"] != "libvirt-define" or "test driver" in f["message"]:
        continue  # only what the embedded QEMU driver itself refused
    total += 1
    lines = open(f["file"]).read().split("\n")
    domain_line = next(i + 1 for i, l in enumerate(lines) if "<domain" in l)
    below += f["line"] != domain_line
print(total, below)
EOF
    read -r total below <"$tmp/located"
    if [ "${total:-0}" -gt 0 ]; then
        echo "libvirt_check: $below of $total refusals of libvirt's test suite (${CORPUS#"$SHARED"/}) located below <domain> ($((100 * below / total))%)"
        [ $((100 * below)) -ge $((80 * total)) ] && pass || fail "only $below of $total refusals located below <domain> (goal 80%)"
    else
        fail "libvirt refused none of the test suite's documents"
    fi
fi

finish
