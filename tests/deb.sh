#!/usr/bin/env bash
# make deb: the package holds what make install puts, and it installs and
# runs on Debian 13.  The Depends line dpkg-shlibdeps computes on Debian 12
# names libglib2.0-0, which Debian 13 renamed (64-bit time_t:
# libglib2.0-0t64, which Provides the old name); dpkg -i in the Debian 13
# root of tools/make-release-root.sh (build/roots/trixie) shows that every
# dependency resolves there.  In the root: virtlint --version, a lint of an
# example, the man page and completion where they belong, then dpkg --purge
# leaves nothing behind.  The root is never changed: the package goes into
# an overlay of it, in a private mount namespace that vanishes with this
# script.  Without root, or without the root filesystem, that part skips.
set -u
suite=deb
here=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${VIRTLINT_DEB_ROOT:-$here/build/roots/trixie}

# everything below in a private mount namespace (root only; otherwise
# the installing part skips further down)
if [ "$(id -u)" -eq 0 ] && [ -z "${VIRTLINT_DEB_NS:-}" ] && command -v unshare >/dev/null; then
    VIRTLINT_DEB_NS=1 exec unshare --mount --propagation private "$0" "$@"
fi
tmp=$(mktemp -d)
trap 'umount -R "$tmp/merged" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$here/tests/lib.sh"
cd "$here" || exit 1

command -v dpkg-shlibdeps >/dev/null || skip_rest "dpkg-shlibdeps not installed (dpkg-dev; tools/install-deps.sh --test)"
version=$(sed -n 's/^#define VL_VERSION "\(.*\)"/\1/p' lint/engine/version.h)
# make passes B and BIN down (MAKEFLAGS), so the package is of this build
make -s deb >"$tmp/log" 2>&1 && pass || { fail "make deb"; tail -20 "$tmp/log"; }
deb=$(sed -n 's/^make-deb: \(.*\.deb\)$/\1/p' "$tmp/log")
[ -f "$deb" ] || { fail "make deb made no package"; finish; exit; }
case $deb in */virtlint_"${version}"_*.deb) pass ;; *) fail "$deb: not virtlint_${version}_ARCH.deb" ;; esac

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/contents"
for f in /usr/bin/virtlint /usr/share/man/man1/virtlint.1.gz /usr/share/bash-completion/completions/virtlint \
    /usr/share/virtlint/libvirt-hook-qemu /usr/share/virtlint/pre-commit-config.yaml \
    /usr/share/virtlint/schemas/11.3/domain.rng /usr/share/doc/virtlint/rules.md \
    /usr/share/doc/virtlint/copyright /usr/share/doc/virtlint/changelog.gz; do
    grep -qxF "$f" "$tmp/contents" && pass || fail "$f not in the package"
done
# the language server links to the rules.md the package installs
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/virtlint >"$tmp/virtlint"
grep -qaF /usr/share/doc/virtlint "$tmp/virtlint" && ! grep -qaF /usr/local/share/doc "$tmp/virtlint" && pass ||
    fail "the packaged program does not link to /usr/share/doc/virtlint/rules.md"
dpkg-deb -f "$deb" Depends >"$tmp/depends"
expect_grep "libglib2\.0-0 \(>= " "$tmp/depends" "Depends from dpkg-shlibdeps"
expect_grep "libxml2 .*libxslt1\.1" "$tmp/depends" "Depends names every linked library"
# libvirt is dlopen()ed for --domain and --libvirt-check only
expect_no_grep "libvirt" "$tmp/depends" "libvirt is not a dependency"

if command -v lintian >/dev/null; then
    # the maintainer is whoever builds (tools/make-deb.sh): outside a git
    # checkout, without DEBEMAIL, a placeholder address lintian rejects
    lintian --suppress-tags bogus-mail-host,bogus-mail-host-in-debian-changelog "$deb" >"$tmp/lintian" 2>&1
    expect_no_grep "^E: " "$tmp/lintian" "lintian reports no error"
else
    skip "lintian not installed (tools/install-deps.sh --test): the package is not checked by it"
fi

[ "$(id -u)" -eq 0 ] || skip_rest "installing the package in Debian 13 needs root (chroot)"
[ -x "$ROOT/usr/bin/dpkg" ] || skip_rest "$ROOT not found: the Debian 13 root (tools/make-release-root.sh trixie builds it)"

# an overlay of the root: the package is installed into the upper layer only
mkdir -p "$tmp/upper" "$tmp/work" "$tmp/merged"
mount -t overlay overlay -o "lowerdir=$ROOT,upperdir=$tmp/upper,workdir=$tmp/work" "$tmp/merged" ||
    { fail "cannot mount an overlay of $ROOT"; finish; exit; }
mount -t proc proc "$tmp/merged/proc"
mount --rbind /dev "$tmp/merged/dev"
in_root() { chroot "$tmp/merged" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

in_root grep -q '^13\.' /etc/debian_version && pass || fail "$ROOT is not Debian 13"
cp "$deb" "$tmp/merged/tmp/virtlint.deb"
cp examples/win11.xml "$tmp/merged/tmp/win11.xml"
expect_rc 0 "dpkg -i in Debian 13: every dependency resolves" -- in_root dpkg -i /tmp/virtlint.deb
[ "$(in_root dpkg-query -W -f '${Status}' virtlint 2>/dev/null)" = "install ok installed" ] && pass ||
    fail "virtlint is not 'install ok installed' in Debian 13"
# the renamed library satisfies the Debian 12 name through Provides
glib=$(in_root dpkg-query -W -f '${Package} ${Provides}\n' 2>/dev/null | grep -E '(^|[ ,])libglib2\.0-0 \(= ' | cut -d' ' -f1)
echo "deb: in Debian 13, libglib2.0-0 is provided by ${glib:-nothing}"
[ -n "$glib" ] && pass || fail "no package of the root provides libglib2.0-0"

# /usr/bin explicitly: the root's /usr/local/bin has the release tests' build
expect_rc 0 "virtlint --version in Debian 13" -- in_root /usr/bin/virtlint --version
expect_grep "^virtlint $version" "$tmp/out" "the packaged version runs"
expect_rc 1 "linting an example in Debian 13" -- in_root /usr/bin/virtlint --no-config --no-cache --color never /tmp/win11.xml
expect_grep "^/tmp/win11\.xml:[0-9]+:[0-9]+: (error|warning)" "$tmp/out" "findings on the example"
in_root dpkg -L virtlint >"$tmp/files"
for f in /usr/share/man/man1/virtlint.1.gz /usr/share/bash-completion/completions/virtlint /usr/share/doc/virtlint/rules.md; do
    grep -qxF "$f" "$tmp/files" && [ -f "$tmp/merged$f" ] && pass || fail "$f not installed in Debian 13"
done
echo "x" | in_root /usr/share/virtlint/libvirt-hook-qemu vm prepare begin && pass ||
    fail "the libvirt hook blocks on XML it cannot read"

expect_rc 0 "dpkg --purge virtlint" -- in_root dpkg --purge virtlint
in_root dpkg-query -W virtlint >/dev/null 2>&1 && fail "virtlint still known to dpkg after --purge" || pass
# nothing of the package is left: no file of its list, and the upper layer
# holds only dpkg's own records and what this test copied in
left=0
while read -r f; do
    [ "$f" = /. ] && continue
    if [ -f "$tmp/merged$f" ] || [ -L "$tmp/merged$f" ]; then left=$((left + 1)); echo "  left: $f"; fi
done <"$tmp/files"
[ "$left" -eq 0 ] && pass || fail "$left files of the package left after --purge"
[ ! -e "$tmp/merged/usr/share/virtlint" ] && [ ! -e "$tmp/merged/usr/share/doc/virtlint" ] && pass ||
    fail "the package's own directories are left after --purge"
(cd "$tmp/upper" && find . -type f ! -path './var/lib/dpkg/*' ! -path './var/log/*' ! -path './tmp/*') >"$tmp/upper.txt"
[ ! -s "$tmp/upper.txt" ] && pass || { fail "files changed in the root besides dpkg's records"; head "$tmp/upper.txt"; }

finish
