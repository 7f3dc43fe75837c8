#!/usr/bin/env bash
# The pre-commit hooks, for real: a throwaway repository with a bad domain
# XML and a .pre-commit-config.yaml pointing at this checkout (at HEAD);
# Debian's pre-commit must fail (the fix hook rewrites the file), then pass.
set -u
here=$(pwd)
suite=pre-commit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

if ! command -v pre-commit >/dev/null; then
    fail "pre-commit is not installed (tools/install-deps.sh installs it)"
    finish
    exit 1
fi
rev=$(git -C "$here" rev-parse HEAD)
export PRE_COMMIT_HOME=$tmp/cache
mkdir -p "$tmp/repo" && cd "$tmp/repo" || exit 1
git init -q . && git config user.email t@t && git config user.name t
cp "$here/corpus/virtiofs-shared-memory/no-memory-backing.xml" vm.xml
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: virtlint
        args: [--select, "virtiofs-shared-memory,hostdev-rom-bar"]
      - id: virtlint-fix
        args: [--select, "virtiofs-shared-memory,hostdev-rom-bar"]
YAML
git add . && git commit -qm "a domain"

pre-commit run --all-files >"$tmp/first" 2>&1
rc=$?
if [ $rc -ne 0 ]; then pass; else fail "first pre-commit run passed on a bad file"; fi
expect_grep "files were modified by this hook" "$tmp/first" "the fix hook rewrote the file"
expect_grep "virtiofs-shared-memory" "$tmp/first" "the check hook reported the finding"
git diff --quiet vm.xml && fail "vm.xml was not modified" || pass
grep -q "<access mode='shared'/>" vm.xml && pass || fail "the fix is not in vm.xml"

pre-commit run --all-files >"$tmp/second" 2>&1
rc=$?
if [ $rc -eq 0 ]; then pass; else fail "second pre-commit run failed: $(tail -5 "$tmp/second")"; fi

finish
