#!/usr/bin/env bash
# Host facts from saved files and from a connection; the note when
# host-aware rules are skipped.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=host
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
h=tests/data/host
case=corpus/host-pci-device/gpu-without-audio.xml

expect_rc 0 "no host facts" -- "$VL" --concise --select host "$case"
expect_grep "note: 9 host-aware rules skipped: no host facts" "$tmp/err" "says once that host rules were skipped"
expect_rc 0 "-q keeps it quiet" -- "$VL" -q --select host "$case"
[ -s "$tmp/err" ] && fail "-q printed the note" || pass
expect_rc 0 "no note when host rules are not selected" -- "$VL" --concise --select disk "$case"
expect_no_grep "host-aware" "$tmp/err" "no note for an unrelated selection"
# the cpu category has host-aware rules too: the pinning rules (tests/pinning.sh)
expect_rc 0 "--select cpu" -- "$VL" --concise --select cpu "$case"
expect_grep "note: 3 host-aware rules skipped: no host facts" "$tmp/err" "the pinning rules' note"

# the group's members are in a note, which --concise leaves out
expect_rc 1 "--nodedev" -- "$VL" --select host --nodedev $h/nodedev "$case"
expect_grep "shares IOMMU group 14 with 0000:0f:00.1" "$tmp/out" "IOMMU group from saved nodedev files"
expect_rc 1 "all three files" -- "$VL" --concise --select host --capabilities $h/capabilities.xml \
    --domcapabilities $h/domcapabilities.xml --nodedev $h/nodedev corpus/host-cpuset-range/pins-beyond-host.xml
expect_grep "host-cpuset-range" "$tmp/out" "capabilities from a saved file"
expect_rc 2 "bad capabilities file" -- "$VL" --capabilities "$case" "$case"
expect_grep "not capabilities XML" "$tmp/err" "names what is wrong"
expect_rc 2 "missing nodedev dir" -- "$VL" --nodedev "$tmp/none" "$case"

if virsh -c qemu:///system version >/dev/null 2>&1; then
    expect_rc 1 "--connect gives host facts" -- "$VL" --select host-emulator -c qemu:///system \
        corpus/host-emulator/rhel-emulator.xml
    expect_grep "emulator /usr/libexec/qemu-kvm is not one" "$tmp/out" "capabilities from libvirtd"
else
    skip "libvirtd is not reachable on qemu:///system; --connect host facts not checked"
fi

finish
