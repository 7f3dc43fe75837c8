# Shared helpers for the shell test scripts: assertions that count, and the
# closing "N passed, N failed" line CI reads.
passed=0
failed=0

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

finish() {
    echo "$suite: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
