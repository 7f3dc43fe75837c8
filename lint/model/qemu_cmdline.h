/* The QEMU command line that <qemu:commandline> appends to libvirt's, read
 * the way QEMU reads it: options and their values, keyval and JSON values,
 * the options QEMU merges (-rtc, -machine) and the one it replaces (-cpu),
 * -global and -set, the devices it creates behind libvirt's back, and the
 * arguments no option takes (QEMU opens those as disk images).
 *
 * Parsed once per document, when the model is built (vl_model_build), and
 * kept on the model: rules read vl_qemu_cmdline(model).  Every part keeps
 * the qemu:arg nodes it came from, so a finding points at the right line. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* One key=value of an option's value.  In keyval syntax a bare item
 * ("flag", "+sse4.2") has value NULL, except the first item of an option
 * with an implied key (-device DRIVER, -cpu MODEL, -machine TYPE, -netdev
 * TYPE, -object QOM-TYPE), which becomes that key with the item as value.
 * ",," in a value is one comma.  In a JSON value, each member: strings as
 * they are, other scalars as json-c writes them (true, 4096), objects and
 * arrays as JSON text. */
typedef struct {
    char *key;
    char *value;
} VlQemuProp;

typedef struct {
    char *name;              /* without its dashes: "device" for --device */
    xmlNodePtr option_arg;   /* the qemu:arg holding -name */
    xmlNodePtr value_arg;    /* the qemu:arg holding its value; NULL for an option with none */
    const char *value;       /* that value (the node's), NULL for an option with none */
    bool takes_value;        /* QEMU expects a value after it */
    bool missing_value;      /* ... and the command line ends first (QEMU refuses to start) */
    bool json;               /* the value is a JSON object ({"driver": ...}) */
    bool json_invalid;       /* it starts with { but is not a JSON object */
    GPtrArray *props;        /* VlQemuProp, in order; empty for options without a value */
} VlQemuOption;

/* -global DRIVER.PROP=VALUE, or -global driver=D,property=P,value=V. */
typedef struct {
    char *driver, *prop, *value;
    const VlQemuOption *option;
} VlQemuGlobal;

/* -set GROUP.ID.PROP=VALUE (QEMU's qemu_set_option). */
typedef struct {
    char *group, *id, *prop, *value;
    const VlQemuOption *option;
} VlQemuSetting;

/* A key of a merged option and the option its value came from. */
typedef struct {
    const char *value;               /* NULL: not given */
    const VlQemuOption *option;      /* the -rtc/-machine that gave it */
} VlQemuMerged;

typedef enum {
    VL_QEMU_HIDDEN_VFIO_PCI,  /* -device vfio-pci,host=... (or sysfsdev=) */
    VL_QEMU_HIDDEN_USB_HOST,  /* -device usb-host,... */
    VL_QEMU_HIDDEN_NETDEV,    /* -netdev tap/bridge/user/..., -net */
    VL_QEMU_HIDDEN_DRIVE,     /* -drive, -blockdev, -hda.. (images libvirt neither labels nor locks) */
    VL_QEMU_HIDDEN_DEVICE,    /* any other -device */
} VlQemuHiddenKind;

/* A device QEMU creates that libvirt does not know about: no security
 * label, no cgroup access, no VFIO binding, nothing in the live XML. */
typedef struct {
    VlQemuHiddenKind kind;
    const char *driver;              /* vfio-pci, tap, ...: the option's type */
    const char *host;                /* host=/sysfsdev= of vfio-pci, hostbus/hostaddr or vendorid of usb-host, file= of a drive; may be NULL */
    const VlQemuOption *option;
} VlQemuHidden;

typedef struct VlQemuCmdline {
    GPtrArray *options;      /* VlQemuOption, in order */
    GPtrArray *strays;       /* xmlNodePtr: arguments no option takes (QEMU's positional disk image) */
    GPtrArray *globals;      /* VlQemuGlobal */
    GPtrArray *sets;         /* VlQemuSetting */
    GPtrArray *hidden;       /* VlQemuHidden */

    /* -rtc, merged: QEMU merges repeated -rtc options, later keys win */
    VlQemuMerged rtc_base, rtc_clock, rtc_driftfix;
    /* -cpu: QEMU keeps only the last one, whole */
    const VlQemuOption *cpu;
    /* -machine (and -M), merged like -rtc: VlQemuProp of the winning values */
    GPtrArray *machine;      /* VlQemuProp (borrowed), one per key, last value */
    GPtrArray *machine_from; /* the VlQemuOption each of machine's props came from */
} VlQemuCmdline;

/* Parse ARGS (qemu:arg nodes, in order; an empty array when there are
 * none, never NULL).  Never returns NULL. */
VlQemuCmdline *vl_qemu_cmdline_parse(GPtrArray *args);
void vl_qemu_cmdline_free(VlQemuCmdline *cmdline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlQemuCmdline, vl_qemu_cmdline_free)

/* The model's command line, parsed when the model was built. */
const VlQemuCmdline *vl_qemu_cmdline(const VlModel *model);

/* Option NAME takes a value (most do; -enable-kvm, -nodefaults, -S,
 * -no-reboot, -snapshot, -nographic ... do not). */
bool vl_qemu_option_takes_value(const char *name);

/* The options named NAME (-M counts as machine), in order; free the
 * array only (g_ptr_array_unref). */
GPtrArray *vl_qemu_cmdline_options(const VlQemuCmdline *cmdline, const char *name);
/* The last option named NAME, or NULL. */
const VlQemuOption *vl_qemu_cmdline_last(const VlQemuCmdline *cmdline, const char *name);

/* The value of KEY in OPTION: the last one given (QEMU's keyval keeps the
 * last); NULL when absent or bare.  *PRESENT (may be NULL) says whether
 * the key appears at all, bare or not. */
const char *vl_qemu_option_get(const VlQemuOption *option, const char *key, bool *present);

/* The merged -machine value of KEY ("type", "accel", "kernel-irqchip", ...),
 * or NULL; *OPTION (may be NULL) receives the -machine that set it. */
const char *vl_qemu_cmdline_machine(const VlQemuCmdline *cmdline, const char *key, const VlQemuOption **option);

/* A QEMU boolean: on/yes/true/y as true, off/no/false/n as false; -1 when
 * VALUE is none of them (NULL included). */
int vl_qemu_bool(const char *value);

/* Split a keyval value (QEMU's QemuOpts syntax) into VlQemuProp, ",," as
 * one comma; IMPLIED names the key of a first bare item, or NULL. */
GPtrArray *vl_qemu_keyval_parse(const char *value, const char *implied);
