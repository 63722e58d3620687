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

/* Why id cannot be a record's id (debrief(5): ^[a-z0-9][a-z0-9-]{0,63}$,
 * and no name Windows gives a device), said in lang after the id itself
 * ("is not a valid id: it has spaces; use …"); NULL when it can.  The one
 * check of an id: the schema's, and `new`'s of its operand.  Caller
 * frees. */
char *schema_id_problem(const char *id, enum lang lang);

/* What reading one record file takes besides the file itself. */
struct schema_src {
	const char *path; /* "-": standard input */
	const char *name; /* in findings; NULL: path, or "<stdin>" for "-" */
	const struct load_limits *lim;
	struct date today; /* derives a missing status */
	enum lang lang;    /* of the findings; on return, the one used */
	/* When not NULL, names from the loaded tree the language the findings
	 * should be in (report: the record's own); the loader then says each
	 * finding in both languages and the file is loaded once whichever it
	 * names. */
	enum lang (*lang_of)(const struct doc *doc, const void *arg);
	const void *arg;
	/* When not NULL, called with the bytes read before they are parsed
	 * (the record's configuration is looked up here, or the archive's
	 * cache asked): 0 to leave the file unloaded, 1 to load it, 2 when it
	 * has set *r and appended the findings itself. */
	int (*before)(void *ctx, const char *data, size_t len, struct record **r, struct diags *dq);
	void *ctx;
	/* When set, the bytes read are handed over in data and len (caller
	 * frees) rather than freed: report loads a record again from them to
	 * say, in the run's language, the findings of one it cannot report. */
	int keep;
	char *data;
	size_t len;
};

/* The one way every command reads and loads a record file: at most
 * lim->max_file + 1 bytes, so that a larger file is the loader's
 * yaml-limit finding, never an I/O error, and memory stays bounded; then
 * loaded and typed, findings appended to dq.  Returns -1 when the file
 * cannot be read (*err says why, caller frees; the commands say it as
 * "debrief: NAME: ERR"), 0 when before() left it unloaded, 1 when it was
 * loaded: *r is then the record, or NULL when none could be made of it
 * (the findings say why). */
int schema_file(struct schema_src *s, struct record **r, struct diags *dq, char **err);
/* Load and type bytes already read, as schema_file does (s->path,
 * s->before and s->keep unused); *r as there. */
void schema_bytes(struct schema_src *s, const char *data, size_t len, struct record **r,
                  struct diags *dq);
/* The findings of dq that leave a value out of the record, what the loader
 * and the schema could not take (a value of the wrong kind, a key cut at a
 * comma or misspelt, a date no calendar has), copied to out; how many.
 * What a command makes of the record lacks those values: it names them. */
size_t schema_unread(const struct diags *dq, struct diags *out);

#endif
