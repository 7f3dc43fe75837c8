/* Small string helpers the model and the rules share. */
#pragma once

#include <stdbool.h>
#include <glib.h>

/* "a, b and c" from an array of strings. */
char *vl_join_and(GPtrArray *items);
/* S is one or more ASCII digits (false for ""). */
bool vl_str_all_digits(const char *s);
/* S is a decimal number QEMU reads the same way as libvirt: digits, no
 * leading zero (QEMU's legacy parser reads 010 as octal). */
bool vl_str_plain_decimal(const char *s);
