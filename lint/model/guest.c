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
    } else if (g_ascii_strcasecmp(name, "macos") == 0) {
        *family = VL_GUEST_MACOS;
    } else if (g_ascii_strcasecmp(name, "android") == 0) {
        *family = VL_GUEST_ANDROID;
    } else if (g_ascii_strcasecmp(name, "bsd") == 0) {
        *family = VL_GUEST_BSD;
    } else if (g_ascii_strcasecmp(name, "other") == 0) {
        *family = VL_GUEST_OTHER;
    } else {
        return false;
    }
    return true;
}

/* The vendor domains of osinfo-db (data/os/DOMAIN/) whose OSes are not
 * Linux even though some of them are Unix-like; checked before the Linux
 * test, which also accepts any id containing "linux". */
static const struct {
    const char *prefix;
    VlGuestFamily family;
} osinfo_vendors[] = {
    { "http://apple.com/", VL_GUEST_MACOS },          /* macosx/10.15; virt-manager writes apple.com/macos too */
    { "http://android-x86.org/", VL_GUEST_ANDROID },  /* android-x86/9.0: osinfo-db's family is linux, */
                                                      /* but Android's guests need other things than Linux's */
    { "http://freebsd.org/", VL_GUEST_BSD },
    { "http://openbsd.org/", VL_GUEST_BSD },
    { "http://netbsd.org/", VL_GUEST_BSD },
    { "http://dragonflybsd.org/", VL_GUEST_BSD },
    /* Linux distributions whose id does not contain "linux" */
    { "http://fedoraproject.org/", VL_GUEST_LINUX },
    { "http://ubuntu.com/", VL_GUEST_LINUX },
    { "http://debian.org/", VL_GUEST_LINUX },
    { "http://redhat.com/", VL_GUEST_LINUX },
    { "http://centos.org/", VL_GUEST_LINUX },
    { "http://opensuse.org/", VL_GUEST_LINUX },
    { "http://suse.com/", VL_GUEST_LINUX },
    { "http://nixos.org/", VL_GUEST_LINUX },
    { "http://gentoo.org/", VL_GUEST_LINUX },
    { "http://manjaro.org/", VL_GUEST_LINUX },
    { "http://mageia.org/", VL_GUEST_LINUX },
    { "http://mandriva.com/", VL_GUEST_LINUX },
    { "http://elementary.io/", VL_GUEST_LINUX },
    { "http://system76.com/", VL_GUEST_LINUX },       /* Pop!_OS */
    { "http://pureos.net/", VL_GUEST_LINUX },
    { "http://trisquel.info/", VL_GUEST_LINUX },
    { "http://getsol.us/", VL_GUEST_LINUX },          /* Solus */
    { "http://endlessos.com/", VL_GUEST_LINUX },
    { "http://slackware.com/", VL_GUEST_LINUX },
    { "http://cirros-cloud.net/", VL_GUEST_LINUX },
    { "http://univention.de/", VL_GUEST_LINUX },
    { "http://openanolis.cn/", VL_GUEST_LINUX },
    { "http://asianux.com/", VL_GUEST_LINUX },
    { "http://gnome.org/", VL_GUEST_LINUX },          /* GNOME OS */
    { "http://oracle.com/oel/", VL_GUEST_LINUX },     /* oracle.com/solaris is not */
};

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
        return;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(osinfo_vendors); i++) {
        if (g_str_has_prefix(id, osinfo_vendors[i].prefix)) {
            *family = osinfo_vendors[i].family;
            return;
        }
    }
    /* almalinux.org, rockylinux.org, archlinux.org, alpinelinux.org,
     * libosinfo.org/linux/2022 ... */
    *family = strstr(id, "linux") ? VL_GUEST_LINUX : VL_GUEST_OTHER;
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

const char *
vl_guest_family_name(VlGuestFamily family)
{
    switch (family) {
    case VL_GUEST_WINDOWS: return "Windows";
    case VL_GUEST_LINUX: return "Linux";
    case VL_GUEST_MACOS: return "macOS";
    case VL_GUEST_ANDROID: return "Android";
    case VL_GUEST_BSD: return "BSD";
    case VL_GUEST_OTHER: return "another OS";
    case VL_GUEST_UNKNOWN:
    default: return "an unknown OS";
    }
}

/* Names in the file names of disk images that say which OS they carry: the
 * install ISOs as their vendors name them (Win11_23H2_English_x64.iso,
 * ubuntu-24.04-desktop-amd64.iso, Bliss-v16.9-x86_64-OFFICIAL-gapps.iso,
 * FreeBSD-14.1-RELEASE-amd64-disc1.iso), the boot loaders and recovery
 * images of macOS guests as OSX-KVM names them (OpenCore.qcow2,
 * BaseSystem.img, mac_hdd_ng.img), and the virtio-win driver ISO, which only
 * Windows uses.  Kept short: a name here must be unlikely in a file of any
 * other OS.  Order matters only where one name contains another. */
static const struct {
    const char *name;
    VlGuestFamily family;
} media_names[] = {
    /* macOS */
    { "opencore", VL_GUEST_MACOS }, { "clover", VL_GUEST_MACOS }, { "basesystem", VL_GUEST_MACOS },
    { "mac_hdd", VL_GUEST_MACOS }, { "macos", VL_GUEST_MACOS }, { "osx", VL_GUEST_MACOS },
    { "catalina", VL_GUEST_MACOS }, { "bigsur", VL_GUEST_MACOS }, { "monterey", VL_GUEST_MACOS },
    { "ventura", VL_GUEST_MACOS }, { "sonoma", VL_GUEST_MACOS }, { "sequoia", VL_GUEST_MACOS },
    { "mojave", VL_GUEST_MACOS }, { "highsierra", VL_GUEST_MACOS },
    /* Android (x86 builds) */
    { "bliss", VL_GUEST_ANDROID }, { "blissos", VL_GUEST_ANDROID }, { "android", VL_GUEST_ANDROID },
    { "primeos", VL_GUEST_ANDROID }, { "lineage", VL_GUEST_ANDROID }, { "lineageos", VL_GUEST_ANDROID },
    { "phoenixos", VL_GUEST_ANDROID },
    /* the BSDs and the firewalls built on them */
    { "freebsd", VL_GUEST_BSD }, { "openbsd", VL_GUEST_BSD }, { "netbsd", VL_GUEST_BSD },
    { "dragonfly", VL_GUEST_BSD }, { "ghostbsd", VL_GUEST_BSD }, { "opnsense", VL_GUEST_BSD },
    { "pfsense", VL_GUEST_BSD },
    /* Linux distributions (haos: Home Assistant OS) */
    { "ubuntu", VL_GUEST_LINUX }, { "kubuntu", VL_GUEST_LINUX }, { "xubuntu", VL_GUEST_LINUX },
    { "debian", VL_GUEST_LINUX }, { "fedora", VL_GUEST_LINUX }, { "archlinux", VL_GUEST_LINUX },
    { "manjaro", VL_GUEST_LINUX }, { "linuxmint", VL_GUEST_LINUX }, { "centos", VL_GUEST_LINUX },
    { "rocky", VL_GUEST_LINUX }, { "almalinux", VL_GUEST_LINUX }, { "rhel", VL_GUEST_LINUX },
    { "opensuse", VL_GUEST_LINUX }, { "nixos", VL_GUEST_LINUX }, { "alpine", VL_GUEST_LINUX },
    { "kali", VL_GUEST_LINUX }, { "pop-os", VL_GUEST_LINUX }, { "endeavouros", VL_GUEST_LINUX },
    { "proxmox", VL_GUEST_LINUX }, { "haos", VL_GUEST_LINUX },
    /* Windows */
    { "virtio-win", VL_GUEST_WINDOWS }, { "windows", VL_GUEST_WINDOWS }, { "win7", VL_GUEST_WINDOWS },
    { "win8", VL_GUEST_WINDOWS }, { "win10", VL_GUEST_WINDOWS }, { "win11", VL_GUEST_WINDOWS },
};

/* NAME occurs in TEXT (both lower case) with no letter just before or
 * after it: "win11_23h2" holds win11, "darwin" does not hold win. */
static bool
has_word(const char *text, const char *name)
{
    size_t len = strlen(name);

    for (const char *p = strstr(text, name); p; p = strstr(p + 1, name)) {
        if ((p == text || !g_ascii_isalpha(p[-1])) && !g_ascii_isalpha(p[len]))
            return true;
    }
    return false;
}

bool
vl_guest_boot_image_name(const char *name)
{
    /* OSX-KVM attaches these as device='disk' (OpenCore.qcow2, BaseSystem.img,
     * mac_hdd_ng.img): boot loaders and macOS's own disks, not install discs */
    static const char *const boot_images[] = { "opencore", "clover", "basesystem", "mac_hdd", NULL };

    return name && g_strv_contains(boot_images, name);
}

VlGuestFamily
vl_guest_media_family(const char *file, const char **what)
{
    g_autofree char *lower = NULL;
    const char *base;

    if (what)
        *what = NULL;
    if (!file)
        return VL_GUEST_UNKNOWN;
    base = strrchr(file, '/');
    lower = g_ascii_strdown(base ? base + 1 : file, -1);
    for (gsize i = 0; i < G_N_ELEMENTS(media_names); i++) {
        if (has_word(lower, media_names[i].name)) {
            if (what)
                *what = media_names[i].name;
            return media_names[i].family;
        }
    }
    return VL_GUEST_UNKNOWN;
}
