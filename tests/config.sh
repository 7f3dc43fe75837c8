#!/usr/bin/env bash
# .virtlintrc: found by walking up to the repository root, each key applied,
# the command line winning, per-path sections, and errors that name the
# file and line.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=config
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

repo=$tmp/repo
mkdir -p "$repo/.git" "$repo/vms/gaming" "$repo/vms/office"
cp examples/win11.xml "$repo/vms/office/win11.xml"
cp examples/win11.xml "$repo/vms/gaming/win11.xml"
cd "$repo" || exit 1

# no .virtlintrc: defaults
expect_rc 1 "no config" -- "$VL" --concise vms/office/win11.xml
expect_grep "cpu-socket-limit" "$tmp/out" "default rules run"

cat >.virtlintrc <<'RC'
# homelab defaults
[virtlint]
ignore = uefi-snapshot, disk
fail-on = error

[severity]
cpu-socket-limit = error
hyperv-dependency = off

[path vms/gaming/*.xml]
ignore = memory
edition = workstation
RC
expect_rc 1 "config applied" -- "$VL" --concise vms/office/win11.xml
expect_no_grep "uefi-snapshot|disk-discard" "$tmp/out" "ignore from [virtlint]"
expect_no_grep "hyperv-dependency" "$tmp/out" "[severity] off drops a rule's findings"
expect_grep "error: .*\[cpu-socket-limit\]" "$tmp/out" "[severity] raises cpu-socket-limit to error"
expect_grep "virtiofs-shared-memory" "$tmp/out" "other rules still run"

# the per-path section: Pro for Workstations uses 4 sockets, memory ignored
expect_rc 1 "path section" -- "$VL" --concise vms/gaming/win11.xml
expect_grep "will use only 4 of its 8 vCPUs" "$tmp/out" "[path] edition applies"
expect_no_grep "\[virtiofs-shared-memory\]" "$tmp/out" "[path] ignore applies"

# the command line wins
expect_rc 1 "CLI --fail-on wins" -- "$VL" --concise --fail-on warning --ignore schema vms/gaming/win11.xml
expect_rc 1 "CLI --edition wins" -- "$VL" --concise --edition home vms/gaming/win11.xml
expect_grep "cpu-socket-limit" "$tmp/out" "edition from the command line"

# --no-config and --config
expect_rc 1 "--no-config" -- "$VL" --concise --no-config --show-suggestions vms/gaming/win11.xml
expect_grep "domain-limitations" "$tmp/out" "--no-config reads nothing"
printf '[virtlint]\nselect = uefi-snapshot\nshow-suggestions = yes\n' >"$tmp/other.rc"
expect_rc 0 "--config" -- "$VL" --concise --config "$tmp/other.rc" vms/office/win11.xml
expect_grep "No problems found and 1 suggestion in 1 file" "$tmp/out" "--config file used instead, show-suggestions = yes applied"
printf '[virtlint]\nselect = uefi-snapshot\nshow-suggestions = no\n' >"$tmp/other.rc"
expect_rc 0 "show-suggestions = no" -- "$VL" --concise --config "$tmp/other.rc" vms/office/win11.xml
expect_grep "No problems found in 1 file, and 1 suggestion: --show-suggestions" "$tmp/out" "show-suggestions = no hides and counts"
expect_rc 0 "--show-suggestions beats show-suggestions = no" -- "$VL" --concise --show-suggestions --config "$tmp/other.rc" vms/office/win11.xml
expect_grep "uefi-snapshot" "$tmp/out" "the command line wins over show-suggestions = no"
printf '[virtlint]\nshow-suggestions = yes\nignore = info\n' >"$tmp/other.rc"
expect_rc 1 "ignore = info" -- "$VL" --concise --config "$tmp/other.rc" vms/office/win11.xml
expect_no_grep ": info: " "$tmp/out" "a severity in ignore drops those findings"
printf '[virtlint]\nshow-suggestions = maybe\n' >"$tmp/other.rc"
expect_rc 2 "show-suggestions = maybe" -- "$VL" --concise --config "$tmp/other.rc" vms/office/win11.xml
expect_grep "show-suggestions: expected yes or no, got 'maybe'" "$tmp/err" "a bad show-suggestions names the key"

# errors name the file and line, exit 2
printf '[virtlint]\nselect = cpu\nfial-on = error\n' >"$repo/vms/.virtlintrc"
expect_rc 2 "unknown key" -- "$VL" vms/office/win11.xml
expect_grep "vms/.virtlintrc:3: unknown key 'fial-on'" "$tmp/err" "unknown key names file and line"
printf '[virtlint]\nignore = cpu-sockets\n' >"$repo/vms/.virtlintrc"
expect_rc 2 "unknown rule" -- "$VL" vms/office/win11.xml
expect_grep "vms/.virtlintrc:2: 'cpu-sockets' is neither a rule id, a category nor a severity" "$tmp/err" "unknown rule names file and line"
printf '[severity]\ncpu-socket-limit = fatal\n' >"$repo/vms/.virtlintrc"
expect_rc 2 "bad severity" -- "$VL" vms/office/win11.xml
expect_grep ":2: \[severity\] cpu-socket-limit: expected error, warning, info or off" "$tmp/err" "bad severity value"
printf '[defaults]\n' >"$repo/vms/.virtlintrc"
expect_rc 2 "unknown section" -- "$VL" vms/office/win11.xml
expect_grep ":1: unknown section \[defaults\]" "$tmp/err" "unknown section"
rm "$repo/vms/.virtlintrc"

# the walk stops at the repository root
printf '[virtlint]\nselect = snapshot\n' >"$tmp/.virtlintrc"
expect_rc 1 "stops at .git" -- "$VL" --concise vms/office/win11.xml
expect_grep "virtiofs-shared-memory" "$tmp/out" "a .virtlintrc above the repository is not read"
rm .virtlintrc
expect_rc 1 "none in the repository" -- "$VL" --concise vms/office/win11.xml
expect_grep "virtiofs-shared-memory" "$tmp/out" "still not the one above the repository"

finish
