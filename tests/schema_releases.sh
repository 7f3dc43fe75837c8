#!/usr/bin/env bash
# The schema of the release a file targets (lint/schema/schema.h): the schemas are
# built into the binary, the default target is the libvirt installed on the
# machine (found from its library's name, without loading it), and a
# finding names the release that judged it.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=schema-releases
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

two=corpus/schema/two-problems.xml   # clusters= (libvirt 10.1+) and a bad memballoon model

# the default target follows the libvirt the dynamic loader would find: a
# libvirt.so.0 linking to a library named for 11.3 first on LD_LIBRARY_PATH
# (never loaded: it is empty)
mkdir -p "$tmp/lib"
: >"$tmp/lib/libvirt.so.0.11003.0"
ln -s libvirt.so.0.11003.0 "$tmp/lib/libvirt.so.0"
LD_LIBRARY_PATH=$tmp/lib "$VL" --version >"$tmp/out" 2>&1
expect_grep "targets libvirt 11\.3\.0 by default" "$tmp/out" "the installed libvirt is the default target"
LD_LIBRARY_PATH=$tmp/lib "$VL" --no-config --no-cache --concise --select schema "$two" >"$tmp/out" 2>&1
expect_grep "<memballoon>: as written, it is not valid in libvirt 11\.3's schema" "$tmp/out" \
    "the default target's schema judges"
expect_no_grep "clusters" "$tmp/out" "clusters= is fine for the installed 11.3"

# an explicit target wins over the installed one
LD_LIBRARY_PATH=$tmp/lib "$VL" --no-config --no-cache --select schema --libvirt-version 9.0 "$two" >"$tmp/out" 2>&1
expect_grep "error: <topology>: attribute clusters= is not in libvirt 9\.0's schema" "$tmp/out" \
    "--libvirt-version 9.0: the error names the target's release"
expect_grep "= note: it is in libvirt 11\.3's schema; this file targets 9\.0" "$tmp/out" "and a note the newer one"
printf '[virtlint]\nlibvirt-version = 10.0\n' >"$tmp/rc"
"$VL" --config "$tmp/rc" --no-cache --select schema "$two" >"$tmp/out" 2>&1
expect_grep "warning: <topology>: attribute clusters= may be newer than libvirt 10\.0" \
    "$tmp/out" ".virtlintrc libvirt-version 10.0: between two releases, a warning"
expect_grep "= note: it is in libvirt 11\.3's schema but not 9\.8's; this file targets 10\.0, between them" \
    "$tmp/out" "whose note names both releases"

# the schemas come from the binary, not from /usr/share/libvirt: no schema
# file is opened (the trace must show the input being opened, or it proves nothing)
if strace -f -e trace=open,openat -o "$tmp/trace" "$VL" --no-config --no-cache --concise --select schema \
    --libvirt-version 9.0 corpus/schema/kvm-hidden-attribute.xml >"$tmp/out" 2>&1; then :; fi
expect_grep "kvm-hidden-attribute\.xml" "$tmp/trace" "strace saw the input opened"
expect_no_grep "\.rng\"" "$tmp/trace" "no schema file is read"
expect_grep "<kvm>: attribute hidden= is not in libvirt 9\.0's schema" "$tmp/out" "embedded 9.0 schema judged"

# verdicts are remembered per release: the same valid file targeting two
# releases is two entries; the same release again adds none
cache=$tmp/cache
entries() { find "$cache/schema-valid" -type f 2>/dev/null | wc -l; }
valid=corpus/schema/valid.xml
"$VL" --no-config --cache-dir "$cache" --select schema --libvirt-version 9.0 "$valid" >/dev/null 2>&1
one=$(entries)
"$VL" --no-config --cache-dir "$cache" --select schema --libvirt-version 9.0 "$valid" >/dev/null 2>&1
again=$(entries)
"$VL" --no-config --cache-dir "$cache" --select schema --libvirt-version 11.3 "$valid" >/dev/null 2>&1
two_releases=$(entries)
[ "$one" -eq 1 ] && [ "$again" -eq 1 ] && [ "$two_releases" -eq 2 ] && pass ||
    fail "verdict cache per release: $one, $again, $two_releases entries (wanted 1, 1, 2)"

# --schema still overrides, and its findings name it
"$VL" --no-config --no-cache --select schema --libvirt-version 12.8 --schema schemas/9.0/domain.rng "$two" >"$tmp/out" 2>&1
expect_grep "<topology>: clusters='1' is not accepted by the --schema file" "$tmp/out" "--schema judges"
expect_grep "= note: judged by the schema schemas/9\.0/domain\.rng" "$tmp/out" "and is named"

finish
