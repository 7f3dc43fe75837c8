#!/usr/bin/env bash
# The schema verdict cache (lint/schema/schemacache.h): a document validated once
# is not validated (nor the schema compiled) again; only "valid" is kept;
# a changed document or schema is validated afresh; the cache can be moved
# or turned off, and a cache that cannot be written costs nothing but time.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=cache
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
unset VIRTLINT_CACHE_DIR

SCHEMAS=/usr/share/libvirt/schemas
entries() { find "$1/schema-valid" -type f 2>/dev/null | wc -l; }

# a private copy of libvirt's schemas, to change under the cache's feet
cp -r "$SCHEMAS" "$tmp/schemas"
schema=$tmp/schemas/domain.rng
valid=examples/win11.xml
invalid=corpus/schema/kvm-hidden-attribute.xml

# 1. first sight: validated, remembered; the output is what --no-cache gives
"$VL" --no-config --concise --no-cache --schema "$schema" "$valid" >"$tmp/nocache.out" 2>"$tmp/nocache.err"
expect_rc 1 "valid file, cold cache" -- "$VL" --no-config --concise --cache-dir "$tmp/c1" --schema "$schema" "$valid"
cp "$tmp/out" "$tmp/cold.out"
[ "$(entries "$tmp/c1")" -eq 1 ] && pass || fail "one verdict after one valid file (found $(entries "$tmp/c1"))"
expect_grep "^Signature: 8a477f597d28d172789f06886806bc55" "$tmp/c1/CACHEDIR.TAG" "the cache is tagged for backup tools"
[ "$(stat -c %a "$tmp/c1/schema-valid")" = 700 ] && pass || fail "the cache directory is private (mode $(stat -c %a "$tmp/c1/schema-valid"))"
cmp -s "$tmp/cold.out" "$tmp/nocache.out" && pass || fail "cold cache and --no-cache print different findings"

# 2. second sight: the schema is not even read, the findings are the same
strace -f -e trace=open,openat -o "$tmp/trace" "$VL" --no-config --concise --cache-dir "$tmp/c1" --schema "$schema" "$valid" >"$tmp/warm.out" 2>/dev/null
# (the trace must show the input being opened, or it proves nothing)
if ! grep -qF -- "$(basename "$valid")" "$tmp/trace" 2>/dev/null; then
    fail "strace did not trace the open of the input: cannot check the schema was not read"
else
    grep -q "domain.rng" "$tmp/trace" && fail "warm cache: the schema was opened again" || pass
fi
cmp -s "$tmp/warm.out" "$tmp/nocache.out" && pass || fail "warm cache prints different findings"

# 3. an invalid document is never remembered, and always reported
for _ in 1 2; do
    expect_rc 1 "invalid file" -- "$VL" --no-config --concise --select schema --cache-dir "$tmp/c1" --schema "$schema" "$invalid"
    expect_grep "\[schema\]" "$tmp/out" "invalid file reported (run $_)"
done
[ "$(entries "$tmp/c1")" -eq 1 ] && pass || fail "an invalid file left a verdict"

# 4. a document changed by one byte is validated afresh
sed 's/<name>win11<\/name>/<name>win12<\/name>/' "$valid" >"$tmp/changed.xml"
strace -f -e trace=open,openat -o "$tmp/trace" "$VL" --no-config -q --cache-dir "$tmp/c1" --schema "$schema" "$tmp/changed.xml" >/dev/null 2>&1
grep -q "domain.rng" "$tmp/trace" && pass || fail "a changed document was not validated"
[ "$(entries "$tmp/c1")" -eq 2 ] && pass || fail "the changed document's verdict was not kept"

# 5. a changed schema (a libvirt upgrade) forgets the old verdicts, even
# when only a file domain.rng includes changed
touch -d '1 hour ago' "$tmp/schemas/basictypes.rng"
strace -f -e trace=open,openat -o "$tmp/trace" "$VL" --no-config -q --cache-dir "$tmp/c1" --schema "$schema" "$valid" >/dev/null 2>&1
grep -q "domain.rng" "$tmp/trace" && pass || fail "a changed schema did not invalidate the verdict"
[ "$(entries "$tmp/c1")" -eq 3 ] && pass || fail "the verdict against the changed schema was not kept"

# 6. VIRTLINT_CACHE_DIR, and --cache-dir over it
VIRTLINT_CACHE_DIR=$tmp/env "$VL" --no-config -q "$valid" >/dev/null 2>&1
[ "$(entries "$tmp/env")" -eq 1 ] && pass || fail "VIRTLINT_CACHE_DIR not used"
VIRTLINT_CACHE_DIR=$tmp/env "$VL" --no-config -q --cache-dir "$tmp/c2" "$valid" >/dev/null 2>&1
[ "$(entries "$tmp/c2")" -eq 1 ] && pass || fail "--cache-dir does not win over VIRTLINT_CACHE_DIR"

# 7. --no-cache writes nothing anywhere
HOME=$tmp/home XDG_CACHE_HOME= "$VL" --no-config -q --no-cache "$valid" >/dev/null 2>&1
[ ! -e "$tmp/home/.cache/virtlint" ] && pass || fail "--no-cache wrote a cache"
HOME=$tmp/home XDG_CACHE_HOME= "$VL" --no-config -q "$valid" >/dev/null 2>&1
[ "$(entries "$tmp/home/.cache/virtlint")" -eq 1 ] && pass || fail "the default cache is not ~/.cache/virtlint"

# 8. a cache that cannot be written: same findings, no complaint
touch "$tmp/blocked"
expect_rc 1 "unwritable cache" -- "$VL" --no-config --concise --cache-dir "$tmp/blocked/sub" "$valid"
cmp -s "$tmp/out" "$tmp/nocache.out" && pass || fail "an unwritable cache changed the output"
cmp -s "$tmp/err" "$tmp/nocache.err" && pass || { fail "an unwritable cache printed something on stderr"; head -3 "$tmp/err"; }

# 9. the schema is compiled only when needed, so a chosen schema that does
# not compile is found then: still exit 2, with the reason
printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>\n' >"$tmp/broken.rng"
expect_rc 2 "a --schema that does not compile" -- "$VL" --no-config --no-cache --schema "$tmp/broken.rng" "$valid"
expect_grep "error: cannot compile schema $tmp/broken.rng" "$tmp/err" "the broken schema is named"

finish
