/* What a fix means, to hold its text edits to: the edits of the source
 * (fixdiff.c) must parse to what the fixer stylesheet produced, or the fix
 * is withheld.  The same tree (elements, attributes, non-blank text,
 * processing instructions; blank text aside, since edits re-indent); every
 * comment the fixer kept, under the same parent; and every comment of the
 * source whose element the fixer kept (by its vl:id), somewhere: a fixer
 * that rewrites an element's text drops the comments inside it, and the
 * file must not lose them silently.  This catches, among others, a
 * character reference written raw (and normalised away by XML), bytes in
 * another encoding than the file declares, and an element moved without
 * its comments.  VIRTLINT_DEBUG_FIX prints both sides of a mismatch. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

typedef struct VlFixMeaning VlFixMeaning;

/* The meaning of RESULT, the fixer's output for the annotated INPUT. */
VlFixMeaning *vl_fix_meaning_new(xmlDocPtr input, xmlDocPtr result);
/* EDITED (the edited text, parsed) means what MEANING says. */
bool vl_fix_meaning_kept(const VlFixMeaning *meaning, xmlDocPtr edited);
void vl_fix_meaning_free(VlFixMeaning *meaning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlFixMeaning, vl_fix_meaning_free)
