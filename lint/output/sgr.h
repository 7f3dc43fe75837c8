/* The terminal's Select Graphic Rendition codes the text outputs use (the
 * findings and the --show-pinning map), written only when colour is on. */
#pragma once

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RED "\033[1;31m"
#define SGR_YELLOW "\033[1;33m"
#define SGR_BLUE "\033[1;34m"
#define SGR_GREEN "\033[32m"
#define SGR_PLAIN_YELLOW "\033[33m"
#define SGR_CYAN "\033[36m"
