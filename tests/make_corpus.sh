#!/usr/bin/env bash
# make corpus (tools/make-corpus.py): a tarball whose SHA-256 is not the
# expected one is refused and nothing is made; the real download from the
# Debian mirror gives, file for file, the libvirt-11.3 part of the shared
# corpus, marked as make corpus's own.
set -u
suite=make-corpus
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/tests/lib.sh"
cd "$here" || exit 1

before=$(git status --porcelain --ignored 2>/dev/null)

# a mirror that serves the wrong file
mkdir -p "$tmp/mirror/pool/main/libv/libvirt"
echo "not libvirt" >"$tmp/mirror/pool/main/libv/libvirt/libvirt_11.3.0.orig.tar.xz"
VIRTLINT_DEBIAN_MIRROR="file://$tmp/mirror" expect_rc 1 "a tarball with another SHA-256" -- \
    tools/make-corpus.py "$tmp/bad"
cat "$tmp/out" >>"$tmp/err"
expect_grep "SHA-?256|[Hh]ash" "$tmp/err" "the checksum is what is refused"
[ ! -e "$tmp/bad/.virtlint-made-corpus" ] && [ ! -e "$tmp/bad/libvirt-11.3" ] && pass ||
    fail "a refused download left a corpus behind"

# the real one (about 10 MB from the mirror apt uses)
tools/make-corpus.py "$tmp/made" >"$tmp/log" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -qE "could not download" "$tmp/log"; then
    skip_rest "the Debian mirror is not reachable: $(grep -m1 -E '^(E|Err):' "$tmp/log" || tail -1 "$tmp/log")"
fi
[ $rc -eq 0 ] && pass || { fail "make-corpus.py: exit $rc"; tail -5 "$tmp/log"; }
made_corpus "$tmp/made" && pass || fail "the download is not marked as make corpus's"
n=$(find "$tmp/made/libvirt-11.3/tests" -name '*.xml' | wc -l)
[ "$n" -gt 1000 ] && pass || fail "only $n domains extracted"
[ -f "$tmp/made/libvirt-11.3/schemas/domain.rng" ] && pass || fail "no domain.rng extracted"
expect_grep "^file	err_file	libvirt_error$" "$tmp/made/libvirt-11.3/tests/EXPECTED_ERRORS.tsv" "expected errors listed"
# nothing written into the source tree
[ "$(git status --porcelain --ignored 2>/dev/null)" = "$before" ] && pass || fail "the source tree changed"

shared=${VIRTLINT_SHARED_CORPUS:-../shared/corpus}/libvirt-11.3
if [ -d "$shared" ] && ! made_corpus "$shared/.."; then
    for part in tests schemas; do
        diff -r "$shared/$part" "$tmp/made/libvirt-11.3/$part" >"$tmp/diff" && pass ||
            { fail "$part differs from the shared corpus's"; head -5 "$tmp/diff"; }
    done
else
    skip "$shared not found: the download is not compared with the shared corpus"
fi

finish
