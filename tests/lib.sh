# Shared helpers for the shell test scripts: assertions that count, skips,
# and the closing "N passed, N failed" line CI reads.
#
# A check that cannot run here (no libvirtd, not root, a missing tool or
# ../shared) calls skip WHY.  With VIRTLINT_TEST_NO_SKIP=1 (CI: .ci/run
# exports it) a skip is a failure, WHY printed under it, so that CI never
# passes by leaving a check out.
passed=0
failed=0
skipped=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_rc WANT DESCRIPTION -- COMMAND...
expect_rc() {
    local want=$1 what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then pass; else fail "$what: exit $rc, wanted $want"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}

# expect_grep PATTERN FILE DESCRIPTION
expect_grep() {
    if grep -qE -- "$1" "$2"; then pass; else fail "$3: /$1/ not in $(basename "$2")"; sed 's/^/  | /' "$2" | head -5; fi
}

expect_no_grep() {
    if grep -qE -- "$1" "$2"; then fail "$3: /$1/ found in $(basename "$2")"; else pass; fi
}

# skip WHY: this check cannot run here; a failure under VIRTLINT_TEST_NO_SKIP=1
skip() {
    if [ "${VIRTLINT_TEST_NO_SKIP:-}" = 1 ]; then
        fail "a skip, and VIRTLINT_TEST_NO_SKIP=1 forbids skipping:"
        echo "  | $*"
    else
        skipped=$((skipped + 1))
        echo "$suite: SKIP: $*"
    fi
}

# skip_rest WHY: nothing more of this script can run here; skip, then end
# it with the closing line (exit 1 when that skip was a failure)
skip_rest() {
    skip "$@"
    finish
    exit
}

# need_shared DIR: DIR (under ../shared, beside the repository) must exist;
# without it a failure, and nothing more runs, unless
# VIRTLINT_TEST_SKIP_SHARED=1 makes it a skip (still a failure under
# VIRTLINT_TEST_NO_SKIP=1).  tests/snapshot.py and check_registry do the same.
need_shared() {
    [ -d "$1" ] && return 0
    shared_missing "$1"
    finish
    exit
}

# shared_missing PATH [WHAT]: PATH under ../shared is missing, so WHAT is
# not checked: a failure, or a skip with VIRTLINT_TEST_SKIP_SHARED=1
shared_missing() {
    if [ "${VIRTLINT_TEST_SKIP_SHARED:-}" = 1 ]; then
        skip "$1 not found (VIRTLINT_TEST_SKIP_SHARED=1)${2:+: $2 not checked}"
    else
        fail "$1 not found${2:+ ($2 not checked)}: the shared corpus must sit beside the repository (VIRTLINT_SHARED_CORPUS=DIR names another place; VIRTLINT_TEST_SKIP_SHARED=1 skips it)"
    fi
}

finish() {
    local skips=""
    [ "$skipped" -gt 0 ] && skips=", $skipped skipped"
    echo "$suite: $passed passed, $failed failed$skips"
    [ "$failed" -eq 0 ]
}
