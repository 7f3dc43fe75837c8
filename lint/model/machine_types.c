/* The versioned x86 machine types of the QEMU releases virtlint knows: see
 * machine_types.h.
 *
 * How the tables were derived (2026-12): `qemu-system-x86_64 -machine help`
 * of the three Debian binaries, read line by line,
 *   QEMU 7.2.22  (Debian 12, 1:7.2+dfsg-7+deb12u18+b3, the host),
 *   QEMU 10.0.13 (Debian 13, 1:10.0.13+ds-0+deb13u1, build/roots/trixie),
 *   QEMU 11.1.3  (Debian unstable, 1:11.1.3+ds-1, build/roots/sid).
 * Each lists every release from its oldest type to its own for both
 * families, without gaps (1.4-1.7, 2.0-2.12, 3.0-3.1, then X.0-X.2), plus
 * pc-q35-4.0.1 in 7.2 and 10.0; "(deprecated)" marks the same releases in
 * both families.  QEMU 7.2 predates the 3-and-6-years policy (its
 * deprecated.rst has no such text; 10.0's and 11.1's do): it only
 * deprecates pc-i440fx-1.4 to 1.7.  libvirt refuses a type the binary lacks
 * ("Emulator '/usr/bin/qemu-system-x86_64' does not support machine type
 * 'pc-q35-4.2'", checked with the embedded driver of libvirt 9.0, 11.3 and
 * 12.8). */
#include "lint/model/machine_types.h"

#include <stdio.h>
#include <string.h>

#include "lint/engine/version.h"

static const VlQemuMachineTypes known[] = {
    /* pc-i440fx-1.4 .. 7.2 (1.4-1.7 deprecated), pc-q35-2.4 .. 7.2 and 4.0.1 */
    /* mutate: skip[ver+1@88] — equivalent: no i440fx type lies between 1.7 and 1.8 (QEMU went from 1.7 to 2.0, and vl_machine_type_versioned refuses pc-i440fx-1.8) */
    { VL_LIBVIRT(7, 2), "Debian 12", VL_LIBVIRT(1, 4), VL_LIBVIRT(2, 4), VL_LIBVIRT(1, 7), true },
    /* pc-i440fx-2.4 .. 10.0, pc-q35-2.4 .. 10.0 and 4.0.1; 7.0 and older deprecated */
    { VL_LIBVIRT(10, 0), "Debian 13", VL_LIBVIRT(2, 4), VL_LIBVIRT(2, 4), VL_LIBVIRT(7, 0), true },
    /* pc-i440fx-5.2 .. 11.1, pc-q35-5.2 .. 11.1; 8.1 and older deprecated */
    { VL_LIBVIRT(11, 1), "Debian unstable", VL_LIBVIRT(5, 2), VL_LIBVIRT(5, 2), VL_LIBVIRT(8, 1), false },
};

const VlQemuMachineTypes *
vl_machine_types_newest(void)
{
    return &known[G_N_ELEMENTS(known) - 1];
}

const VlQemuMachineTypes *
vl_machine_types_for(unsigned target, bool *exact)
{
    const VlQemuMachineTypes *found = NULL;

    *exact = false;
    if (!target)
        return vl_machine_types_newest();
    for (gsize i = 0; i < G_N_ELEMENTS(known); i++) {
        /* releases, not micro versions: 11.1.3 is 11.1 */
        if (known[i].qemu / 1000u == target / 1000u) {
            *exact = true;
            return &known[i];
        }
        if (known[i].qemu < target)
            found = &known[i];
    }
    return found;
}

/* The newest minor release of MAJOR (up to the newest known), 0 for none:
 * the releases machine type names were made of. */
static int
last_minor(unsigned major)
{
    static const int last[] = { 15, 7, 12, 1, 2, 2, 2, 2, 2, 2, 2, 1 };

    return major < G_N_ELEMENTS(last) ? last[major] : -1;
}

/* "X.Y" or "X.Y.Z", plain decimal numbers; false otherwise */
static bool
parse_release(const char *text, unsigned *major, unsigned *minor, unsigned *micro)
{
    char tail;
    int n;

    *micro = 0;
    if (!g_ascii_isdigit(text[0]))
        return false;
    n = sscanf(text, "%u.%u.%u%c", major, minor, micro, &tail);
    if (n == 3)
        return strspn(text, "0123456789.") == strlen(text);
    n = sscanf(text, "%u.%u%c", major, minor, &tail);
    return n == 2 && strspn(text, "0123456789.") == strlen(text);
}

bool
vl_machine_type_versioned(const char *machine, VlMachineFamily *family, unsigned *version)
{
    unsigned major, minor, micro;
    const char *rest;

    if (!machine)
        return false;
    if (g_str_has_prefix(machine, "pc-q35-")) {
        *family = VL_MACHINE_Q35;
        rest = machine + strlen("pc-q35-");
    } else if (g_str_has_prefix(machine, "pc-i440fx-")) {
        *family = VL_MACHINE_I440FX;
        rest = machine + strlen("pc-i440fx-");
    } else if (g_str_has_prefix(machine, "pc-")) {
        /* pc-0.10 .. pc-1.3, the i440fx types before pc-i440fx-1.4 */
        *family = VL_MACHINE_I440FX;
        rest = machine + strlen("pc-");
        if (!parse_release(rest, &major, &minor, &micro) || micro || major > 1 ||
            (major == 0 && minor < 10) || (major == 1 && minor > 3))
            return false;
        *version = VL_LIBVIRT(major, minor);
        return true;
    } else {
        return false;
    }
    if (!parse_release(rest, &major, &minor, &micro))
        return false;
    if (micro && !(*family == VL_MACHINE_Q35 && major == 4 && minor == 0 && micro == 1))
        return false; /* 4.0.1 is the only micro release with machine types */
    if (last_minor(major) < 0 || (int) minor > last_minor(major))
        return false; /* no such release (or newer than every known one) */
    if (major == 0 || (major == 1 && minor < 4))
        return false; /* written pc-0.NN and pc-1.N then */
    *version = VL_LIBVIRT(major, minor) + micro;
    return true;
}

VlMachineTypeState
vl_machine_type_state(const VlQemuMachineTypes *t, const char *machine)
{
    VlMachineFamily family;
    unsigned version, release;

    if (!t || !vl_machine_type_versioned(machine, &family, &version))
        return VL_MACHINE_TYPE_NOT_JUDGED;
    release = version / 1000u * 1000u;
    if (release > t->qemu)
        return VL_MACHINE_TYPE_NOT_JUDGED; /* machine-type-newer-than-target's */
    if (release < (family == VL_MACHINE_Q35 ? t->oldest_q35 : t->oldest_i440fx) ||
        (version != release && !t->q35_4_0_1))
        return VL_MACHINE_TYPE_DELETED;
    if (release <= t->deprecated_through)
        return VL_MACHINE_TYPE_DEPRECATED;
    return VL_MACHINE_TYPE_PRESENT;
}

const char *
vl_machine_type_newest(const VlQemuMachineTypes *t, VlMachineFamily family, char *buf, unsigned size)
{
    g_snprintf(buf, size, "%s-%u.%u", family == VL_MACHINE_Q35 ? "pc-q35" : "pc-i440fx", t->qemu / 1000000u,
               t->qemu / 1000u % 1000u);
    return buf;
}

bool
vl_machine_type_ubuntu_only(const char *machine)
{
    const char *rest;

    if (!machine)
        return false;
    if (strcmp(machine, "ubuntu") == 0)
        return true;
    if (g_str_has_prefix(machine, "pc-q35-"))
        rest = machine + strlen("pc-q35-");
    else if (g_str_has_prefix(machine, "pc-i440fx-"))
        rest = machine + strlen("pc-i440fx-");
    else
        return false;
    /* a release's code name, lower case, then perhaps -v2, -hpb, ...; Red
     * Hat's are rhelX.Y.Z */
    if (!g_ascii_islower(rest[0]) || g_str_has_prefix(rest, "rhel"))
        return false;
    for (; *rest && *rest != '-'; rest++)
        if (!g_ascii_islower(*rest))
            return false;
    return true;
}
