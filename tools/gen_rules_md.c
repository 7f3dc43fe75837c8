/* Writes rules.md from the rules' metadata (make rules.md). */
#include <stdio.h>

#include "lint/ruledoc.h"

int
main(void)
{
    vl_ruledoc_markdown(stdout);
    return 0;
}
