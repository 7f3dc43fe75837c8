#!/usr/bin/env bash
# make install with PREFIX and DESTDIR: the binary, the man page (rendered
# without warnings), bash completion (options and rule ids), the hook
# examples, libvirt's schemas and rules.md land where they should; make
# uninstall removes every file make install put.
set -u
suite=install
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

make -s install PREFIX=/usr DESTDIR="$tmp/root" >"$tmp/log" 2>&1 && pass || { fail "make install"; cat "$tmp/log"; }
for f in usr/bin/virtlint usr/share/man/man1/virtlint.1 usr/share/bash-completion/completions/virtlint \
    usr/share/virtlint/libvirt-hook-qemu usr/share/virtlint/pre-commit-config.yaml usr/share/doc/virtlint/rules.md \
    usr/share/virtlint/schemas/9.0/domain.rng usr/share/virtlint/schemas/11.3/domaincommon.rng; do
    [ -f "$tmp/root/$f" ] && pass || fail "$f not installed"
done
[ -x "$tmp/root/usr/share/virtlint/libvirt-hook-qemu" ] && pass || fail "the hook is not executable"
"$tmp/root/usr/bin/virtlint" --version | grep -q '^virtlint ' && pass || fail "installed binary does not run"

groff -t -man -Tutf8 -ww "$tmp/root/usr/share/man/man1/virtlint.1" >"$tmp/man" 2>"$tmp/man.err"
[ -s "$tmp/man.err" ] && { fail "man page warnings"; cat "$tmp/man.err"; } || pass
expect_grep "unsafe" "$tmp/man" "man page renders its options"

complete_words() {
    PATH="$tmp/root/usr/bin:$PATH" bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _virtlint
        printf "%s\n" "${COMPREPLY[@]}"' _ "$tmp/root/usr/share/bash-completion/completions/virtlint" "$@"
}
# every option of --help is in the man page, the README and completes
complete_words virtlint -- >"$tmp/all"
for opt in $("$tmp/root/usr/bin/virtlint" --help | grep -oE -- "--[a-z][a-z-]+" | sort -u); do
    [ "$opt" = "--help-all" ] && continue
    grep -qF -- "${opt//-/\\-}" "$tmp/root/usr/share/man/man1/virtlint.1" && pass || fail "man page lacks $opt"
    grep -qx -- "$opt" "$tmp/all" && pass || fail "completion lacks $opt"
    grep -qE -- "(\`| )$opt([]= \`|]|\$)" README.md && pass || fail "README lacks $opt"
done

complete_words virtlint --fo >"$tmp/c1"
expect_grep "^--format$" "$tmp/c1" "completes options"
complete_words virtlint --select cpu-t >"$tmp/c2"
expect_grep "^cpu-topology-mismatch$" "$tmp/c2" "completes rule ids"
complete_words virtlint --format s >"$tmp/c3"
expect_grep "^sarif$" "$tmp/c3" "completes option values"

# every schema of schemas/ is installed, and the installed binary validates
# with one (--schema)
n=$(find schemas -name '*.rng' | wc -l)
[ "$(find "$tmp/root/usr/share/virtlint/schemas" -name '*.rng' | wc -l)" -eq "$n" ] && pass || fail "not all $n schemas installed"
expect_rc 0 "--schema with an installed schema" -- "$tmp/root/usr/bin/virtlint" -q --no-config --select schema \
    --schema "$tmp/root/usr/share/virtlint/schemas/9.0/domain.rng" examples/win11.xml

# make uninstall leaves no file behind, and only the shared directories
make -s uninstall PREFIX=/usr DESTDIR="$tmp/root" >"$tmp/log" 2>&1 && pass || { fail "make uninstall"; cat "$tmp/log"; }
find "$tmp/root" ! -type d >"$tmp/left"
[ ! -s "$tmp/left" ] && pass || { fail "make uninstall left files behind"; head "$tmp/left"; }
[ ! -e "$tmp/root/usr/share/virtlint" ] && [ ! -e "$tmp/root/usr/share/doc/virtlint" ] && pass ||
    fail "make uninstall left virtlint's own directories"

finish
