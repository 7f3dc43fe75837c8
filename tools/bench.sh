#!/usr/bin/env bash
# make bench: speed and memory as ratios against references measured in the
# same run (never absolute times in tests).  Prints each figure and whether
# its goal is met.
set -u
VL=$(realpath "${1:-./virtlint}")
CORPUS=${VIRTLINT_SHARED_CORPUS:-../shared/corpus}/libvirt-tests
SCHEMA=/usr/share/libvirt/schemas/domain.rng
RUNS=${BENCH_RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

CPU=$(dirname "$0")/cpu.py
# best-of-RUNS CPU seconds of one invocation, and the peak RSS (KiB)
measure() { "$CPU" "$RUNS" 1 -- "$@"; }
# many small processes: CPU seconds per invocation, best of 3 rounds of N
measure_many() { local n=$1; shift; "$CPU" 3 "$n" -- "$@" | cut -d' ' -f1; }

# Schema verdicts are cached (lint/schema/schemacache.h): comparisons with xmllint,
# which validates everything, run with --no-cache; the cached case is
# measured on its own, with a cache of this run.
export VIRTLINT_CACHE_DIR=$tmp/cache

verdict() { awk -v v="$1" -v goal="$2" 'BEGIN { print (v <= goal ? "met" : "NOT met") }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

files=("$CORPUS"/*.xml)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m); $(date -u +%F)"
echo "corpus: ${#files[@]} files of libvirt's test suite"
echo

# 1. the whole corpus in one process (twice the runs: on a shared virtual
# machine the best of five still varies by a fifth)
read -r vl_all rss_all < <(RUNS=$((RUNS * 2)) measure "$VL" -q --no-config --no-cache "$CORPUS")
read -r xl_rng _ < <(RUNS=$((RUNS * 2)) measure xmllint --noout --relaxng "$SCHEMA" "${files[@]}")
read -r vl_noschema _ < <(RUNS=$((RUNS * 2)) measure "$VL" -q --no-config --no-cache --ignore schema "$CORPUS")
read -r xl_parse _ < <(RUNS=$((RUNS * 2)) measure xmllint --noout "${files[@]}")
r1=$(ratio "$vl_all" "$xl_rng"); r2=$(ratio "$vl_noschema" "$xl_parse")
printf "whole corpus, schema on:  virtlint %ss vs xmllint --relaxng %ss: %sx (goal <= 2x: %s)\n" "$vl_all" "$xl_rng" "$r1" "$(verdict "$r1" 2)"
printf "whole corpus, schema off: virtlint %ss vs xmllint --noout %ss: %sx (goal <= 2x: %s)\n" "$vl_noschema" "$xl_parse" "$r2" "$(verdict "$r2" 2)"
# instructions, which no neighbour on the machine changes (callgrind)
instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        awk '/Collected :/ { print $NF }'
}
if command -v valgrind >/dev/null; then
    vl_ir=$(instructions "$VL" -q --no-config --no-cache --ignore schema "$CORPUS")
    xl_ir=$(instructions xmllint --noout "${files[@]}")
    printf "  the same in instructions (callgrind): virtlint %s vs xmllint --noout %s: %sx\n" \
        "$vl_ir" "$xl_ir" "$(ratio "$vl_ir" "$xl_ir")"
fi
printf "peak RSS, whole corpus: %s KiB (goal < 32768 KiB: %s)\n" "$rss_all" "$(verdict "$rss_all" 32767)"

# 2. one small file per process: the first time (the schema compiled) and
# again (its verdict cached, as in a pre-commit hook or a re-run)
small=examples/win11.xml
xl_one=$(measure_many 50 xmllint --noout "$small")
vl_cold=$(measure_many 50 "$VL" -q --no-config --no-cache "$small")
"$VL" -q --no-config "$small" >/dev/null 2>&1
vl_warm=$(measure_many 50 "$VL" -q --no-config "$small")
vl_one_ns=$(measure_many 50 "$VL" -q --no-config --ignore schema "$small")
r3=$(ratio "$vl_warm" "$xl_one"); r3c=$(ratio "$vl_cold" "$xl_one"); r4=$(ratio "$vl_one_ns" "$xl_one")
printf "one small file per process, verdict cached: virtlint %ss vs a libxml2 parse (xmllint) %ss: %sx (goal <= 2x: %s)\n" "$vl_warm" "$xl_one" "$r3" "$(verdict "$r3" 2)"
printf "  first sight (schema compiled, --no-cache): %ss: %sx (goal <= 2x: %s)\n" "$vl_cold" "$r3c" "$(verdict "$r3c" 2)"
printf "  without the schema rule: %ss: %sx\n" "$vl_one_ns" "$r4"

# 3. --fix of one file (a fresh copy each time, the copy not counted), with
# the suggestions' fixes too (--show-suggestions), as before they were hidden
# by default: the <rng> device below is one of them
fix_cold=$("$CPU" --copy "$small" "$tmp/fix.xml" 3 10 -- "$VL" -q --no-config --show-suggestions --no-cache --fix "$tmp/fix.xml" | cut -d' ' -f1)
cp "$small" "$tmp/fix.xml"; "$VL" -q --no-config --show-suggestions --fix "$tmp/fix.xml" >/dev/null 2>&1
fix_warm=$("$CPU" --copy "$small" "$tmp/fix.xml" 3 20 -- "$VL" -q --no-config --show-suggestions --fix "$tmp/fix.xml" | cut -d' ' -f1)
ms() { awk -v a="$1" 'BEGIN { printf "%.1f", a * 1000 }'; }
# the same file with one problem left: all it fixes, less the <rng> device
cp "$small" "$tmp/fixed.xml"
fixes=$("$VL" -q --no-config --show-suggestions --fix --show-fixes "$tmp/fixed.xml" 2>&1 >/dev/null |
        awk '/: fixed / { rules++; n = $0; sub(/ finding.*/, "", n); sub(/.* \(/, "", n); problems += n } END { printf "%d problems, %d fixers", problems, rules }')
python3 - "$tmp/fixed.xml" "$tmp/one.xml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
one = re.sub(r"\n *<rng model='virtio'>.*?</rng>", "", text, flags=re.S)
assert one != text, "no <rng> device to take out"
open(sys.argv[2], "w").write(one)
PY
cp "$tmp/one.xml" "$tmp/fix1.xml"; "$VL" -q --no-config --show-suggestions --fix "$tmp/fix1.xml" >/dev/null 2>&1
fix_one=$("$CPU" --copy "$tmp/one.xml" "$tmp/fix1.xml" 3 20 -- "$VL" -q --no-config --show-suggestions --fix "$tmp/fix1.xml" | cut -d' ' -f1)
printf -- "--fix of one file (%s: %s), verdicts cached: %s ms of CPU (goal < 10 ms: %s)\n" "$small" "$fixes" "$(ms "$fix_warm")" "$(verdict "$(ms "$fix_warm")" 10)"
printf -- "  first fix of that file (--no-cache): %s ms of CPU (goal < 10 ms: %s)\n" "$(ms "$fix_cold")" "$(verdict "$(ms "$fix_cold")" 10)"
printf -- "  a file with one problem (the fixed file less its <rng>), verdicts cached: %s ms of CPU (goal < 10 ms: %s)\n" "$(ms "$fix_one")" "$(verdict "$(ms "$fix_one")" 10)"

# 4. scaling with the number of devices: CPU per device must stay flat
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
for n in (0, 10, 100, 1000, 10000):
    with open(f"{d}/scale-{n}.xml", "w") as f:
        f.write("<domain type='kvm'>\n  <name>scale</name>\n  <memory unit='GiB'>4</memory>\n  <vcpu>2</vcpu>\n")
        f.write("  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n  <devices>\n")
        for i in range(n):
            f.write(f"    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2' discard='unmap'/>\n"
                    f"      <source file='/var/lib/libvirt/images/d{i}.qcow2'/>\n      <target dev='vd{i}' bus='virtio'/>\n    </disk>\n")
            f.write(f"    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n"
                    f"        <address domain='0x{i // 8192:04x}' bus='0x{(i // 32) % 256:02x}' slot='0x{i % 32:02x}' function='0x0'/>\n"
                    f"      </source>\n    </hostdev>\n")
        f.write("  </devices>\n</domain>\n")
PY
# the cost of a domain without devices (start-up, schema) is taken out
read -r base _ < <(RUNS=3 measure "$VL" -q --no-config --no-cache --os win11 "$tmp/scale-0.xml")
first=""; worst=0
for n in 10 100 1000 10000; do
    read -r cpu _ < <(RUNS=3 measure "$VL" -q --no-config --no-cache --max-file-size 64M --os win11 "$tmp/scale-$n.xml")
    per=$(awk -v c="$cpu" -v b="$base" -v n="$n" 'BEGIN { d = c - b; if (d < 0) d = 0; printf "%.6f", d / (2 * n) }')
    printf "scaling: %5d disks + %5d hostdevs: %ss, %s ms per device\n" "$n" "$n" "$cpu" "$(awk -v p="$per" 'BEGIN { printf "%.3f", p * 1000 }')"
    [ "$n" -ge 1000 ] && { [ -z "$first" ] && first=$per; worst=$(awk -v a="$per" -v b="$worst" 'BEGIN { print (a > b ? a : b) }'); }
done
r5=$(ratio "$worst" "$first")
printf "scaling: per-device time at 10000 devices / at 1000 devices: %sx (goal <= 2x: %s)\n" "$r5" "$(verdict "$r5" 2)"

# 5. --libvirt-check once QEMU is probed: the cost per document of defining
# it in libvirt's embedded QEMU driver (the worker, no cached verdict)
# against `virsh -c qemu:///embed?root=... define` of the same files, one
# virsh per file as a script would run it (undefined again after each).
if [ -e /usr/lib/x86_64-linux-gnu/libvirt.so.0 ] || ldconfig -p 2>/dev/null | grep -q 'libvirt\.so\.0 '; then
    mkdir -p "$tmp/lv"
    n=0
    for f in "${files[@]}"; do
        grep -q "arch='x86_64'" "$f" || continue
        sed "0,/<domain type='kvm'/s//<domain type='qemu'/" "$f" >"$tmp/lv/$(basename "$f")"
        n=$((n + 1)); [ "$n" -ge 100 ] && break
    done
    lvcache=$tmp/lvcache
    "$VL" -q --no-config --select libvirt-define --libvirt-check --cache-dir "$lvcache" "$tmp/lv/$(ls "$tmp/lv" | head -1)" >/dev/null 2>&1
    read -r lv_check lv_plain virsh_each < <(python3 - "$VL" "$tmp/lv" "$lvcache" "$RUNS" <<'PY'
import os, re, shutil, subprocess, sys, time
vl, d, cache, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = sorted(os.path.join(d, f) for f in os.listdir(d))
root = os.path.join(cache, "libvirt-root")
null = subprocess.DEVNULL
def wall(fn):
    best = None
    for _ in range(runs):
        t = time.monotonic(); fn(); t = time.monotonic() - t
        best = t if best is None else min(best, t)
    return best
def check():
    shutil.rmtree(os.path.join(cache, "libvirt-verdicts"), ignore_errors=True)
    subprocess.run([vl, "-q", "--no-config", "--select", "libvirt-define", "--libvirt-check", "--cache-dir", cache] + files, stdout=null, stderr=null)
def plain():
    subprocess.run([vl, "-q", "--no-config", "--select", "libvirt-define", "--cache-dir", cache] + files, stdout=null, stderr=null)
uri = f"qemu:///embed?root={root}"
def virsh():
    # only the define is timed; the undefine that makes room for the next
    # file (most are named QEMUGuest1) is not
    spent = 0.0
    for f in files:
        t = time.monotonic()
        r = subprocess.run(["virsh", "-c", uri, "define", f], capture_output=True, text=True)
        spent += time.monotonic() - t
        m = re.search(r"Domain '(.*)' defined", r.stdout)
        if m:
            subprocess.run(["virsh", "-c", uri, "undefine", "--nvram", m.group(1)], stdout=null, stderr=null)
    return spent
c, p = wall(check), wall(plain)
v = min(virsh() for _ in range(min(runs, 2)))
n = len(files)
print(f"{(c - p) / n * 1000:.2f} {p / n * 1000:.3f} {v / n * 1000:.1f}")
PY
)
    printf -- "--libvirt-check after the first probe, %d documents, no cached verdict: %s ms per document more than without it (goal <= 10 ms: %s)\n" \
        "$n" "$lv_check" "$(verdict "$lv_check" 10)"
    printf -- "  virsh -c 'qemu:///embed?root=...' define of the same files, one virsh per file: %s ms per document (%sx virtlint's)\n" \
        "$virsh_each" "$(ratio "$virsh_each" "$lv_check")"
    # the root keeps its definitions on /dev/shm (lint/host/libvirtcheck.c)
    rm -rf "/dev/shm/virtlint-$(id -u)-$(printf %s "$lvcache/libvirt-root" | sha256sum | cut -c1-16)"
else
    echo "--libvirt-check: not measured (libvirt cannot be loaded here)"
fi

# 6. the language server (virtlint --lsp): diagnostics after each change of a
# 300-line domain, median; over 30 ms fails make bench
status=0
"$(dirname "$0")/lsp_bench.py" "$VL" || status=1
exit $status
