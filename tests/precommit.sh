#!/usr/bin/env bash
# The pre-commit hooks, for real, configured as the README says: its
# snippets are read from README.md (the clone's path put in for the
# repository's address), so a README that stops working fails here.
# - its revision is a commit of this repository whose .pre-commit-hooks.yaml
#   has the hooks it names;
# - virtlint-fix alone fixes the file (the commit fails: files changed),
#   reports each finding once, then passes; a finding it cannot fix fails;
# - virtlint alone fails on findings and changes nothing;
# - the local hook runs an installed virtlint; other XML and excluded files
#   pass through both.
set -u
here=$(pwd)
suite=pre-commit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

if ! command -v pre-commit >/dev/null; then
    skip_rest "pre-commit is not installed (tools/install-deps.sh --test installs it)"
fi
export PRE_COMMIT_HOME=$tmp/cache

# the README's two snippets: the indented block after "### pre-commit" that
# names a rev, and the one with "repo: local"
readme_block() {
    awk -v want="$1" '
        /^### pre-commit/ { on = 1; next }
        on && /^### / { exit }
        on && /^    / { block = block substr($0, 5) "\n"; next }
        on && block != "" { if (index(block, want)) { printf "%s", block; exit } block = "" }
    ' "$here/README.md"
}
readme_block "rev:" >"$tmp/remote.yaml"
readme_block "repo: local" >"$tmp/local.yaml"
[ -s "$tmp/remote.yaml" ] && pass || fail "README has no pre-commit snippet with a rev"
[ -s "$tmp/local.yaml" ] && pass || fail "README has no local pre-commit snippet"

# the installed example is the README's local snippet
if grep -v '^#' "$here/share/virtlint/pre-commit-config.yaml" | cmp -s - "$tmp/local.yaml"; then pass
else fail "share/virtlint/pre-commit-config.yaml differs from the README's local snippet"; fi

rev=$(sed -n 's/^ *rev: *\([0-9a-f]*\).*/\1/p' "$tmp/remote.yaml")
if [ -n "$rev" ] && git -C "$here" cat-file -e "$rev^{commit}" 2>/dev/null; then pass; else fail "README's rev '$rev' is no commit of this repository"; fi
if git -C "$here" merge-base --is-ancestor "$rev" HEAD 2>/dev/null; then pass; else fail "README's rev $rev is not in HEAD's history"; fi
for id in $(sed -n 's/^ *- id: *\([a-z-]*\).*/\1/p' "$tmp/remote.yaml") virtlint virtlint-fix; do
    git -C "$here" show "$rev:.pre-commit-hooks.yaml" 2>/dev/null | grep -q "^- id: $id\$" && pass ||
        fail "hook '$id' is not in .pre-commit-hooks.yaml at $rev"
done

# a throwaway repository of domain XML; HOOK is virtlint or virtlint-fix at HEAD
new_repo() {
    rm -rf "$tmp/repo" && mkdir -p "$tmp/repo" && cd "$tmp/repo" || exit 1
    git init -q . && git config user.email t@t && git config user.name t
    cp "$here/corpus/virtiofs-shared-memory/no-memory-backing.xml" vm.xml
    printf '<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n' >pom.xml
    mkdir old && printf '<domain>\n' >old/broken.xml
    printf '[virtlint]\nexclude = old\nselect = virtiofs-shared-memory, hostdev-rom-bar, schema\n' >.virtlintrc
}
# the README's snippet at HEAD, with this clone for the repository's address
use_readme_hook() {
    sed -e "s|^\( *- repo:\).*|\1 $here|" -e "s|^\( *rev:\).*|\1 $(git -C "$here" rev-parse HEAD)|" \
        -e "s|^\( *- id:\) *[a-z-]*|\1 $1|" "$tmp/remote.yaml" >.pre-commit-config.yaml
    git add . && git commit -qm "domains"
}

# virtlint-fix, as the README configures it
new_repo
use_readme_hook virtlint-fix
pre-commit run --all-files >"$tmp/first" 2>&1
rc=$?
if [ $rc -ne 0 ]; then pass; else fail "virtlint-fix passed on a file it had to fix"; fi
expect_grep "files were modified by this hook" "$tmp/first" "the fix hook rewrote the file"
git diff --quiet vm.xml && fail "vm.xml was not modified" || pass
grep -q "<access mode='shared'/>" vm.xml && pass || fail "the fix is not in vm.xml"
expect_grep "pom.xml: skipped: <project> is not a libvirt document" "$tmp/first" "other XML is skipped with a note"
expect_no_grep "pom.xml.*error|old/broken" "$tmp/first" "other XML is no error, and excluded files are not read"
pre-commit run --all-files >"$tmp/second" 2>&1
rc=$?
if [ $rc -eq 0 ]; then pass; else fail "second run failed: $(tail -5 "$tmp/second")"; fi
# a finding it cannot fix: reported once, and the commit fails
sed -i "s|<name>|<bogus/>\n  <name>|" vm.xml
pre-commit run --all-files >"$tmp/third" 2>&1
rc=$?
if [ $rc -ne 0 ]; then pass; else fail "virtlint-fix passed a schema error"; fi
n=$(grep -c "vm.xml:[0-9]*:[0-9]*: error" "$tmp/third")
[ "$n" = 1 ] && pass || { fail "the unfixable finding printed $n times, not once"; sed 's/^/  | /' "$tmp/third" | head; }

# virtlint alone: fails, changes nothing
new_repo
use_readme_hook virtlint
cp vm.xml "$tmp/before.xml"
pre-commit run --all-files >"$tmp/check" 2>&1
rc=$?
if [ $rc -ne 0 ]; then pass; else fail "the check hook passed a finding"; fi
expect_grep "virtiofs-shared-memory" "$tmp/check" "the check hook reported the finding"
cmp -s vm.xml "$tmp/before.xml" && pass || fail "the check hook changed vm.xml"
n=$(grep -c "virtiofs-shared-memory" "$tmp/check")
[ "$n" = 1 ] && pass || fail "the finding printed $n times, not once"

# the local hook, with virtlint on PATH as an install puts it
new_repo
cp "$tmp/local.yaml" .pre-commit-config.yaml
git add . && git commit -qm "domains"
mkdir -p "$tmp/bin" && ln -sf "$here/virtlint" "$tmp/bin/virtlint"
[ -x "$here/virtlint" ] || make -s -C "$here" virtlint >/dev/null
PATH="$tmp/bin:$PATH" pre-commit run --all-files >"$tmp/local" 2>&1
rc=$?
if [ $rc -ne 0 ]; then pass; else fail "the local hook passed a finding"; fi
expect_grep "virtiofs-shared-memory" "$tmp/local" "the local hook reported the finding"
expect_no_grep "pom.xml.*error|old/broken" "$tmp/local" "the local hook lets other XML and excluded files pass"

finish
