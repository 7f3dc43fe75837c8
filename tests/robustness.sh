#!/usr/bin/env bash
# Every XML of libvirt's test suite (the shared corpus, or make corpus's
# download: tests/lib.sh shared_corpus) is linted without a crash, a leak or an
# exit code other than 0, 1 or 2: once per file (exit codes, stderr only on
# input errors), then all of them in one process under valgrind memcheck.
set -u
VL=${1:-./virtlint}
suite=robustness
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

CORPUS=$(shared_corpus)
need_shared "$CORPUS"

count=0
while IFS= read -r -d '' f; do
    count=$((count + 1))
    "$VL" -q "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    case $rc in
    0 | 1)
        if [ -s "$tmp/err" ]; then fail "$f: exit $rc with stderr: $(head -1 "$tmp/err")"; else pass; fi
        ;;
    2)
        if grep -q "error:" "$tmp/err"; then pass; else fail "$f: exit 2 without an error message"; fi
        ;;
    *) fail "$f: exit $rc (crash?)" ;;
    esac
done < <(find "$CORPUS" -name '*.xml' -print0 | sort -z)
echo "robustness: linted $count files one per process"

if command -v valgrind >/dev/null; then
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite "$VL" --no-cache --format json "$CORPUS" >"$tmp/all.json" 2>"$tmp/vg"
    rc=$?
    case $rc in
    0 | 1 | 2) pass ;;
    *) fail "valgrind over the whole corpus: exit $rc"; grep '^==' "$tmp/vg" | head -30 ;;
    esac
    if python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d) > 100, len(d)' "$tmp/all.json"; then
        pass
    else
        fail "the whole corpus in one process gives one valid JSON array"
    fi
else
    fail "valgrind is not installed"
fi

finish
