/* The guest operating system, as far as a domain XML can tell it. */
#pragma once

#include <stdbool.h>

typedef enum {
    VL_GUEST_UNKNOWN,
    VL_GUEST_WINDOWS,
    VL_GUEST_LINUX,
    VL_GUEST_OTHER,
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
 * windows-server, linux, other.  Returns false when NAME is none of them. */
bool vl_guest_parse_os(const char *name, VlGuestFamily *family, unsigned *windows_version,
                       VlWindowsEdition *edition);
bool vl_guest_parse_edition(const char *name, VlWindowsEdition *edition);
const char *vl_guest_edition_name(VlWindowsEdition edition);

/* Classify a libosinfo OS id such as http://microsoft.com/win/11. */
void vl_guest_from_osinfo_id(const char *id, VlGuestFamily *family, unsigned *windows_version,
                             VlWindowsEdition *edition);

/* The number of sockets Windows uses for EDITION; 0 means no limit. */
unsigned vl_guest_socket_limit(VlWindowsEdition edition);

bool vl_guest_is_windows(const VlGuest *guest);
