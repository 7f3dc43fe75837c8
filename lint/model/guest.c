#include "lint/model/guest.h"

#include <string.h>
#include <glib.h>

static const struct {
    const char *name;
    VlWindowsEdition edition;
} editions[] = {
    { "home", VL_EDITION_HOME },
    { "pro", VL_EDITION_PRO },
    { "education", VL_EDITION_EDUCATION },
    { "enterprise", VL_EDITION_ENTERPRISE },
    { "workstation", VL_EDITION_WORKSTATION },
    { "server", VL_EDITION_SERVER },
    { NULL, VL_EDITION_UNKNOWN },
};

bool
vl_guest_parse_edition(const char *name, VlWindowsEdition *edition)
{
    for (size_t i = 0; editions[i].name; i++) {
        if (g_ascii_strcasecmp(name, editions[i].name) == 0) {
            *edition = editions[i].edition;
            return true;
        }
    }
    return false;
}

const char *
vl_guest_edition_name(VlWindowsEdition edition)
{
    for (size_t i = 0; editions[i].name; i++) {
        if (editions[i].edition == edition)
            return editions[i].name;
    }
    return "unknown";
}

bool
vl_guest_parse_os(const char *name, VlGuestFamily *family, unsigned *windows_version,
                  VlWindowsEdition *edition)
{
    *windows_version = 0;
    if (g_ascii_strcasecmp(name, "windows") == 0) {
        *family = VL_GUEST_WINDOWS;
    } else if (g_ascii_strcasecmp(name, "win10") == 0 || g_ascii_strcasecmp(name, "windows-10") == 0) {
        *family = VL_GUEST_WINDOWS;
        *windows_version = 10;
    } else if (g_ascii_strcasecmp(name, "win11") == 0 || g_ascii_strcasecmp(name, "windows-11") == 0) {
        *family = VL_GUEST_WINDOWS;
        *windows_version = 11;
    } else if (g_ascii_strcasecmp(name, "windows-server") == 0) {
        *family = VL_GUEST_WINDOWS;
        *edition = VL_EDITION_SERVER;
    } else if (g_ascii_strcasecmp(name, "linux") == 0) {
        *family = VL_GUEST_LINUX;
    } else if (g_ascii_strcasecmp(name, "other") == 0) {
        *family = VL_GUEST_OTHER;
    } else {
        return false;
    }
    return true;
}

void
vl_guest_from_osinfo_id(const char *id, VlGuestFamily *family, unsigned *windows_version,
                        VlWindowsEdition *edition)
{
    const char *win = "http://microsoft.com/win/";

    *windows_version = 0;
    if (g_str_has_prefix(id, win)) {
        const char *ver = id + strlen(win);

        *family = VL_GUEST_WINDOWS;
        /* Server releases are named 2k3, 2k8, 2k8r2, 2k12 ... 2k25. */
        if (g_str_has_prefix(ver, "2k"))
            *edition = VL_EDITION_SERVER;
        else
            *windows_version = (unsigned) g_ascii_strtoull(ver, NULL, 10);
    } else if (strstr(id, "linux") || g_str_has_prefix(id, "http://fedoraproject.org/") ||
               g_str_has_prefix(id, "http://ubuntu.com/") || g_str_has_prefix(id, "http://debian.org/") ||
               g_str_has_prefix(id, "http://redhat.com/") || g_str_has_prefix(id, "http://centos.org/") ||
               /* mutate: skip[drop-or@16] — equivalent: an archlinux.org id contains linux, which the first operand matches */
               g_str_has_prefix(id, "http://archlinux.org/") || g_str_has_prefix(id, "http://opensuse.org/") ||
               /* mutate: skip[drop-or@16,drop-or@65] — equivalent: almalinux.org and rockylinux.org ids contain linux, which the first operand matches */
               g_str_has_prefix(id, "http://almalinux.org/") || g_str_has_prefix(id, "http://rockylinux.org/") ||
               g_str_has_prefix(id, "http://nixos.org/") || g_str_has_prefix(id, "http://gentoo.org/") ||
               /* mutate: skip[drop-or@16] — equivalent: an alpinelinux.org id contains linux, which the first operand matches */
               g_str_has_prefix(id, "http://alpinelinux.org/")) {
        *family = VL_GUEST_LINUX;
    } else {
        *family = VL_GUEST_OTHER;
    }
}

unsigned
vl_guest_socket_limit(VlWindowsEdition edition)
{
    switch (edition) {
    case VL_EDITION_SERVER:
        return 0;
    case VL_EDITION_WORKSTATION:
        return 4;
    case VL_EDITION_PRO:
    case VL_EDITION_EDUCATION:
    case VL_EDITION_ENTERPRISE:
        return 2;
    case VL_EDITION_HOME:
    case VL_EDITION_UNKNOWN:
    default:
        /* Unknown: the strictest desktop limit, right for every edition. */
        return 1;
    }
}

bool
vl_guest_is_windows(const VlGuest *guest)
{
    return guest->family == VL_GUEST_WINDOWS;
}
