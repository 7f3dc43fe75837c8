#!/usr/bin/env bash
# --show-pinning against saved capabilities of a two-CCD Ryzen 9 5950X and an
# 8-core Intel with one L3 cache: the exact map (golden files), colour on
# and off, floating vCPUs, no host facts.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=pinning
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
d=tests/data/pinning
g=$d/golden

# golden NAME CAPS DOMAIN [OPTIONS...]: the map matches $g/NAME byte for byte
golden() {
    local name=$1 caps=$2 domain=$3
    shift 3
    expect_rc 0 "--show-pinning $name" -- "$VL" --show-pinning "$@" --capabilities "$d/$caps/capabilities.xml" \
        "$d/domains/$domain.xml"
    if cmp -s "$tmp/out" "$g/$name"; then pass; else fail "$name differs from its golden"; diff "$g/$name" "$tmp/out" | head -10; fi
}

golden ryzen-split ryzen-5950x split
golden intel-shared intel-8c shared
golden intel-unpinned intel-8c unpinned
golden ryzen-partial ryzen-5950x partial
golden no-topology-unpinned no-topology unpinned
# colour: always wins over NO_COLOR; never and a pipe (auto) give none
golden intel-shared.color intel-8c shared --color always
NO_COLOR=1 golden intel-shared.color intel-8c shared --color always
golden intel-shared intel-8c shared --color never
expect_rc 0 "auto on a pipe" -- "$VL" --show-pinning --color auto --capabilities $d/intel-8c/capabilities.xml \
    $d/domains/shared.xml
expect_no_grep $'\033' "$tmp/out" "no colour on a pipe"

# the map says what is wrong, and exits 0: it is a picture, not a verdict
expect_grep "CPU  3 !vCPU 3, emulator" "$g/intel-shared" "a CPU pinned twice is marked"
expect_grep "^! 1 host CPU where a vCPU shares its CPU" "$g/intel-shared" "and counted"
# the emulator and an iothread together on housekeeping CPUs: the usual layout, not marked
expect_grep "CPU  0  emulator, iothread 1" "$g/ryzen-split" "housekeeping CPUs shared without a mark"
expect_no_grep "^!" "$g/ryzen-split" "nothing counted as shared"
expect_grep "^vCPUs 0-2: not pinned, float over all host CPUs$" "$g/intel-unpinned" "floating vCPUs"
expect_grep "^emulator: not pinned$" "$g/intel-unpinned" "an unpinned emulator"
expect_no_grep "vCPU [0-9]" <(grep CPU "$g/intel-unpinned" | grep -v '^vCPUs') "nothing pinned: every CPU free"

# two domains: two maps, a blank line between
expect_rc 0 "two domains" -- "$VL" --show-pinning --capabilities $d/intel-8c/capabilities.xml \
    $d/domains/shared.xml $d/domains/unpinned.xml
[ "$(grep -c 'vCPUs on a host' "$tmp/out")" = 2 ] && pass || fail "two maps"
expect_grep "^$" "$tmp/out" "a blank line between maps"

# no host facts: exit 2 (a usage error), with what to give
expect_rc 2 "no host facts" -- env -u LIBVIRT_DEFAULT_URI "$VL" --show-pinning $d/domains/shared.xml
expect_grep "needs the host's CPU topology: give --capabilities FILE" "$tmp/err" "says what is missing"
[ -s "$tmp/out" ] && fail "printed a map without host facts" || pass
echo "<capabilities><host><cpu><arch>x86_64</arch></cpu></host></capabilities>" >"$tmp/nocpus.xml"
expect_rc 2 "capabilities without CPUs" -- "$VL" --show-pinning --capabilities "$tmp/nocpus.xml" $d/domains/shared.xml
expect_grep "this file lists no host CPUs" "$tmp/err" "says the file has no CPUs"
expect_rc 2 "not a domain" -- "$VL" --show-pinning --capabilities $d/intel-8c/capabilities.xml \
    $d/intel-8c/capabilities.xml
expect_rc 2 "with --format json" -- "$VL" --show-pinning --format json --capabilities \
    $d/intel-8c/capabilities.xml $d/domains/shared.xml
expect_grep "excludes" "$tmp/err" "says --show-pinning draws text"

# through a connection: libvirt's test driver (no daemon) gives the domain
# and its host's capabilities; its two vCPUs float over 16 CPUs
expect_rc 0 "--connect test:///default" -- "$VL" --show-pinning --connect test:///default --domain test
expect_grep "^test: 2 vCPUs on a host of 16 CPUs in 16 cores, no L3 cache listed" "$tmp/out" "the test host's CPUs"
expect_grep "socket 1 core 7   CPU 15  free" "$tmp/out" "cores by socket without L3 banks"
expect_grep "^vCPUs 0-1: not pinned, float over all host CPUs" "$tmp/out" "the floating vCPUs"

finish
