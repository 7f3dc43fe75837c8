# Shared helpers for the shell test scripts: assertions that count, skips,
# and the closing "N passed, N failed" line CI reads.
#
# A check that cannot run here (no libvirtd, not root, a missing tool or
# corpus) calls skip WHY.  With VIRTLINT_TEST_NO_SKIP=1 (CI: .ci/run
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

# Where libvirt's test suite is (the tests that lint it call this first):
# VIRTLINT_SHARED_CORPUS if set, else the project's shared corpus beside
# the repository (../shared/corpus), else what `make corpus` downloaded
# (VIRTLINT_MADE_CORPUS, which the Makefile sets to $(B)/corpus).  Prints
# the directory, which may not exist.
shared_corpus() {
    if [ -n "${VIRTLINT_SHARED_CORPUS:-}" ]; then
        echo "$VIRTLINT_SHARED_CORPUS"
    elif [ ! -d ../shared/corpus ] && [ -f "${VIRTLINT_MADE_CORPUS:-build/corpus}/.virtlint-made-corpus" ]; then
        echo "${VIRTLINT_MADE_CORPUS:-build/corpus}"
    else
        echo ../shared/corpus
    fi
}

# made_corpus DIR: DIR is `make corpus`'s download (libvirt 11.3's suite
# only), not the shared corpus
made_corpus() { [ -f "$1/.virtlint-made-corpus" ]; }

# need_shared DIR: DIR (a corpus from shared_corpus) must exist; without it
# the rest of the script is skipped with one line saying how to get it
# (a failure under VIRTLINT_TEST_NO_SKIP=1, as in CI, which has it).
need_shared() {
    [ -d "$1" ] && return 0
    shared_missing "$1"
    finish
    exit
}

# shared_missing PATH [WHAT]: PATH of the corpus is missing, so WHAT is not
# checked: a skip, with how to get it
shared_missing() {
    skip "$1 not found${2:+: $2 not checked}; 'make corpus' downloads libvirt's test suite into the build tree"
}

finish() {
    local skips=""
    [ "$skipped" -gt 0 ] && skips=", $skipped skipped"
    echo "$suite: $passed passed, $failed failed$skips"
    [ "$failed" -eq 0 ]
}
