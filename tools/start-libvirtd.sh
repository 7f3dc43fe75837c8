#!/bin/sh
# Starts virtlogd and libvirtd as root without systemd (containers, CI), so
# that the libvirt oracle tests can define domains on qemu:///system.
set -eu
getent passwd libvirt-qemu >/dev/null || { echo "start-libvirtd: the libvirt-qemu user is missing (install libvirt-daemon-system)" >&2; exit 1; }
mkdir -p /var/run/libvirt /var/log/libvirt /var/lib/libvirt/images
if pgrep -x libvirtd >/dev/null && virsh -c qemu:///system version >/dev/null 2>&1; then
    exit 0
fi
pgrep -x virtlogd >/dev/null || virtlogd -d
pgrep -x libvirtd >/dev/null || libvirtd -d
for _ in $(seq 1 30); do
    virsh -c qemu:///system version >/dev/null 2>&1 && exit 0
    sleep 1
done
echo "start-libvirtd: libvirtd did not answer on qemu:///system" >&2
exit 1
