/* The machine: see machine.h. */
#include "lint/model/machine.h"

#include <string.h>

/* The domain runs on libvirt's QEMU driver: KVM, TCG, or macOS's
 * Hypervisor.framework (type='hvf', QEMU driver since libvirt 8.1). */
bool
vl_is_qemu(const VlModel *m)
{
    return m->domain_type && (strcmp(m->domain_type, "kvm") == 0 || strcmp(m->domain_type, "qemu") == 0 ||
                              strcmp(m->domain_type, "hvf") == 0);
}

bool
vl_is_x86(const VlModel *m)
{
    return !m->arch || strcmp(m->arch, "x86_64") == 0 || strcmp(m->arch, "i686") == 0;
}

bool
vl_is_q35(const VlModel *m)
{
    return m->machine_family == VL_MACHINE_Q35;
}

const char *
vl_machine_name(const VlModel *m)
{
    return m->machine ? m->machine : "the default machine type (i440fx)";
}
