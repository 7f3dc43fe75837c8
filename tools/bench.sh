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

# best-of-RUNS user+system CPU seconds, and the peak RSS (KiB) of that run
measure() {
    local best="" rss=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%U %S %M" -o "$tmp/t" "$@" >/dev/null 2>&1
        read -r u s m < <(tail -1 "$tmp/t")
        local cpu
        cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.4f", u + s }')
        if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$cpu; rss=$m; fi
    done
    echo "$best $rss"
}

# many small processes: total CPU of N runs of one command, best of 3
measure_many() {
    local n=$1; shift
    local best=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%U %S" -o "$tmp/t" bash -c 'for i in $(seq '"$n"'); do "$@" >/dev/null 2>&1; done' _ "$@"
        read -r u s < <(tail -1 "$tmp/t")
        local cpu
        cpu=$(awk -v u="$u" -v s="$s" -v n="$n" 'BEGIN { printf "%.5f", (u + s) / n }')
        if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$cpu; fi
    done
    echo "$best"
}

verdict() { awk -v v="$1" -v goal="$2" 'BEGIN { print (v <= goal ? "met" : "NOT met") }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

files=("$CORPUS"/*.xml)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m); $(date -u +%F)"
echo "corpus: ${#files[@]} files of libvirt's test suite"
echo

# 1. the whole corpus in one process
read -r vl_all rss_all < <(measure "$VL" -q --no-config "$CORPUS")
read -r xl_rng _ < <(measure xmllint --noout --relaxng "$SCHEMA" "${files[@]}")
read -r vl_noschema _ < <(measure "$VL" -q --no-config --ignore schema "$CORPUS")
read -r xl_parse _ < <(measure xmllint --noout "${files[@]}")
r1=$(ratio "$vl_all" "$xl_rng"); r2=$(ratio "$vl_noschema" "$xl_parse")
printf "whole corpus, schema on:  virtlint %ss vs xmllint --relaxng %ss: %sx (goal <= 2x: %s)\n" "$vl_all" "$xl_rng" "$r1" "$(verdict "$r1" 2)"
printf "whole corpus, schema off: virtlint %ss vs xmllint --noout %ss: %sx (goal <= 2x: %s)\n" "$vl_noschema" "$xl_parse" "$r2" "$(verdict "$r2" 2)"
printf "peak RSS, whole corpus: %s KiB (goal < 32768 KiB: %s)\n" "$rss_all" "$(verdict "$rss_all" 32767)"

# 2. one small file per process
small=examples/win11.xml
vl_one=$(measure_many 50 "$VL" -q --no-config "$small")
vl_one_ns=$(measure_many 50 "$VL" -q --no-config --ignore schema "$small")
xl_one=$(measure_many 50 xmllint --noout "$small")
r3=$(ratio "$vl_one" "$xl_one"); r4=$(ratio "$vl_one_ns" "$xl_one")
printf "one small file per process: virtlint %ss vs a libxml2 parse (xmllint) %ss: %sx (goal <= 2x: %s)\n" "$vl_one" "$xl_one" "$r3" "$(verdict "$r3" 2)"
printf "  the same without the schema rule: %ss: %sx\n" "$vl_one_ns" "$r4"

# 3. --fix of one file
cp "$small" "$tmp/fix.xml"
fix_cpu=$(measure_many 20 bash -c 'cp "$1" "$2" && "$3" -q --no-config --fix "$2"' _ "$small" "$tmp/fix.xml" "$VL")
cp_cpu=$(measure_many 20 cp "$small" "$tmp/fix.xml")
fix_ms=$(awk -v a="$fix_cpu" -v b="$cp_cpu" 'BEGIN { printf "%.1f", (a - b) * 1000 }')
printf -- "--fix of one file: %s ms of CPU (goal < 10 ms: %s)\n" "$fix_ms" "$(verdict "$fix_ms" 10)"

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
read -r base _ < <(RUNS=3 measure "$VL" -q --no-config --os win11 "$tmp/scale-0.xml")
first=""; worst=0
for n in 10 100 1000 10000; do
    read -r cpu _ < <(RUNS=3 measure "$VL" -q --no-config --max-file-size 64M --os win11 "$tmp/scale-$n.xml")
    per=$(awk -v c="$cpu" -v b="$base" -v n="$n" 'BEGIN { d = c - b; if (d < 0) d = 0; printf "%.6f", d / (2 * n) }')
    printf "scaling: %5d disks + %5d hostdevs: %ss, %s ms per device\n" "$n" "$n" "$cpu" "$(awk -v p="$per" 'BEGIN { printf "%.3f", p * 1000 }')"
    [ "$n" -ge 1000 ] && { [ -z "$first" ] && first=$per; worst=$(awk -v a="$per" -v b="$worst" 'BEGIN { print (a > b ? a : b) }'); }
done
r5=$(ratio "$worst" "$first")
printf "scaling: per-device time at 10000 devices / at 1000 devices: %sx (goal <= 2x: %s)\n" "$r5" "$(verdict "$r5" 2)"
