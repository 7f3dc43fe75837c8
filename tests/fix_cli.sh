#!/usr/bin/env bash
# --fix, --diff, --unsafe-fixes and --show-fixes from the command line:
# in-place writes (mode, symlinks, CRLF, read-only files), diffs that git
# apply and patch accept, stdin, exit codes, and JSON fix objects.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=fix-cli
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

case_file=tests/data/fix-cli/rom-bar.xml
golden=$case_file.fixed

# --diff: writes nothing, exits 1, and the patch applies
mkdir -p "$tmp/repo/$(dirname "$case_file")"
cp "$case_file" "$tmp/repo/$case_file"
( cd "$tmp/repo" && git init -q . && git add . && git -c user.email=t@t -c user.name=t commit -qm base )
( cd "$tmp/repo" && "$VL" --diff --select hostdev-rom-bar "$case_file" >"$tmp/patch" 2>"$tmp/err" ); rc=$?
if [ $rc -eq 1 ]; then pass; else fail "--diff exit $rc, wanted 1"; fi
cmp -s "$case_file" "$tmp/repo/$case_file" && pass || fail "--diff must not write"
expect_grep "^--- a/$case_file$" "$tmp/patch" "diff header a/"
expect_grep "^\+\+\+ b/$case_file$" "$tmp/patch" "diff header b/"
( cd "$tmp/repo" && git apply --check "$tmp/patch" ) && pass || fail "git apply rejects the diff"
( cd "$tmp/repo" && patch -p1 -s <"$tmp/patch" ) && pass || fail "patch -p1 rejects the diff"
cmp -s "$tmp/repo/$case_file" "$golden" && pass || fail "patched file differs from the golden output"
expect_rc 0 "--diff on a fixed file finds nothing" -- "$VL" --diff --select hostdev-rom-bar "$golden"

# --fix in place keeps the mode and is idempotent
cp "$case_file" "$tmp/a.xml" && chmod 640 "$tmp/a.xml"
expect_rc 0 "--fix leaves no warning behind (info only)" -- "$VL" --fix --select hostdev-rom-bar --show-fixes "$tmp/a.xml"
cmp -s "$tmp/a.xml" "$golden" && pass || fail "--fix result differs from the golden output"
expect_grep "fixed hostdev-rom-bar \(3 findings\)" "$tmp/err" "--show-fixes lists the fix"
expect_grep "^Fixed 3 problems in 1 file\.$" "$tmp/out" "summary counts fixed findings"
[ "$(stat -c %a "$tmp/a.xml")" = 640 ] && pass || fail "mode not kept: $(stat -c %a "$tmp/a.xml")"
cp "$tmp/a.xml" "$tmp/a.before"
expect_rc 0 "second --fix" -- "$VL" --fix --select hostdev-rom-bar "$tmp/a.xml"
cmp -s "$tmp/a.xml" "$tmp/a.before" && pass || fail "a second --fix changed the file"
ls -A "$tmp" | grep -q '^\.virtlint-' && fail "temporary file left behind" || pass

# exit code after --fix: findings that remain count
cp examples/win11.xml "$tmp/b.xml"
expect_rc 1 "--fix exits 1 when warnings remain" -- "$VL" --fix "$tmp/b.xml"
expect_grep "\[cpu-socket-limit\]" "$tmp/out" "remaining findings are reported"

# symlinks are followed, the link stays a link
mkdir -p "$tmp/real" && cp "$case_file" "$tmp/real/c.xml" && ln -s real/c.xml "$tmp/link.xml"
expect_rc 0 "--fix through a symlink" -- "$VL" --fix --select hostdev-rom-bar "$tmp/link.xml"
[ -L "$tmp/link.xml" ] && pass || fail "the symlink was replaced by a file"
cmp -s "$tmp/real/c.xml" "$golden" && pass || fail "the symlink's target was not fixed"

# a read-only file is left untouched, exit 2
cp "$case_file" "$tmp/ro.xml" && chmod 444 "$tmp/ro.xml"
expect_rc 2 "read-only file" -- "$VL" --fix "$tmp/ro.xml"
expect_grep "ro.xml: error: .*read-only, left unchanged" "$tmp/err" "read-only message"
cmp -s "$tmp/ro.xml" "$case_file" && pass || fail "read-only file was modified"

# CRLF line ends are kept
sed 's/$/\r/' "$case_file" >"$tmp/crlf.xml"
expect_rc 0 "--fix on a CRLF file" -- "$VL" --fix --select hostdev-rom-bar "$tmp/crlf.xml"
sed 's/$/\r/' "$golden" | cmp -s - "$tmp/crlf.xml" && pass || fail "CRLF file not fixed with CRLF kept"

# stdin: the fixed document goes to stdout, findings to stderr
expect_rc 0 "--fix on stdin" -- bash -c "\"$VL\" --fix --select hostdev-rom-bar - < $case_file"
cmp -s "$tmp/out" "$golden" && pass || fail "stdin --fix did not write the fixed document to stdout"
expect_grep "^No problems left found in 1 file\.$" "$tmp/err" "stdin --fix reports on stderr"

# JSON carries the fix with its edits
expect_rc 1 "json with fixes" -- "$VL" --format json --select hostdev-rom-bar "$case_file"
if python3 - "$tmp/out" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))
assert len(findings) == 3, findings
for f in findings:
    fix = f["fix"]
    assert fix["applicability"] == "safe" and fix["description"], fix
    assert fix["edits"], fix
    for e in fix["edits"]:
        assert set(e) == {"content", "location", "end_location"}, e
        assert e["location"]["line"] >= 1 and e["location"]["column"] >= 1
PY
then pass; else fail "json fix objects have applicability, description and edits"; fi

# a comment inside an element whose text a fix changes stays
# (not in the case's intent comments, which quote the element)
sed "/^ *<!--/!s|<currentMemory unit='GiB'>12</currentMemory>|<currentMemory unit='GiB'>12<!-- lowered by hand --></currentMemory>|" \
    corpus/memory-current-without-balloon/fix-balloon-none.xml >"$tmp/cm.xml"
grep -q "lowered by hand" "$tmp/cm.xml" && pass || fail "the comment case was not made"
expect_rc 0 "fix beside a comment" -- "$VL" --no-config --fix --select memory-current-without-balloon "$tmp/cm.xml"
expect_grep "<currentMemory unit='GiB'>16<!-- lowered by hand --></currentMemory>" "$tmp/cm.xml" \
    "the fix changed the text and kept the comment inside <currentMemory>"

# a file in ISO-8859-1 stays in it: its bytes outside ASCII are untouched
latin1() {
    printf "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
    sed "s|</name>|</name>\n  <description>caf\xe9 \xb5s</description>|" "$1"
}
latin1 "$case_file" >"$tmp/latin1.xml"
latin1 "$golden" >"$tmp/latin1.golden"
expect_rc 0 "--fix on an ISO-8859-1 file" -- "$VL" --no-config --fix --select hostdev-rom-bar "$tmp/latin1.xml"
cmp -s "$tmp/latin1.xml" "$tmp/latin1.golden" && pass || fail "the ISO-8859-1 file was not fixed as its golden"
LC_ALL=C grep -q "caf$(printf '\xe9') $(printf '\xb5')s" "$tmp/latin1.xml" && pass || fail "ISO-8859-1 bytes changed"
iconv -f UTF-8 -t UTF-8 "$tmp/latin1.xml" >/dev/null 2>&1 && fail "the ISO-8859-1 file became valid UTF-8" || pass

# each finding carries only the edits of its own fix, in JSON and SARIF:
# three <rom> findings, each edit on its finding's line
expect_rc 1 "json, three findings" -- "$VL" --no-config --format json --select hostdev-rom-bar "$case_file"
if python3 - "$tmp/out" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))
assert len(findings) == 3, findings
for f in findings:
    lines = {e["location"]["line"] for e in f["fix"]["edits"]}
    assert lines == {f["line"]}, (f["line"], f["fix"]["edits"])
PY
then pass; else fail "a JSON finding carries edits of other findings"; fi
expect_rc 1 "sarif, three findings" -- "$VL" --no-config --format sarif --select hostdev-rom-bar "$case_file"
if python3 - "$tmp/out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(results) == 3, len(results)
for r in results:
    line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
    reps = [rep for fix in r["fixes"] for ch in fix["artifactChanges"] for rep in ch["replacements"]]
    assert reps and {rep["deletedRegion"]["startLine"] for rep in reps} == {line}, (line, reps)
PY
then pass; else fail "a SARIF result carries edits of other results"; fi

# a fix whose result would not validate is withheld, and the finding says so
cp corpus/disk-discard-granularity/virtio-unmap.xml "$tmp/w.xml"
# (libvirt 9.0's schema judging a fix written for 9.8: the result does not validate)
expect_rc 1 "withheld fix" -- "$VL" --fix --libvirt-version 9.8 --schema schemas/9.0/domain.rng --select disk-discard-granularity "$tmp/w.xml"
expect_grep "fix withheld: the result would not validate against libvirt's schema" "$tmp/out" "the finding says the fix was withheld"
expect_no_grep "fixable with --fix" "$tmp/out" "a withheld fix is not counted as fixable"
cmp -s "$tmp/w.xml" corpus/disk-discard-granularity/virtio-unmap.xml && pass || fail "withheld fix wrote the file"

# a write that fails (file-size limit: like a full disk) leaves the original, exit 2
cp examples/win11.xml "$tmp/big.xml"
expect_rc 2 "write fails under a file-size limit" -- bash -c "ulimit -f 1; exec \"$VL\" --fix \"$tmp/big.xml\""
expect_grep "big.xml: error: .*cannot write, left unchanged" "$tmp/err" "write failure message"
cmp -s "$tmp/big.xml" examples/win11.xml && pass || fail "the original was changed by a failed write"
ls -A "$tmp" | grep -q '^\.virtlint-' && fail "temporary file left behind after a failed write" || pass

# --fix and --diff exclude each other
expect_rc 2 "--fix --diff" -- "$VL" --fix --diff "$case_file"

finish
