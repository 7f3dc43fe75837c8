/* virtlint --lsp: a Language Server Protocol 3.17 server on standard input
 * and output.  Diagnostics on open and on every change, code actions for
 * the fixes, hover with the rule's documentation (lint/lsp/server.c says
 * how findings map onto the protocol). */
#pragma once

#include "lint/engine/config.h"
#include "lint/engine/context.h"

/* Serve on IN_FD and OUT_FD until the client says exit or goes away, with
 * BASE (the command line's options) under each document's .virtlintrc.
 * Returns the exit status: 0 after shutdown then exit, 1 otherwise (as the
 * protocol says). */
int vl_lsp_serve(VlContext *context, const VlConfig *base, int in_fd, int out_fd);
