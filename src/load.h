/*
 * load.h: YAML text → node tree (node.h), with 1-based positions and every
 * problem of the input reported as a finding (yaml-*, text-*), never a
 * crash.  The only stage that knows YAML syntax.
 */
#ifndef LOAD_H
#define LOAD_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

struct load_limits {
	size_t max_file;   /* bytes of input */
	size_t max_scalar; /* bytes of one scalar */
	unsigned max_depth;  /* nesting of collections */
	size_t max_nodes;  /* nodes, counting every alias as the size of what it names */
	size_t max_aliases; /* alias references */
};

/* Defaults: generous for any real record, small enough for CI machines. */
void load_limits_default(struct load_limits *lim);

/* Parse one YAML document from data[len] ("name" is used in findings).
 * Returns the document (its root NULL for an empty stream), or NULL when
 * the input is unusable (syntax, encoding or limit findings say why).
 * Findings are appended to dq in the language given.  Scalars are stored
 * NFC-normalised; text that was not NFC gets a text-not-nfc finding. */
struct doc *load_yaml(const char *data, size_t len, const char *name, const struct load_limits *lim,
		      enum lang lang, struct diags *dq);

#endif
