#!/usr/bin/env bash
# The output formats: text with source excerpts (and --concise), SARIF
# validated against the SARIF 2.1.0 JSON schema, GitHub workflow commands,
# JUnit XML, and --statistics.
set -u
VL=$(realpath "${1:-./virtlint}")
SARIF_SCHEMA=${VIRTLINT_SARIF_SCHEMA:-../shared/schemas/sarif-schema-2.1.0.json}
suite=outputs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

bad=examples/win11.xml
# the rules of 0.1 that fire on $bad: the counts below are about these
core=uefi-snapshot,hyperv-dependency,cpu-socket-limit,disk-discard-granularity,virtiofs-shared-memory

# text: the finding line, then the source line with its element marked
expect_rc 1 "text" -- "$VL" "$bad"
expect_grep '^22 \|       <synic state=.on./>$' "$tmp/out" "source excerpt shows the line"
expect_grep '^   \|       \^{19}$' "$tmp/out" "caret line marks the start tag"
expect_rc 1 "--concise" -- "$VL" --concise --show-suggestions --select "$core" "$bad"
expect_no_grep '^22 \|' "$tmp/out" "--concise has no excerpt"
[ "$(grep -c '^examples/win11.xml:' "$tmp/out")" -eq 6 ] && pass || fail "--concise: one line per finding"

# three parts: the headline on the finding line, help and notes under the
# excerpt, as rustc prints them; --concise keeps the headline only
stimer=corpus/hyperv-stimer/virt-manager-defaults.xml
expect_rc 1 "text with help and notes" -- "$VL" --select hyperv-stimer "$stimer"
expect_grep "^$stimer:18:5: warning: \[\*\] <hyperv>: Windows guest without synthetic timers \(stimer\) \[hyperv-stimer\]$" "$tmp/out" "headline on the finding line"
expect_grep "^  = help: add <stimer state='on'/> to <hyperv mode='custom'>" "$tmp/out" "help under the excerpt"
expect_grep "^  = note: the guest is taken for Windows: libosinfo id" "$tmp/out" "notes under the excerpt"
expect_rc 1 "--concise: headline only" -- "$VL" --concise --select hyperv-stimer "$stimer"
expect_no_grep "help:|note:" "$tmp/out" "--concise prints no help or notes"
expect_rc 1 "json with help and notes" -- "$VL" --format json --select hyperv-stimer "$stimer"
if python3 - "$tmp/out" <<'PY'
import json, sys
[f] = json.load(open(sys.argv[1]))
assert f["message"] == "<hyperv>: Windows guest without synthetic timers (stimer)", f
assert f["help"].startswith("add <stimer state='on'/>"), f
assert len(f["notes"]) == 2 and "libosinfo id" in f["notes"][1], f
PY
then pass; else fail "JSON carries help and notes apart from the headline"; fi

# --statistics
expect_rc 1 "--statistics" -- "$VL" --concise --statistics --select "$core" "$bad"
expect_grep '^ +2  hyperv-dependency +error' "$tmp/out" "statistics count per rule"
# ...with the severity reported, not the rule's default
printf '[severity]\nhyperv-dependency = warning\n' >"$tmp/statrc"
expect_rc 1 "--statistics with [severity]" -- "$VL" --concise --statistics --config "$tmp/statrc" --select "$core" "$bad"
expect_grep '^ +2  hyperv-dependency +warning' "$tmp/out" "statistics show the severity reported"

# SARIF, validated against the schema
expect_rc 1 "sarif" -- "$VL" --format sarif --show-suggestions --select "$core,hostdev-rom-bar,hyperv-stimer" "$bad" tests/data/fix-cli/rom-bar.xml "$stimer"
cp "$tmp/out" "$tmp/log.sarif"
# the SARIF 2.1.0 schema (OASIS) is in the shared directory beside the
# repository; without it the rest of the checks below still run
if [ ! -f "$SARIF_SCHEMA" ]; then
    skip "$SARIF_SCHEMA not found: SARIF output not validated against the schema (VIRTLINT_SARIF_SCHEMA=FILE names one)"
    SARIF_SCHEMA=
fi
if python3 - "$tmp/log.sarif" "$SARIF_SCHEMA" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
if sys.argv[2]:
    import jsonschema
    jsonschema.validate(log, json.load(open(sys.argv[2])))
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert "hyperv-dependency" in ids and all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
results = run["results"]
assert len(results) == 6 + 3 + 1, len(results)
[stimer] = [r for r in results if r["ruleId"] == "hyperv-stimer"]
assert stimer["message"]["text"] == "<hyperv>: Windows guest without synthetic timers (stimer)", stimer
md = stimer["message"]["markdown"]
assert md.startswith(stimer["message"]["text"]) and "**help:** add <stimer" in md and md.count("**note:**") == 2, md
for r in results:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert r["level"] in ("error", "warning", "note")
    assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
fixed = [r for r in results if "fixes" in r]
assert fixed and all(f["fixes"][0]["artifactChanges"][0]["replacements"] for f in fixed), fixed
PY
then pass; else fail "SARIF output validates against SARIF 2.1.0 and carries rules, results and fixes"; fi

# GitHub workflow commands
expect_rc 1 "github" -- "$VL" --format github --show-suggestions --select "$core" "$bad"
expect_grep '^::error file=examples/win11.xml,line=22,col=7,title=hyperv-dependency::<synic>: Hyper-V enlightenment on' "$tmp/out" "error annotation"
expect_grep '^::notice file=examples/win11.xml,line=12,col=3,title=uefi-snapshot::' "$tmp/out" "info becomes notice"
[ "$(wc -l <"$tmp/out")" -eq 6 ] && pass || fail "github: one annotation per finding"
expect_rc 1 "github with help and notes" -- "$VL" --format github --select hyperv-stimer "$stimer"
expect_grep "::<hyperv>: Windows guest without synthetic timers \(stimer\)%0Ahelp: add <stimer" "$tmp/out" "help and notes follow the headline, newlines escaped"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && pass || fail "github: the annotation stays one line"

# JUnit
expect_rc 1 "junit" -- "$VL" --format junit --show-suggestions --select "$core" "$bad" corpus/whole/win11-desktop-tuned.xml corpus/schema/valid.xml
cp "$tmp/out" "$tmp/junit.xml"
xmllint --noout "$tmp/junit.xml" && pass || fail "junit output is well-formed XML"
expect_grep '<testsuite name="virtlint" tests="3" failures="2">' "$tmp/junit.xml" "junit counts test cases and failures"
expect_grep '<failure message="5 problems">' "$tmp/junit.xml" "junit failure counts findings at or above --fail-on"
expect_grep '<system-out>examples/win11.xml:12:3: info:' "$tmp/junit.xml" "findings below --fail-on go to system-out"

finish
