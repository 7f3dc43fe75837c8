#!/bin/sh
# make deb: a Debian binary package of make install's tree, without debhelper.
#
#   tools/make-deb.sh DIR VERSION
#
# DIR/debian/virtlint is make install's tree (PREFIX=/usr
# DESTDIR=DIR/debian/virtlint, where dpkg-shlibdeps looks for a package).  Here it
# is made into what Debian policy asks of a package: the binary stripped,
# the man page compressed, the copyright file and a changelog in
# /usr/share/doc/virtlint.  The Depends line is dpkg-shlibdeps's reading of
# the binary's shared libraries, written into DEBIAN/control by
# dpkg-gencontrol from the minimal debian/control below (kept in DIR, never
# in the source tree).  The package: DIR/../virtlint_VERSION_ARCH.deb.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 DIR VERSION" >&2; exit 2; }
dir=$(cd "$1" && pwd)
version=$2
root=$dir/debian/virtlint
doc=$root/usr/share/doc/virtlint
arch=$(dpkg --print-architecture)
deb=$(dirname "$dir")/virtlint_${version}_${arch}.deb
[ -x "$root/usr/bin/virtlint" ] || { echo "make-deb: $root/usr/bin/virtlint missing (make install first)" >&2; exit 1; }
# the maintainer: VIRTLINT_DEB_MAINTAINER, else Debian's DEBFULLNAME and
# DEBEMAIL, else the author of the commit packaged, else (a tarball) a
# placeholder; the changelog's date: the commit's, so that a rebuild of one
# commit is the same package, else now
in_git=0
[ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ] && in_git=1
if [ -n "${VIRTLINT_DEB_MAINTAINER:-}" ]; then
    maintainer=$VIRTLINT_DEB_MAINTAINER
elif [ -n "${DEBEMAIL:-}" ]; then
    maintainer="${DEBFULLNAME:-virtlint} <$DEBEMAIL>"
elif [ "$in_git" = 1 ]; then
    maintainer=$(git log -1 --format='%an <%ae>')
else
    maintainer="virtlint developers <virtlint@localhost>"
fi
if [ "$in_git" = 1 ]; then date=$(git log -1 --format=%cD); else date=$(date -R); fi

strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/virtlint"
gzip -9nf "$root/usr/share/man/man1/virtlint.1"

mkdir -p "$dir/debian" "$doc"
cat >"$dir/debian/control" <<EOF
Source: virtlint
Section: utils
Priority: optional
Maintainer: $maintainer
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: virtlint
Architecture: any
Depends: \${shlibs:Depends}
Suggests: libvirt0, libvirt-clients
Description: linter and fixer for libvirt domain XML
 virtlint checks libvirt domain definitions for mistakes libvirt's schema
 does not catch: settings libvirt or QEMU refuse, combinations that break
 Windows guests, GPU passthrough, firmware or snapshots, and settings that
 cost performance.  Each finding names the element and explains why; many
 come with a fix that virtlint can apply.  It reads files, directories and
 standard input, or the definitions of a libvirt connection's domains.
 .
 libvirt itself is only loaded for --domain, --connect and --libvirt-check.
EOF
cat >"$dir/debian/changelog" <<EOF
virtlint ($version) unstable; urgency=medium

  * Built from virtlint's source tree by make deb.

 -- $maintainer  $date
EOF
gzip -9nc "$dir/debian/changelog" >"$doc/changelog.gz"
cat >"$doc/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: virtlint
Comment: virtlint's source tree does not state a licence for its own code
 yet; until it does, no licence is granted for it beyond what its authors
 allow.  The libvirt schemas it embeds and installs are libvirt's.

Files: *
Copyright: the virtlint authors
License: none-stated
 No licence is stated for virtlint's own code yet.

Files: schemas/*
Copyright: Red Hat, Inc. and the libvirt contributors
License: LGPL-2.1+
 This library is free software; you can redistribute it and/or modify it
 under the terms of the GNU Lesser General Public License as published by
 the Free Software Foundation; either version 2.1 of the License, or (at
 your option) any later version.
 .
 On Debian systems, the full text of the GNU Lesser General Public License
 version 2.1 can be found in /usr/share/common-licenses/LGPL-2.1.
EOF
chmod 0644 "$doc/copyright" "$doc/changelog.gz"

cd "$dir"
: >debian/substvars
mkdir -p debian/virtlint/DEBIAN
dpkg-shlibdeps -Tdebian/substvars debian/virtlint/usr/bin/virtlint
dpkg-gencontrol -pvirtlint -v"$version" -Tdebian/substvars -Pdebian/virtlint
(cd debian/virtlint && find . -type f ! -path './DEBIAN/*' | sed 's|^\./||' | LC_ALL=C sort | xargs md5sum >DEBIAN/md5sums)
chmod 0644 debian/virtlint/DEBIAN/control debian/virtlint/DEBIAN/md5sums
find debian/virtlint -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group -Zxz --build debian/virtlint "$deb" >/dev/null
echo "make-deb: $deb"
sed -n 's/^Depends: /make-deb: Depends: /p' debian/virtlint/DEBIAN/control
