/* virtlint --show-pinning: for each domain named (files, - for stdin,
 * --domain, --all-domains), the map of lint/output/pinning_map.h on the
 * host of --capabilities or of the connection. */
#pragma once

#include "lint/cli/cli.h"
#include "lint/engine/config.h"

/* The exit status: 0 when drawn, 2 for usage and input errors, among them
 * no host facts (no --capabilities and no connection) or host facts without
 * the host's CPUs. */
int vl_show_pinning(const VlConfig *config, const VlCli *cli);
