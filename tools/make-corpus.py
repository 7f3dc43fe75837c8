#!/usr/bin/env python3
"""make corpus: libvirt's own test suite, for the tests that need it, on a
machine without the project's shared corpus (../shared/corpus).

    tools/make-corpus.py DEST        # make corpus (DEST: build/corpus)

Downloads Debian 13's libvirt source tarball (libvirt_11.3.0.orig.tar.xz)
with apt's own downloader (apt-helper: apt's mirror, proxy and hash check),
checks it against the SHA-256 that trixie's Sources index gives for it, and
extracts into DEST/libvirt-11.3/, laid out as ../shared/corpus/libvirt-11.3/:

- tests/: the input domains of tests/qemuxmlconfdata/, every NAME.xml
  without an arch/capabilities infix (NAME.x86_64-latest.xml and the like
  are libvirt's expected outputs) whose root is <domain>; symlinks are
  copied as the files they point to;
- tests/EXPECTED_ERRORS.tsv: for each input libvirt's tests expect to fail,
  its .err file and libvirt's error text;
- schemas/: libvirt 11.3's RelaxNG schemas (src/conf/schemas/*.rng).

Nothing is written into the source tree.  DEST/.virtlint-made-corpus marks
the result, so that the tests whose expected results list the shared
corpus file by file (tests/snapshot.py) know not to compare against it.
A finished DEST is left alone; the tarball is kept in DEST/download/.
"""
import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "11.3.0"
TARBALL = f"libvirt_{VERSION}.orig.tar.xz"
# trixie's Sources index (and libvirt_11.3.0-3+deb13u3.dsc) for this file
SHA256 = "6bcb0c42c4580436fea262ced56f68a6afe20f7390b1bea2116718cc034a0283"
POOL = "pool/main/libv/libvirt"
TOP = f"libvirt-{VERSION}"
TESTS = f"{TOP}/tests/qemuxmlconfdata/"
SCHEMAS = f"{TOP}/src/conf/schemas/"
STAMP = ".virtlint-made-corpus"
# NAME.x86_64-latest.xml, NAME.aarch64-9.0.0.xml, NAME.x86_64-latest+hvf.xml:
# one architecture's expected output, not an input
INFIX = re.compile(r"\.[a-z0-9_]+-(latest|[0-9][0-9.]*)[.+]")


def log(msg):
    print(f"make-corpus: {msg}", flush=True)


def mirror():
    """The Debian mirror this machine's apt uses (any release's pool holds
    trixie's files), VIRTLINT_DEBIAN_MIRROR if set, else deb.debian.org."""
    if os.environ.get("VIRTLINT_DEBIAN_MIRROR"):
        return os.environ["VIRTLINT_DEBIAN_MIRROR"].rstrip("/")
    try:
        out = subprocess.run(["apt-cache", "policy"], capture_output=True, text=True).stdout
    except OSError:
        out = ""
    codename = ""
    try:
        with open("/etc/os-release") as f:
            codename = next((l.split("=", 1)[1].strip().strip('"') for l in f
                             if l.startswith("VERSION_CODENAME=")), "")
    except OSError:
        pass
    for line in out.splitlines():  # " 500 http://deb.debian.org/debian bookworm/main amd64 Packages"
        f = line.split()
        if len(f) >= 3 and f[1].startswith(("http://", "https://")) and f[2] == f"{codename}/main":
            return f[1].rstrip("/")
    return "http://deb.debian.org/debian"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def download(dest):
    tarball = dest / "download" / TARBALL
    if tarball.is_file() and sha256(tarball) == SHA256:
        return tarball
    tarball.parent.mkdir(parents=True, exist_ok=True)
    url = f"{mirror()}/{POOL}/{TARBALL}"
    log(f"downloading {url}")
    helper = "/usr/lib/apt/apt-helper"
    part = tarball.with_suffix(".part")
    part.unlink(missing_ok=True)
    if os.path.exists(helper):
        # as root, apt would hand the download to its _apt user, which may
        # not write here; the hash is checked by apt-helper and again below
        cmd = [helper] + (["-o", "APT::Sandbox::User=root"] if os.getuid() == 0 else []) + [
            "download-file", url, str(part), f"SHA256:{SHA256}"]
    else:
        cmd = ["curl", "-fsSL", "-o", str(part), url]
    if subprocess.run(cmd).returncode != 0:
        sys.exit(f"make-corpus: could not download {url} (set VIRTLINT_DEBIAN_MIRROR=URL for another mirror)")
    got = sha256(part)
    if got != SHA256:
        part.unlink()
        sys.exit(f"make-corpus: {url}: SHA-256 {got}, expected {SHA256}")
    part.rename(tarball)
    return tarball


def root_is_domain(data):
    """<domain> is the first element (after the prolog and comments)."""
    text = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", data, flags=re.S).lstrip()
    return re.match(rb"<domain[\s>/]", text) is not None


def extract(tarball, out):
    tests, schemas = out / "tests", out / "schemas"
    tests.mkdir(parents=True)
    schemas.mkdir()
    with tarfile.open(tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}

        def read(m):
            while m.issym():  # a sibling's name: copy the file it names
                m = members[os.path.normpath(os.path.join(os.path.dirname(m.name), m.linkname))]
            return tar.extractfile(m).read()

        inputs, errors = [], []
        for name, m in sorted(members.items()):
            base = name.rsplit("/", 1)[-1]
            if name.startswith(SCHEMAS) and base.endswith(".rng") and "/" not in name[len(SCHEMAS):]:
                (schemas / base).write_bytes(read(m))
            elif not name.startswith(TESTS) or "/" in name[len(TESTS):]:
                continue
            elif base.endswith(".xml") and not INFIX.search(base):
                data = read(m)
                if root_is_domain(data):
                    (tests / base).write_bytes(data)
                    inputs.append(base)
            elif base.endswith(".err"):
                errors.append((base, m))
        rows = []
        for base, m in errors:
            xml = base.split(".", 1)[0] + ".xml"
            if xml in inputs:
                rows.append((xml, base, read(m).decode().strip().replace("\n", " ")))
    with open(tests / "EXPECTED_ERRORS.tsv", "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["file", "err_file", "libvirt_error"])
        w.writerows(sorted(rows))
    return len(inputs), len(rows), len(list(schemas.iterdir()))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tools/make-corpus.py DEST")
    dest = Path(sys.argv[1]).resolve()
    if (dest / STAMP).is_file():
        log(f"{dest} is already made (remove it to make it again)")
        return 0
    dest.mkdir(parents=True, exist_ok=True)
    tarball = download(dest)
    with tempfile.TemporaryDirectory(dir=dest) as tmp:
        part = Path(tmp) / "libvirt-11.3"
        n_in, n_err, n_rng = extract(tarball, part)
        shutil.rmtree(dest / "libvirt-11.3", ignore_errors=True)
        part.rename(dest / "libvirt-11.3")
    (dest / "libvirt-11.3" / "SOURCE.md").write_text(
        f"libvirt {VERSION}'s test-suite inputs and schemas, extracted by tools/make-corpus.py from\n"
        f"Debian's {TARBALL} (SHA-256 {SHA256}); LGPL-2.1-or-later.\n")
    (dest / STAMP).write_text(f"{TARBALL} {SHA256}\n")
    log(f"{dest}/libvirt-11.3: {n_in} domains, {n_err} expected errors, {n_rng} schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
