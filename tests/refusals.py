"""Which of libvirt's refusals are about the host rather than the document
(shared by tests/libvirt_releases.py and tests/libvirt_oracle.py)."""
import re

# A refusal is about this host, not about the document, when libvirt's
# message says a binary, machine type, device model, file or feature is
# missing here (another host, with other emulators, firmware or devices,
# could define the same XML).  Everything else is "host-independent": the
# XML itself is wrong for that release, and a linter could say so.
HOST_DEPENDENT = [
    r"Cannot check QEMU binary",                 # no qemu-system-ARCH for that emulator/arch
    r"does not support machine type",            # machine type this QEMU lacks
    r"No such file",                             # a path in the XML that is not on this host
    r"Cannot access",                            # same, for storage/firmware paths
    r"not supported by this QEMU binary",        # device/feature this QEMU build lacks
    r"unsupported by this QEMU binary",
    r"(isn't|is not) supported by this QEMU binary",  # sgx epc, ...
    r"this QEMU binary (doesn't|does not) support",
    r"QEMU binary .* (doesn't|does not) support",
    r"is not supported by this QEMU",
    r"No guest options available for arch",      # no emulator for the arch at all
    r"Emulator '.*' does not support virt type",  # kvm/hvf/... not on this host
    r"no (suitable )?emulator",
    r"host doesn't support",                     # host CPU/feature probes
    r"KVM is not available",
    r"is not supported by hypervisor",          # CPU mode host-passthrough/maximum without KVM
    r"TPM version '.*' is not supported",        # swtpm_setup (swtpm-tools) missing or too old here
    r"Unable to find .*(binary|firmware|executable)",
    r"Unable to find a satisfying",              # virtiofsd (or another helper) not installed
    r"firmware .*(not found|unavailable)",
    r"Did not find any firmware",                # firmware auto-selection: no matching descriptor here
    r"Unable to find any firmware",
    r"unable to find any master var store",
    r"failed to find a suitable firmware",
    r"(device|feature) .* not (available|supported) on this host",
    r"is not supported by the host",             # e.g. VFIO PCI assignment without VFIO here
    r"not supported with this QEMU",             # SEV, rdp graphics: this QEMU build or host
    r"Emulator '.*' does not support arch",      # the emulator path here is for another arch
    r"in qemu\.conf",                            # this host's qemu.conf (spice/vnc TLS, ...)
    r"missing target information for device",    # a block device path that is not on this host
    r"Failed to connect socket",                 # a daemon/socket of this host
    r"unable to execute",
    r"Unable to get (devmapper|device)",
    r"Failed to open file",
    r"(virtlogd|virtlockd|swtpm).*(not|missing)",
]
HOST_RE = re.compile("|".join(f"(?:{p})" for p in HOST_DEPENDENT), re.I)


def host_dependent(message):
    return bool(HOST_RE.search(message))
