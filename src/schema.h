/*
 * schema.h: node tree → struct record, checking the format debrief/1
 * (debrief(5)): required fields, types, allowed words, dates, partner
 * references, id pattern, unknown keys with a "did you mean" suggestion.
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include "diag.h"
#include "record.h"

/* Build the record of doc, taking ownership of doc (freed with the record,
 * or here on failure).  Findings (schema-*) go to dq in lang; "today"
 * derives a missing status.  Returns NULL only when the document is not a
 * mapping at all (after a finding); otherwise a record whose rejected
 * values are absent. */
struct record *schema_record_take(struct doc *doc, struct date today, enum lang lang,
                                  struct diags *dq);

#endif
