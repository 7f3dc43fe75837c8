#!/usr/bin/env bash
# make dist: the release tarball virtlint-VERSION.tar.gz holds the committed
# tree (HEAD) under virtlint-VERSION/, nothing built and nothing from
# outside the repository, and builds on its own into a virtlint that runs.
set -u
suite=dist
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/tests/lib.sh"
cd "$here" || exit 1

git rev-parse --git-dir >/dev/null 2>&1 || skip_rest "not a git checkout (a tarball?): make dist needs git"
version=$(sed -n 's/^#define VL_VERSION "\(.*\)"/\1/p' lint/engine/version.h)
# make passes B down (MAKEFLAGS): the tarball goes to this build's directory
make -s dist >"$tmp/log" 2>&1 && pass || { fail "make dist"; tail -5 "$tmp/log"; }
tarball=$(sed -n 's/^dist: \(.*\.tar\.gz\)$/\1/p' "$tmp/log")
case $tarball in */virtlint-"$version".tar.gz) [ -f "$tarball" ] && pass || fail "$tarball missing" ;;
*) fail "make dist named no virtlint-$version.tar.gz"; finish; exit ;; esac

tar -tzf "$tarball" | grep -v '/$' | sed "s|^virtlint-$version/||" | sort >"$tmp/listed"
git ls-tree -r --name-only HEAD | sort >"$tmp/committed"
cmp -s "$tmp/listed" "$tmp/committed" && pass || { fail "the tarball is not HEAD's tree"; diff "$tmp/committed" "$tmp/listed" | head; }

tar -C "$tmp" -xzf "$tarball"
src=$tmp/virtlint-$version
# its own build, with none of this one's settings
env -u MAKEFLAGS -u MAKELEVEL make -s -C "$src" -j"$(nproc)" >"$tmp/build.log" 2>&1 && pass ||
    { fail "the tarball does not build"; tail -20 "$tmp/build.log"; }
expect_rc 0 "the tarball's virtlint runs" -- "$src/virtlint" --version
expect_grep "^virtlint $version" "$tmp/out" "and says its version"
expect_rc 1 "the tarball's virtlint lints its example" -- "$src/virtlint" --no-config --no-cache "$src/examples/win11.xml"

finish
