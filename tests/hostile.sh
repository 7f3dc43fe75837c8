#!/usr/bin/env bash
# Hostile and broken input: each gets a clear message naming the file (and
# line where there is one), exit 2, under a second and 64 MiB, and nothing
# but the input is read (a file the input points at is never opened).
set -u
VL=$(realpath "${1:-./virtlint}")
suite=hostile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

secret=$tmp/secret.txt
echo "TOP SECRET" >"$secret"

# hostile CASE MESSAGE-PATTERN: exit 2, the message, time and memory bounds,
# and (through strace, when present) no open() of the secret
hostile() {
    local name=$1 pattern=$2 file=$tmp/$1
    shift 2
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$VL" "$@" "$file" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [ $rc -eq 2 ] && pass || fail "$name: exit $rc, wanted 2"
    grep -qE -- "$pattern" "$tmp/err" && pass || { fail "$name: /$pattern/ not in stderr"; head -3 "$tmp/err"; }
    grep -qF -- "$file" "$tmp/err" && pass || fail "$name: the message does not name the file"
    read -r secs kib < <(tail -1 "$tmp/time")
    awk -v s="$secs" 'BEGIN { exit !(s < 1.0) }' && pass || fail "$name: took ${secs}s"
    [ "$kib" -lt 65536 ] && pass || fail "$name: used ${kib} KiB"
    grep -q "TOP SECRET" "$tmp/out" "$tmp/err" && fail "$name: the secret leaked into the output" || pass
    if command -v strace >/dev/null; then
        strace -f -e trace=open,openat -o "$tmp/trace" "$VL" "$@" "$file" >/dev/null 2>&1
        # the instrument first: a trace that does not show the input being
        # opened proves nothing about the secret
        if ! grep -qF -- "\"$file\"" "$tmp/trace" 2>/dev/null; then
            fail "$name: strace did not trace the open of the input (cannot check the secret)"
        else
            grep -q "secret.txt" "$tmp/trace" && fail "$name: opened the file the input points at" || pass
        fi
    else
        skip "$name: strace is missing: that the secret file is never opened is not checked"
    fi
}

python3 - "$tmp" "$secret" <<'PY'
import os, sys
d, secret = sys.argv[1], sys.argv[2]
def w(name, data, mode='w'):
    with open(os.path.join(d, name), mode) as f:
        f.write(data)
ents = "".join(f"<!ENTITY e{i} '{'&e%d;' % (i - 1) * 10}'>\n" for i in range(1, 10))
w("bomb.xml", "<?xml version='1.0'?>\n<!DOCTYPE domain [\n<!ENTITY e0 'lol'>\n" + ents + "]>\n<domain><name>&e9;</name></domain>\n")
w("xxe.xml", f"<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file://{secret}'>]>\n<domain><name>&x;</name></domain>\n")
w("dtd.xml", f"<?xml version='1.0'?>\n<!DOCTYPE domain SYSTEM 'file://{secret}'>\n<domain><name>x</name></domain>\n")
w("undefined.xml", "<domain>\n  <name>&nowhere;</name>\n</domain>\n")
w("deep.xml", "<domain>" + "<a>" * 10000 + "</a>" * 10000 + "</domain>\n")
with open(os.path.join(d, "huge-attr.xml"), "w") as f:
    f.write("<domain><name x='")
    chunk = "A" * (1 << 20)
    for _ in range(100):
        f.write(chunk)
    f.write("'>x</name></domain>\n")
w("utf8.xml", b"<domain><name>\xff\xfe bad</name></domain>\n", "wb")
w("nul.xml", b"<domain>\n<name>x\x00</name></domain>\n", "wb")
w("utf16.xml", "\ufeff<domain>\n<name>x</name></domain>\n".encode("utf-16-le"), "wb")
w("garbage.xml", os.urandom(4096), "wb")
w("empty.xml", "")
w("big.xml", "<domain><name>x</name>" + "<!-- padding -->" * 300000 + "</domain>\n")
PY
mkdir "$tmp/dir.xml"
mkfifo "$tmp/fifo.xml"

hostile bomb.xml "DOCTYPE declarations are not allowed"
hostile xxe.xml "DOCTYPE declarations are not allowed"
hostile dtd.xml "DOCTYPE declarations are not allowed"
hostile undefined.xml "^$tmp/undefined.xml:2:[0-9]+: error: .*nowhere"
hostile deep.xml "^$tmp/deep.xml:1:[0-9]+: error: .*[Ee]xcessive depth"
hostile huge-attr.xml "larger than the 16777216 byte limit"
hostile utf8.xml "^$tmp/utf8.xml:1:[0-9]+: error: .*UTF-8"
hostile nul.xml "^$tmp/nul.xml:2: error: NUL byte"
hostile utf16.xml "^$tmp/utf16.xml:1: error: UTF-16 input is not supported"
hostile garbage.xml "error:"
hostile empty.xml "file is empty"
hostile dir.xml "no \*\.xml files"
hostile fifo.xml "not a regular file"
hostile big.xml "larger than the 1048576 byte limit" --max-file-size 1M

# the size limit is configurable, and standard input is bounded too
expect_rc 2 "stdin over the limit" -- bash -c "\"$VL\" --max-file-size 1K - < $tmp/big.xml"
expect_grep "<stdin>: error: larger than the 1024 byte limit" "$tmp/err" "stdin size limit"
expect_rc 2 "bad --max-file-size" -- "$VL" --max-file-size lots examples/win11.xml

finish
