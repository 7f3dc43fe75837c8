#!/usr/bin/env bash
# Every available fix, unsafe ones too, applied to every XML of libvirt's
# test suite (tests/lib.sh shared_corpus) in one process under valgrind: no
# crash, no leak, every file still well-formed, every file that validated
# against libvirt's schema still validates, and a second pass changes nothing.
set -u
VL=$(realpath "${1:-./virtlint}")
SCHEMA=/usr/share/libvirt/schemas/domain.rng
suite=fix-sweep
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

CORPUS=$(shared_corpus)
need_shared "$CORPUS"
mkdir -p "$tmp/c"
# the shared corpus's 9.8 suite and real-world domains; make corpus's
# download has libvirt 11.3's suite instead
if made_corpus "$CORPUS"; then
    cp -r "$CORPUS"/libvirt-11.3/tests "$tmp/c/"
else
    cp -r "$CORPUS"/libvirt-tests "$CORPUS"/realworld "$tmp/c/"
fi
chmod -R u+w "$tmp/c"
find "$tmp/c" -name '*.xml' | sort >"$tmp/files"

# which files validate before (one xmllint for all: it says "F validates")
xargs -d '\n' xmllint --noout --relaxng "$SCHEMA" <"$tmp/files" 2>&1 | sed -n 's/ validates$//p' >"$tmp/valid"

cp -r "$tmp/c" "$tmp/before"
valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite "$VL" -q --no-cache --fix --unsafe-fixes --show-suggestions "$tmp/c" >"$tmp/out" 2>"$tmp/err"
rc=$?
case $rc in
0 | 1 | 2) pass ;;
*) fail "valgrind --fix over the corpus: exit $rc"; grep '^==' "$tmp/err" | head -30 ;;
esac

changed=0
while read -r f; do
    rel=${f#"$tmp/c/"}
    cmp -s "$f" "$tmp/before/$rel" && continue
    changed=$((changed + 1))
    if ! xmllint --noout "$f" 2>/dev/null; then
        fail "$rel: not well-formed after fixing"
    elif grep -qxF "$f" "$tmp/valid" && ! xmllint --noout --relaxng "$SCHEMA" "$f" 2>/dev/null; then
        fail "$rel: valid before fixing, invalid after"
    else
        pass
    fi
done <"$tmp/files"
echo "fix-sweep: $changed of $(wc -l <"$tmp/files") files changed"
[ "$changed" -gt 0 ] && pass || fail "no file was fixed at all"

"$VL" -q --diff --unsafe-fixes "$tmp/c" >"$tmp/again" 2>/dev/null
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/again" ]; then pass; else fail "a second pass would change files again (exit $rc)"; head -20 "$tmp/again"; fi

finish
