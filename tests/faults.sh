#!/usr/bin/env bash
# Never lose a file: --fix killed at every file system call, those calls
# failing (a full disk, an I/O error), the file replaced while it is being
# fixed, a read-only directory, a file-size limit.  After each, the file is
# the original (or the new contents someone else wrote) or the complete
# fixed one, never anything between, and the exit status says which.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=faults
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

src=examples/win11.xml
"$VL" -q --no-config --fix - <"$src" >"$tmp/fixed.xml" 2>/dev/null

# The file is the original or the complete fixed one.
intact_or_fixed() {
    cmp -s "$1" "$src" || cmp -s "$1" "$tmp/fixed.xml"
}
# No temporary file is left beside it after a failure virtlint saw.
no_litter() {
    ! ls -a "$(dirname "$1")" | grep -q '^\.virtlint-'
}

if ! command -v strace >/dev/null; then
    fail "strace is needed to inject faults (apt-get install strace)"
    finish
    exit
fi

# Killed at every system call of a --fix run that touches files: before
# each open, write, fchmod, fchown, fsync, close and rename, in turn
# (strace counts each call by name and delivers SIGKILL on entry to the Nth).
mkdir "$tmp/k"
cp "$src" "$tmp/k/k.xml"
calls=openat,close,write,fchmod,fchown,fsync,rename
strace -f -o "$tmp/trace" -e trace=$calls "$VL" -q --no-config --no-cache --fix "$tmp/k/k.xml" >/dev/null 2>&1
kills=0 intact=0 replaced=0
for name in ${calls//,/ }; do
    n=$(grep -cE "^[0-9]+ +$name\(" "$tmp/trace")
    for i in $(seq 1 "$n"); do
        cp "$src" "$tmp/k/k.xml"
        ( strace -f -o /dev/null -e trace="$name" -e inject="$name":signal=KILL:when="$i" \
            "$VL" -q --no-config --no-cache --fix "$tmp/k/k.xml" >/dev/null 2>&1
          true ) 2>/dev/null # strace dies of the same signal: bash's "Killed" goes nowhere
        kills=$((kills + 1))
        if cmp -s "$tmp/k/k.xml" "$src"; then
            intact=$((intact + 1))
        elif cmp -s "$tmp/k/k.xml" "$tmp/fixed.xml"; then
            replaced=$((replaced + 1))
        else
            fail "killed on entry to $name call $i: the file is neither the original nor the fixed one"
        fi
        rm -f "$tmp"/k/.virtlint-* # what a killed process cannot clean up
    done
done
echo "faults: killed at $kills system calls: $intact left the original, $replaced the fixed file"
[ "$kills" -ge 10 ] && [ "$intact" -gt 0 ] && [ "$replaced" -gt 0 ] && pass ||
    fail "the kill sweep did not cover both sides of the rename ($kills kills)"

# A call that fails: the original stays, exit 2, the reason said, nothing
# left behind.  Only the first call of each kind fails: the first write is
# the temporary file's (a failing write to stderr would hide the message).
inject_failure() {
    local call=$1 errno=$2 message=$3
    mkdir -p "$tmp/e"
    cp "$src" "$tmp/e/e.xml"
    strace -f -o /dev/null -e trace="$call" -e inject="$call":error="$errno":when=1 \
        "$VL" -q --no-config --no-cache --fix "$tmp/e/e.xml" >/dev/null 2>"$tmp/err"
    local rc=$?
    [ $rc -eq 2 ] && pass || fail "$call failing with $errno: exit $rc, wanted 2"
    cmp -s "$tmp/e/e.xml" "$src" && pass || fail "$call failing with $errno: the original changed"
    grep -q "$tmp/e/e.xml: error: .*$message" "$tmp/err" && pass || fail "$call failing with $errno: $(cat "$tmp/err")"
    no_litter "$tmp/e/e.xml" && pass || fail "$call failing with $errno: a temporary file was left"
}
inject_failure write ENOSPC "No space left on device" # the disk fills up
inject_failure fsync EIO "Input/output error"         # the disk fails
inject_failure fchmod EPERM "Operation not permitted"
inject_failure rename EXDEV "Invalid cross-device link"

# The file replaced during the run (an editor saves, a checkout switches
# branches): it is not overwritten.  The first fsync, of the temporary
# file, is held back until the file has been replaced.
replaced_during_run() {
    local how=$1
    mkdir -p "$tmp/r"
    cp "$src" "$tmp/r/r.xml"
    strace -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=3000000:when=1 \
        "$VL" -q --no-config --no-cache --fix "$tmp/r/r.xml" >/dev/null 2>"$tmp/err" &
    local pid=$!
    for _ in $(seq 200); do # wait for the temporary file: virtlint is writing
        ls -a "$tmp/r" | grep -q '^\.virtlint-' && break
        sleep 0.01
    done
    sed 's/<name>win11<\/name>/<name>edited<\/name>/' "$src" >"$tmp/edited.xml"
    if [ "$how" = rename ]; then
        cp "$tmp/edited.xml" "$tmp/r/new.xml" && mv "$tmp/r/new.xml" "$tmp/r/r.xml"
    else
        cat "$tmp/edited.xml" >"$tmp/r/r.xml"
    fi
    wait $pid
    local rc=$?
    [ $rc -eq 2 ] && pass || fail "file replaced ($how) during --fix: exit $rc, wanted 2"
    cmp -s "$tmp/r/r.xml" "$tmp/edited.xml" && pass || fail "file replaced ($how) during --fix: the new contents were overwritten"
    grep -q "error: the file changed while virtlint was fixing it" "$tmp/err" && pass ||
        fail "file replaced ($how) during --fix: $(cat "$tmp/err")"
    no_litter "$tmp/r/r.xml" && pass || fail "file replaced ($how) during --fix: a temporary file was left"
}
replaced_during_run in-place
replaced_during_run rename

# a full disk: writes past a file-size limit fail, the original stays
cp "$src" "$tmp/full.xml"
( ulimit -f 1; "$VL" -q --no-config --fix "$tmp/full.xml" ) >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && pass || fail "full disk: exit $rc, wanted 2"
cmp -s "$tmp/full.xml" "$src" && pass || fail "full disk: the original changed"

# a real full file system: a 16 KiB tmpfs with room for the original only.
# It is mounted in a mount namespace of its own, which vanishes with it (no
# umount, nothing left mounted if the test dies): unshare -m as root, else
# unshare -rm, a user namespace, where unprivileged users may mount a tmpfs
# (Debian 12's kernel allows it).  Only where neither works (a container
# without CAP_SYS_ADMIN whose seccomp profile forbids unshare) is it skipped.
full_tmpfs() {
    mount -t tmpfs -o size=16k tmpfs "$tmp/mnt" || exit 1
    cp "$src" "$tmp/mnt/full.xml"
    # fill what is left (the last partial block fails with ENOSPC: fine)
    dd if=/dev/zero of="$tmp/mnt/filler" bs=1k count=64 2>/dev/null
    "$VL" -q --no-config --no-cache --fix "$tmp/mnt/full.xml" >/dev/null 2>"$tmp/tmpfs.err"
    echo $? >"$tmp/tmpfs.rc"
    cmp -s "$tmp/mnt/full.xml" "$src" && echo same >"$tmp/tmpfs.original"
    ls -a "$tmp/mnt" >"$tmp/tmpfs.ls"
}
export -f full_tmpfs
export VL src tmp
mkdir -p "$tmp/mnt"
ns_tried=""
for ns in "unshare -m" "unshare -rm"; do
    [ "$ns" = "unshare -m" ] && [ "$(id -u)" -ne 0 ] && continue
    $ns bash -c full_tmpfs 2>"$tmp/tmpfs.ns" && [ -e "$tmp/tmpfs.rc" ] && break
    ns_tried="$ns_tried; $ns: $(head -1 "$tmp/tmpfs.ns")"
done
if [ -e "$tmp/tmpfs.rc" ]; then
    rc=$(cat "$tmp/tmpfs.rc")
    [ "$rc" -eq 2 ] && pass || fail "full tmpfs: exit $rc, wanted 2"
    [ -e "$tmp/tmpfs.original" ] && pass || fail "full tmpfs: the original changed"
    grep -q "No space left on device" "$tmp/tmpfs.err" && pass || fail "full tmpfs: $(cat "$tmp/tmpfs.err")"
    grep -q '^\.virtlint-' "$tmp/tmpfs.ls" && fail "full tmpfs: a temporary file was left" || pass
else
    skip "cannot mount a tmpfs in a private mount namespace here${ns_tried}"
fi

# a read-only directory: as root, run as nobody (root writes anywhere);
# otherwise as this user, in a directory of theirs without write permission
mkdir -p "$tmp/ro"
cp "$src" "$tmp/ro/r.xml"
ro_run=""
if [ "$(id -u)" -ne 0 ]; then
    chmod 0555 "$tmp/ro"
    ro_run="$VL"
elif command -v setpriv >/dev/null; then
    chown -R 65534:65534 "$tmp/ro"
    chmod 0555 "$tmp/ro"
    chmod 0755 "$tmp"
    # a copy of the binary the unprivileged user can reach wherever the checkout is
    cp "$VL" "$tmp/virtlint" && chmod 0755 "$tmp/virtlint"
    ro_run="setpriv --reuid 65534 --regid 65534 --clear-groups $tmp/virtlint"
fi
if [ -n "$ro_run" ]; then
    $ro_run -q --no-config --fix "$tmp/ro/r.xml" >/dev/null 2>"$tmp/err"
    rc=$?
    [ $rc -eq 2 ] && pass || fail "read-only directory: exit $rc, wanted 2"
    grep -q "cannot create a temporary file beside it" "$tmp/err" && pass || fail "read-only directory: $(cat "$tmp/err")"
    cmp -s "$tmp/ro/r.xml" "$src" && pass || fail "read-only directory: the original changed"
else
    skip "the read-only directory case needs setpriv when run as root (apt-get install util-linux)"
fi

finish
