/*
 * schema.h: node tree → struct record, checking the format debrief/1
 * (debrief(5)): required fields, types, allowed words, dates, partner
 * references, id pattern, unknown keys with a "did you mean" suggestion.
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include "diag.h"
#include "load.h"
#include "record.h"

/* Build the record of doc, taking ownership of doc (freed with the record,
 * or here on failure).  Findings (schema-*) go to dq in lang; "today"
 * derives a missing status.  Returns NULL only when the document is not a
 * mapping at all (after a finding); otherwise a record whose rejected
 * values are absent. */
struct record *schema_record_take(struct doc *doc, struct date today, enum lang lang,
                                  struct diags *dq);

/* The one way every command reads a record file (path "-": standard
 * input): at most lim->max_file + 1 bytes, so that a larger file is the
 * loader's yaml-limit finding, never an I/O error, and memory stays
 * bounded.  Returns 1 with *data (caller frees), or 0 with *err (caller
 * frees). */
int schema_read(const char *path, const struct load_limits *lim, char **data, size_t *len,
                char **err);
/* data[len] of the file called name, loaded and typed as every command
 * does it, findings appended to dq in *lang.  lang_of, when not NULL,
 * names from the loaded tree the language the findings should be in
 * (report: the record's own); the loader then says each finding in both
 * languages and the file is loaded once whichever it names.  *lang is
 * then the language used.  NULL when no record could be made of it
 * (the findings say why). */
struct record *schema_load(const char *data, size_t len, const char *name,
                           const struct load_limits *lim, struct date today, enum lang *lang,
                           enum lang (*lang_of)(const struct doc *doc, const void *arg),
                           const void *arg, struct diags *dq);

#endif
