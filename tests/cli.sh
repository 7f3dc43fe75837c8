#!/usr/bin/env bash
# Command-line behaviour: exit codes, output formats, options, stdin.
set -u
VL=${1:-./virtlint}
suite=cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

clean=corpus/whole/win11-desktop-tuned.xml      # one suggestion only: its limits on snapshots
bad=examples/win11.xml                           # errors and warnings
# the rules of 0.1 that fire on $bad: counts below are about these
core=uefi-snapshot,hyperv-dependency,cpu-socket-limit,disk-discard-granularity,virtiofs-shared-memory

expect_rc 0 "info only is below the default --fail-on" -- "$VL" "$clean"
expect_no_grep "domain-limitations" "$tmp/out" "suggestions (info) are not shown by default"
expect_grep "^No problems found in 1 file, and 1 suggestion: --show-suggestions\.$" "$tmp/out" "summary line counts hidden suggestions"
expect_rc 0 "--show-suggestions" -- "$VL" --show-suggestions "$clean"
expect_grep "^corpus/whole/win11-desktop-tuned.xml:4:1: info: <domain>: 2 limits on snapshots, save or migration, listed in the notes \[domain-limitations\]$" "$tmp/out" "consequences are one finding on <domain>, the text line ends with the rule id"
expect_grep "^  = note: line [0-9]+: .*\[uefi-snapshot\]" "$tmp/out" "each consequence is a note naming its line and rule"
expect_grep "^No problems found and 1 suggestion in 1 file\.$" "$tmp/out" "summary line with suggestions shown"
expect_rc 0 "--ignore domain-limitations" -- "$VL" --concise --show-suggestions --ignore domain-limitations "$clean"
expect_grep "\[uefi-snapshot\]$" "$tmp/out" "without domain-limitations each consequence is its own finding"
expect_rc 0 "--format json hides suggestions too" -- "$VL" --format json "$clean"
expect_grep "^\[\]$" "$tmp/out" "no suggestion in JSON by default"
expect_rc 0 "--ignore info" -- "$VL" --show-suggestions --ignore info "$clean"
expect_grep "^No problems found in 1 file\.$" "$tmp/out" "--ignore info drops suggestions, counted nowhere"
expect_rc 1 "--select error" -- "$VL" --concise --select error "$bad"
expect_no_grep ": (warning|info): " "$tmp/out" "--select error reports errors only"
expect_grep ": error: " "$tmp/out" "--select error keeps the errors"
expect_rc 0 "--select warning --select uefi-snapshot: a rule and a severity" -- "$VL" --concise --select warning,uefi-snapshot "$bad"
expect_no_grep "uefi-snapshot|: error: " "$tmp/out" "only uefi-snapshot's warnings, and it has none"
expect_rc 1 "info counts with --fail-on info" -- "$VL" --fail-on info "$clean"
expect_rc 1 "errors fail by default" -- "$VL" "$bad"
expect_grep "^examples/win11.xml:22:7: error: \[\*\] <synic>: Hyper-V enlightenment on but <vpindex> is not" "$tmp/out" "path:line:col: severity: [*] message (fixable)"
expect_grep "^\[\*\] [0-9]+ fixable with --fix\.$" "$tmp/out" "summary counts fixable findings"
expect_grep "more fixable with --fix --unsafe-fixes" "$tmp/out" "summary mentions unsafe fixes"
expect_rc 0 "--fail-on error ignores warnings" -- "$VL" --fail-on error --select "$core" --ignore hyperv-dependency,virtiofs-shared-memory "$bad"
expect_rc 1 "--fail-on error still fails on errors" -- "$VL" --fail-on error "$bad"
expect_rc 0 "--select a rule" -- "$VL" --show-suggestions --select uefi-snapshot "$bad"
expect_grep "No problems found and 1 suggestion in 1 file" "$tmp/out" "--select uefi-snapshot keeps one finding"
expect_rc 1 "--select a category" -- "$VL" --concise --select hyperv "$bad"
expect_no_grep "\[(uefi-snapshot|cpu-socket-limit)\]" "$tmp/out" "--select hyperv keeps the hyperv category only"
expect_grep "\[hyperv-dependency\]" "$tmp/out" "--select hyperv runs hyperv-dependency"
expect_rc 0 "--ignore by id" -- "$VL" -q --select "$core" --ignore hyperv-dependency,virtiofs-shared-memory,cpu-socket-limit,disk-discard-granularity "$bad"
expect_no_grep "Found" "$tmp/out" "-q prints no summary"

# JSON
expect_rc 1 "json output" -- "$VL" --format json --show-suggestions --select "$core" "$bad"
if python3 - "$tmp/out" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
assert isinstance(data, list) and len(data) == 6, data
for f in data:
    assert set(f) == {"file", "line", "column", "rule", "severity", "message", "help", "notes", "fix"}, f
    assert len(f["message"]) <= 100 and "<" in f["message"], f
    assert f["help"] is None or isinstance(f["help"], str), f
    assert isinstance(f["notes"], list) and all(isinstance(n, str) for n in f["notes"]), f
    assert f["file"] == "examples/win11.xml" and isinstance(f["line"], int)
    assert f["severity"] in ("error", "warning", "info")
    if f["rule"] in ("uefi-snapshot", "cpu-socket-limit"):
        assert f["fix"] is None, f  # no fix, and an unsafe one shown only with --unsafe-fixes
    else:
        assert f["fix"]["applicability"] == "safe" and f["fix"]["edits"], f
assert [f["line"] for f in data] == sorted(f["line"] for f in data)
PY
then pass; else fail "json findings have the documented shape"; fi
expect_rc 1 "json with --unsafe-fixes" -- "$VL" --format json --unsafe-fixes --select cpu-socket-limit "$bad"
expect_grep '"applicability":"unsafe"' "$tmp/out" "unsafe fix shown with --unsafe-fixes"
expect_rc 0 "json with no findings is an empty array" -- "$VL" --format json --select qemu-namespace "$bad"
expect_grep "^\[\]$" "$tmp/out" "empty json array"

# rules
expect_rc 0 "--list-rules" -- "$VL" --list-rules
expect_grep "^cpu-socket-limit +cpu +warning +unsafe" "$tmp/out" "rule table row"
expect_rc 0 "--list-rules --format json" -- "$VL" --list-rules --format json
if python3 - "$tmp/out" <<'PY'
import json, sys
rules = json.load(open(sys.argv[1]))
ids = [r["id"] for r in rules]
for want in ["schema", "cpu-socket-limit", "cpu-topology-mismatch", "hyperv-stimer", "hyperv-dependency",
             "clock-hypervclock", "virtiofs-shared-memory", "hostdev-rom-bar", "hostdev-x-vga",
             "uefi-snapshot", "disk-discard-granularity", "qemu-namespace"]:
    assert want in ids, want
for r in rules:
    assert r["fix"] in ("safe", "unsafe", "none") and r["sources"] and r["summary"], r
PY
then pass; else fail "--list-rules json has every core rule with metadata"; fi
expect_rc 0 "--explain" -- "$VL" --explain hyperv-dependency
expect_grep "^## hyperv-dependency$" "$tmp/out" "explain heading"
expect_grep "^Bad:$" "$tmp/out" "explain example"
expect_grep "hyperv.rst" "$tmp/out" "explain sources"
expect_rc 2 "--explain unknown rule" -- "$VL" --explain nope
expect_rc 0 "--version" -- "$VL" --version
expect_grep "^virtlint [0-9]+\.[0-9]+\.[0-9]+" "$tmp/out" "version line"

# usage errors
expect_rc 2 "no input" -- "$VL"
expect_rc 2 "unknown option" -- "$VL" --frobnicate "$clean"
expect_rc 2 "bad --format" -- "$VL" --format xml "$clean"
expect_rc 2 "bad --fail-on" -- "$VL" --fail-on fatal "$clean"
expect_rc 2 "unknown rule in --select" -- "$VL" --select cpu-sockets "$clean"
expect_grep "cpu-sockets' is neither a rule id, a category nor a severity" "$tmp/err" "names the bad rule"
expect_rc 2 "unreadable --schema" -- "$VL" --schema /nonexistent.rng "$clean"

# input errors: reported, the other inputs still linted, exit 2
printf '<domain>\n  <name>x</nam>\n</domain>\n' > "$tmp/broken.xml"
expect_rc 2 "malformed input" -- "$VL" "$tmp/broken.xml" "$bad"
expect_grep "^$tmp/broken.xml:2:[0-9]+: error: .*mismatch" "$tmp/err" "parse error with line and column"
expect_grep "^examples/win11.xml:" "$tmp/out" "later inputs still linted"
expect_rc 2 "missing file" -- "$VL" "$tmp/nope.xml"
expect_grep "^$tmp/nope.xml: error: cannot open" "$tmp/err" "missing file message"
printf '<project>\n  <name>default</name>\n</project>\n' > "$tmp/pom.xml"
expect_rc 2 "not a libvirt document" -- "$VL" "$tmp/pom.xml"
expect_grep "^$tmp/pom.xml:1: error: <project> is not a libvirt document" "$tmp/err" "root element message"

# stdin and directories
expect_rc 1 "stdin" -- bash -c "\"$VL\" - < $bad"
expect_grep "^<stdin>:22:7: error:" "$tmp/out" "stdin is named <stdin>"
mkdir -p "$tmp/dir/sub" && cp "$bad" "$tmp/dir/sub/b.xml" && cp "$clean" "$tmp/dir/a.xml" && echo junk > "$tmp/dir/readme.txt"
expect_rc 1 "directory" -- "$VL" "$tmp/dir"
expect_grep "in 2 files" "$tmp/out" "directory recursion lints *.xml only"

# colour
expect_rc 1 "--color always" -- "$VL" --color always "$bad"
expect_grep $'\033\\[' "$tmp/out" "colour escapes with --color always"
expect_rc 1 "NO_COLOR wins" -- env NO_COLOR=1 "$VL" --color always "$bad"
expect_no_grep $'\033\\[' "$tmp/out" "NO_COLOR disables colour"
expect_rc 1 "no colour into a pipe" -- "$VL" "$bad"
expect_no_grep $'\033\\[' "$tmp/out" "auto colour is off when not a terminal"

# --os and --edition reach the rules
printf "<domain type='kvm'><name>x</name><memory>1048576</memory><vcpu>4</vcpu><os><type>hvm</type></os></domain>\n" > "$tmp/plain.xml"
expect_rc 0 "unknown OS: no Windows rules" -- "$VL" --select cpu-socket-limit "$tmp/plain.xml"
expect_rc 1 "--os win11" -- "$VL" --select cpu-socket-limit --os win11 "$tmp/plain.xml"
expect_rc 0 "--os windows-server has no socket limit" -- "$VL" --select cpu-socket-limit --os windows-server "$tmp/plain.xml"
expect_rc 2 "bad --edition" -- "$VL" --os win11 --edition ultimate "$tmp/plain.xml"

finish
