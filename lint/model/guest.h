/* The guest operating system, as far as a domain XML can tell it. */
#pragma once

#include <stdbool.h>

typedef enum {
    VL_GUEST_UNKNOWN,
    VL_GUEST_WINDOWS,
    VL_GUEST_LINUX,
    VL_GUEST_OTHER,
    /* Added later: after OTHER so that the values above keep their numbers. */
    VL_GUEST_MACOS,
    VL_GUEST_ANDROID,
    VL_GUEST_BSD,
} VlGuestFamily;

typedef enum {
    VL_EDITION_UNKNOWN,
    VL_EDITION_HOME,
    VL_EDITION_PRO,
    VL_EDITION_EDUCATION,
    VL_EDITION_ENTERPRISE,
    VL_EDITION_WORKSTATION, /* Pro for Workstations */
    VL_EDITION_SERVER,
} VlWindowsEdition;

typedef struct {
    VlGuestFamily family;
    unsigned windows_version;   /* 10, 11, ... for desktop Windows; 0 when unknown */
    VlWindowsEdition edition;
    char *evidence;             /* why we think so, for messages */
} VlGuest;

/* Parse a user-facing OS name (--os, metadata): windows, win10, win11,
 * windows-server, linux, macos, android, bsd, other.  Returns false when
 * NAME is none of them. */
bool vl_guest_parse_os(const char *name, VlGuestFamily *family, unsigned *windows_version,
                       VlWindowsEdition *edition);
bool vl_guest_parse_edition(const char *name, VlWindowsEdition *edition);
const char *vl_guest_edition_name(VlWindowsEdition edition);

/* Classify a libosinfo OS id such as http://microsoft.com/win/11: ids are
 * http://VENDOR-DOMAIN/DISTRO/VERSION (osinfo-db's data/os/VENDOR-DOMAIN/),
 * so the vendor's domain says the family: apple.com macOS, android-x86.org
 * Android, freebsd.org/openbsd.org/netbsd.org/dragonflybsd.org BSD,
 * microsoft.com/win/ Windows, the Linux distributions' domains (and
 * libosinfo.org/linux/YEAR) Linux; anything else (DOS, Solaris, Haiku) is
 * other. */
void vl_guest_from_osinfo_id(const char *id, VlGuestFamily *family, unsigned *windows_version,
                             VlWindowsEdition *edition);

/* The number of sockets Windows uses for EDITION; 0 means no limit. */
unsigned vl_guest_socket_limit(VlWindowsEdition edition);

bool vl_guest_is_windows(const VlGuest *guest);

/* "Windows", "Linux", "macOS", "Android", "BSD", "another OS", "an unknown
 * OS": the family for messages. */
const char *vl_guest_family_name(VlGuestFamily family);

/* The OS whose media a disk image's file name names (install ISOs, boot
 * loaders, system disks): FILE is a path or a base name, matched without
 * regard to case on word-ish boundaries (the name is not inside a longer
 * word: darwin is not win, kubuntu is not ubuntu).  *WHAT (may be NULL)
 * receives the matched name from the table, e.g. "virtio-win" or "opencore".
 * VL_GUEST_UNKNOWN when the name says nothing. */
VlGuestFamily vl_guest_media_family(const char *file, const char **what);
/* NAME (a *WHAT of vl_guest_media_family) names a boot loader or system
 * image of its OS (OpenCore, Clover, BaseSystem, mac_hdd), which is a sign
 * of the OS on any disk; other names are signs only on removable media
 * (install discs), as a system disk may be named after anything. */
bool vl_guest_boot_image_name(const char *name);
