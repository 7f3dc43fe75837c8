/* The one place every rule is registered.  Order is the order of
 * --list-rules and rules.md (grouped by area); findings are sorted by
 * position anyway. */
#include "lint/engine/registry.h"

/* schema and the core rules of 0.1 */
extern const VlRule vl_rule_schema;
extern const VlRule vl_rule_libvirt_define;
extern const VlRule vl_rule_machine_type_newer_than_target;
extern const VlRule vl_rule_cpu_topology_mismatch;
extern const VlRule vl_rule_cpu_socket_limit;
extern const VlRule vl_rule_hyperv_stimer;
extern const VlRule vl_rule_hyperv_dependency;
extern const VlRule vl_rule_clock_hypervclock;
extern const VlRule vl_rule_virtiofs_shared_memory;
extern const VlRule vl_rule_hostdev_rom_bar;
extern const VlRule vl_rule_hostdev_x_vga;
extern const VlRule vl_rule_uefi_snapshot;
extern const VlRule vl_rule_disk_discard_granularity;
extern const VlRule vl_rule_qemu_namespace;
extern const VlRule vl_rule_snapshot_uefi_internal;
extern const VlRule vl_rule_snapshot_raw_internal;
extern const VlRule vl_rule_snapshot_memory_blocked;
extern const VlRule vl_rule_host_cpuset_range;
extern const VlRule vl_rule_host_vcpu_overcommit;
extern const VlRule vl_rule_host_numa_memory;
extern const VlRule vl_rule_host_hugepage_size;
extern const VlRule vl_rule_host_firmware;
extern const VlRule vl_rule_host_device_model;
extern const VlRule vl_rule_host_pci_device;
extern const VlRule vl_rule_host_emulator;
extern const VlRule vl_rule_host_file;
extern const VlRule vl_rule_hyperv_spinlocks_retries;
extern const VlRule vl_rule_hyperv_vendor_id;
extern const VlRule vl_rule_hyperv_kvm_hidden_syntax;
extern const VlRule vl_rule_hyperv_evmcs;
extern const VlRule vl_rule_hyperv_recommended;
extern const VlRule vl_rule_hyperv_questionable;
extern const VlRule vl_rule_hyperv_passthrough_mode;
extern const VlRule vl_rule_hyperv_crash_panic;
extern const VlRule vl_rule_clock_windows_utc;
extern const VlRule vl_rule_clock_windows_timers;
extern const VlRule vl_rule_clock_timer_unsupported;
extern const VlRule vl_rule_cpu_vcpupin_range;
extern const VlRule vl_rule_cpu_pin_duplicate;
extern const VlRule vl_rule_cpu_iothreadpin_undefined;
extern const VlRule vl_rule_cpu_pinning_isolation;
extern const VlRule vl_rule_cpu_numa_cpus;
extern const VlRule vl_rule_cpu_too_many_vcpus;
extern const VlRule vl_rule_cpu_cache_mode;
extern const VlRule vl_rule_cpu_amd_topoext;
extern const VlRule vl_rule_cpu_win11_model;
extern const VlRule vl_rule_cpu_check_none;
extern const VlRule vl_rule_cpu_invtsc_migration;
extern const VlRule vl_rule_cpu_kvm_hint_dedicated;
extern const VlRule vl_rule_cpu_features_without_model;
/* extern: hyperv-cpu */
extern const VlRule vl_rule_memory_windows_minimum;
extern const VlRule vl_rule_memory_win11_vcpu_minimum;
extern const VlRule vl_rule_memory_hugepages_backing;
extern const VlRule vl_rule_memory_balloon_ineffective;
extern const VlRule vl_rule_memory_locked_hard_limit;
extern const VlRule vl_rule_memory_windows_balloon;
extern const VlRule vl_rule_memory_current_without_balloon;
extern const VlRule vl_rule_memory_min_guarantee;
extern const VlRule vl_rule_firmware_win11_uefi;
extern const VlRule vl_rule_firmware_win11_secure_boot;
extern const VlRule vl_rule_firmware_secure_boot_q35;
extern const VlRule vl_rule_firmware_secure_boot_smm;
extern const VlRule vl_rule_firmware_secboot_flags;
extern const VlRule vl_rule_firmware_loader_secure_flag;
extern const VlRule vl_rule_firmware_uefi_acpi;
extern const VlRule vl_rule_firmware_acpi_missing;
extern const VlRule vl_rule_firmware_windows_q35;
extern const VlRule vl_rule_firmware_bios_useserial;
extern const VlRule vl_rule_firmware_nvram_stateless;
extern const VlRule vl_rule_firmware_acpi_table;
extern const VlRule vl_rule_firmware_fwcfg_name;
extern const VlRule vl_rule_firmware_autoselect_loader;
extern const VlRule vl_rule_tpm_win11_missing;
extern const VlRule vl_rule_tpm_emulator_version;
extern const VlRule vl_rule_tpm_crb_version;
extern const VlRule vl_rule_tpm_multiple;
extern const VlRule vl_rule_boot_order_conflict;
/* extern: memory-firmware */
extern const VlRule vl_rule_disk_io_native_cache;
extern const VlRule vl_rule_disk_rotation_rate_bus;
extern const VlRule vl_rule_disk_removable_media_bus;
extern const VlRule vl_rule_disk_iothread_undefined;
extern const VlRule vl_rule_disk_iothread_bus;
extern const VlRule vl_rule_video_primary_count;
extern const VlRule vl_rule_video_heads;
extern const VlRule vl_rule_video_qxl_vgamem;
extern const VlRule vl_rule_video_secondary_type;
extern const VlRule vl_rule_video_none_alone;
extern const VlRule vl_rule_video_accel3d_model;
extern const VlRule vl_rule_video_accel3d_display;
extern const VlRule vl_rule_video_windows_accel3d;
extern const VlRule vl_rule_graphics_spice_gl_remote;
extern const VlRule vl_rule_graphics_egl_headless_companion;
extern const VlRule vl_rule_graphics_egl_headless_spice_gl;
extern const VlRule vl_rule_graphics_vnc_password_length;
extern const VlRule vl_rule_disk_readonly_ide_sata;
extern const VlRule vl_rule_disk_driver_virtio_only;
extern const VlRule vl_rule_disk_queue_size;
extern const VlRule vl_rule_disk_serial_characters;
extern const VlRule vl_rule_disk_serial_length;
extern const VlRule vl_rule_disk_cache_mode;
extern const VlRule vl_rule_disk_discard_unmap;
extern const VlRule vl_rule_disk_detect_zeroes;
extern const VlRule vl_rule_disk_windows_emulated_bus;
extern const VlRule vl_rule_disk_scsi_controller_model;
extern const VlRule vl_rule_disk_windows_virtio_media;
extern const VlRule vl_rule_video_windows_model;
extern const VlRule vl_rule_video_viogpudo_resolution;
extern const VlRule vl_rule_video_bios_root_bus;
extern const VlRule vl_rule_video_passthrough_gpu_display;
extern const VlRule vl_rule_video_virtio_blob_memfd;
/* extern: storage-video */
extern const VlRule vl_rule_channel_spice_without_graphics;
extern const VlRule vl_rule_channel_guest_agent;
extern const VlRule vl_rule_channel_spice_vdagent;
extern const VlRule vl_rule_channel_spicevmc_target;
extern const VlRule vl_rule_channel_webdav_type;
extern const VlRule vl_rule_input_windows_virtio;
extern const VlRule vl_rule_rng_missing;
extern const VlRule vl_rule_rng_dev_random;
extern const VlRule vl_rule_pm_passthrough_suspend;
extern const VlRule vl_rule_usb_xhci_ports;
extern const VlRule vl_rule_usb_controller_legacy;
extern const VlRule vl_rule_watchdog_model_invalid;
extern const VlRule vl_rule_watchdog_action_shutdown;
extern const VlRule vl_rule_hostdev_pci_display;
extern const VlRule vl_rule_hostdev_unmanaged;
extern const VlRule vl_rule_hostdev_ovmf_pcimmio64;
extern const VlRule vl_rule_hostdev_gpu_hypervisor_detection;
extern const VlRule vl_rule_mdev_display_invalid;
extern const VlRule vl_rule_mdev_ramfb_display;
extern const VlRule vl_rule_mdev_boot_order;
extern const VlRule vl_rule_mdev_ramfb_override;
extern const VlRule vl_rule_mdev_gvtg_uefi_rom;
extern const VlRule vl_rule_interface_windows_model;
extern const VlRule vl_rule_interface_queue_size;
extern const VlRule vl_rule_interface_queue_size_range;
extern const VlRule vl_rule_shmem_ivshmem_legacy;
extern const VlRule vl_rule_panic_model_address;
extern const VlRule vl_rule_lifecycle_unsupported_action;
/* extern: io-passthrough */
extern const VlRule vl_rule_qemu_set_device_json;
extern const VlRule vl_rule_qemu_override_old_libvirt;
extern const VlRule vl_rule_qemu_override_value;
extern const VlRule vl_rule_qemu_override_id;
extern const VlRule vl_rule_qemu_override_alias;
extern const VlRule vl_rule_qemu_arg_host_file;
extern const VlRule vl_rule_qemu_arg_overrides_libvirt;
extern const VlRule vl_rule_qemu_passthrough_used;
extern const VlRule vl_rule_snapshot_raw_disk;
extern const VlRule vl_rule_snapshot_invtsc;
extern const VlRule vl_rule_snapshot_migration_blockers;
extern const VlRule vl_rule_smbios_os_attribute;
extern const VlRule vl_rule_smbios_sysinfo_unused;
extern const VlRule vl_rule_smbios_sysinfo_uuid;
extern const VlRule vl_rule_iommu_machine;
extern const VlRule vl_rule_pci_address_conflict;
extern const VlRule vl_rule_disk_drive_address_conflict;
extern const VlRule vl_rule_disk_target_duplicate;
extern const VlRule vl_rule_usb_address_conflict;
extern const VlRule vl_rule_hostdev_duplicate;
/* extern: qemu-snapshot-misc */

const VlRule *const vl_registered_rules[] = {
    &vl_rule_schema,
    &vl_rule_machine_type_newer_than_target,
    &vl_rule_cpu_topology_mismatch,
    &vl_rule_cpu_socket_limit,
    &vl_rule_hyperv_stimer,
    &vl_rule_hyperv_dependency,
    &vl_rule_clock_hypervclock,
    &vl_rule_virtiofs_shared_memory,
    &vl_rule_hostdev_rom_bar,
    &vl_rule_hostdev_x_vga,
    &vl_rule_uefi_snapshot,
    &vl_rule_disk_discard_granularity,
    &vl_rule_qemu_namespace,
    &vl_rule_snapshot_uefi_internal,
    &vl_rule_snapshot_raw_internal,
    &vl_rule_snapshot_memory_blocked,
    &vl_rule_host_cpuset_range,
    &vl_rule_host_vcpu_overcommit,
    &vl_rule_host_numa_memory,
    &vl_rule_host_hugepage_size,
    &vl_rule_host_firmware,
    &vl_rule_host_device_model,
    &vl_rule_host_pci_device,
    &vl_rule_host_emulator,
    &vl_rule_host_file,
    &vl_rule_hyperv_spinlocks_retries,
    &vl_rule_hyperv_vendor_id,
    &vl_rule_hyperv_kvm_hidden_syntax,
    &vl_rule_hyperv_evmcs,
    &vl_rule_hyperv_recommended,
    &vl_rule_hyperv_questionable,
    &vl_rule_hyperv_passthrough_mode,
    &vl_rule_hyperv_crash_panic,
    &vl_rule_clock_windows_utc,
    &vl_rule_clock_windows_timers,
    &vl_rule_clock_timer_unsupported,
    &vl_rule_cpu_vcpupin_range,
    &vl_rule_cpu_pin_duplicate,
    &vl_rule_cpu_iothreadpin_undefined,
    &vl_rule_cpu_pinning_isolation,
    &vl_rule_cpu_numa_cpus,
    &vl_rule_cpu_too_many_vcpus,
    &vl_rule_cpu_cache_mode,
    &vl_rule_cpu_amd_topoext,
    &vl_rule_cpu_win11_model,
    &vl_rule_cpu_check_none,
    &vl_rule_cpu_invtsc_migration,
    &vl_rule_cpu_kvm_hint_dedicated,
    &vl_rule_cpu_features_without_model,
    /* rules: hyperv-cpu */
    &vl_rule_memory_windows_minimum,
    &vl_rule_memory_win11_vcpu_minimum,
    &vl_rule_memory_hugepages_backing,
    &vl_rule_memory_balloon_ineffective,
    &vl_rule_memory_locked_hard_limit,
    &vl_rule_memory_windows_balloon,
    &vl_rule_memory_current_without_balloon,
    &vl_rule_memory_min_guarantee,
    &vl_rule_firmware_win11_uefi,
    &vl_rule_firmware_win11_secure_boot,
    &vl_rule_firmware_secure_boot_q35,
    &vl_rule_firmware_secure_boot_smm,
    &vl_rule_firmware_secboot_flags,
    &vl_rule_firmware_loader_secure_flag,
    &vl_rule_firmware_uefi_acpi,
    &vl_rule_firmware_acpi_missing,
    &vl_rule_firmware_windows_q35,
    &vl_rule_firmware_bios_useserial,
    &vl_rule_firmware_nvram_stateless,
    &vl_rule_firmware_acpi_table,
    &vl_rule_firmware_fwcfg_name,
    &vl_rule_firmware_autoselect_loader,
    &vl_rule_tpm_win11_missing,
    &vl_rule_tpm_emulator_version,
    &vl_rule_tpm_crb_version,
    &vl_rule_tpm_multiple,
    &vl_rule_boot_order_conflict,
    /* rules: memory-firmware */
    &vl_rule_disk_io_native_cache,
    &vl_rule_disk_rotation_rate_bus,
    &vl_rule_disk_removable_media_bus,
    &vl_rule_disk_iothread_undefined,
    &vl_rule_disk_iothread_bus,
    &vl_rule_video_primary_count,
    &vl_rule_video_heads,
    &vl_rule_video_qxl_vgamem,
    &vl_rule_video_secondary_type,
    &vl_rule_video_none_alone,
    &vl_rule_video_accel3d_model,
    &vl_rule_video_accel3d_display,
    &vl_rule_video_windows_accel3d,
    &vl_rule_graphics_spice_gl_remote,
    &vl_rule_graphics_egl_headless_companion,
    &vl_rule_graphics_egl_headless_spice_gl,
    &vl_rule_graphics_vnc_password_length,
    &vl_rule_disk_readonly_ide_sata,
    &vl_rule_disk_driver_virtio_only,
    &vl_rule_disk_queue_size,
    &vl_rule_disk_serial_characters,
    &vl_rule_disk_serial_length,
    &vl_rule_disk_cache_mode,
    &vl_rule_disk_discard_unmap,
    &vl_rule_disk_detect_zeroes,
    &vl_rule_disk_windows_emulated_bus,
    &vl_rule_disk_scsi_controller_model,
    &vl_rule_disk_windows_virtio_media,
    &vl_rule_video_windows_model,
    &vl_rule_video_viogpudo_resolution,
    &vl_rule_video_bios_root_bus,
    &vl_rule_video_passthrough_gpu_display,
    &vl_rule_video_virtio_blob_memfd,
    /* rules: storage-video */
    &vl_rule_channel_spice_without_graphics,
    &vl_rule_channel_guest_agent,
    &vl_rule_channel_spice_vdagent,
    &vl_rule_channel_spicevmc_target,
    &vl_rule_channel_webdav_type,
    &vl_rule_input_windows_virtio,
    &vl_rule_rng_missing,
    &vl_rule_rng_dev_random,
    &vl_rule_pm_passthrough_suspend,
    &vl_rule_usb_xhci_ports,
    &vl_rule_usb_controller_legacy,
    &vl_rule_watchdog_model_invalid,
    &vl_rule_watchdog_action_shutdown,
    &vl_rule_hostdev_pci_display,
    &vl_rule_hostdev_unmanaged,
    &vl_rule_hostdev_ovmf_pcimmio64,
    &vl_rule_hostdev_gpu_hypervisor_detection,
    &vl_rule_mdev_display_invalid,
    &vl_rule_mdev_ramfb_display,
    &vl_rule_mdev_boot_order,
    &vl_rule_mdev_ramfb_override,
    &vl_rule_mdev_gvtg_uefi_rom,
    &vl_rule_interface_windows_model,
    &vl_rule_interface_queue_size,
    &vl_rule_interface_queue_size_range,
    &vl_rule_shmem_ivshmem_legacy,
    &vl_rule_panic_model_address,
    &vl_rule_lifecycle_unsupported_action,
    /* rules: io-passthrough */
    &vl_rule_qemu_set_device_json,
    &vl_rule_qemu_override_old_libvirt,
    &vl_rule_qemu_override_value,
    &vl_rule_qemu_override_id,
    &vl_rule_qemu_override_alias,
    &vl_rule_qemu_arg_host_file,
    &vl_rule_qemu_arg_overrides_libvirt,
    &vl_rule_qemu_passthrough_used,
    &vl_rule_snapshot_raw_disk,
    &vl_rule_snapshot_invtsc,
    &vl_rule_snapshot_migration_blockers,
    &vl_rule_smbios_os_attribute,
    &vl_rule_smbios_sysinfo_unused,
    &vl_rule_smbios_sysinfo_uuid,
    &vl_rule_iommu_machine,
    &vl_rule_pci_address_conflict,
    &vl_rule_disk_drive_address_conflict,
    &vl_rule_disk_target_duplicate,
    &vl_rule_usb_address_conflict,
    &vl_rule_hostdev_duplicate,
    /* rules: qemu-snapshot-misc */
    &vl_rule_suppression_unknown_rule,
    /* --libvirt-check: the verdict of the libvirt installed here */
    &vl_rule_libvirt_define,
};

const gsize vl_registered_rule_count = G_N_ELEMENTS(vl_registered_rules);
