/*
 * load.h: YAML text → node tree (node.h), with 1-based positions and every
 * problem of the input reported as a finding, never a crash.  The only
 * stage that knows YAML syntax.
 *
 * Findings (rule ids):
 *   yaml-syntax              not YAML (libyaml's message, translated), an
 *                            alias naming no anchor, or a recursive alias
 *   yaml-encoding            invalid UTF-8, UTF-16, a NUL byte, a control
 *                            character, or "\0" in a quoted string
 *   yaml-limit               a bound of struct load_limits exceeded
 *   yaml-multiple-documents  more than one document in the file
 *   yaml-duplicate-key       a map repeats a key (compared after NFC)
 *   yaml-merge-key           "<<" merge keys: not part of the record format
 *                            (the pair is dropped, the rest loads)
 *   text-not-nfc             a scalar was not NFC (it is stored as NFC)
 * The first four make the file unusable (NULL is returned); the others
 * leave a tree.  (text-legacy-encoding, about the same scalars, is a rule
 * over the record: rules_text.c, with text_looks_legacy.)  At most 100
 * findings of one rule are listed per file, then one says how many more.
 *
 * Keys may be collections ("? [a, b]: c"), and a scalar tag is kept as
 * written (expanded: "tag:yaml.org,2002:str"); "!" and "!!str" clear
 * "plain".  Aliases are shared nodes, so the tree is a DAG; a recursive
 * alias is refused, so it has no cycle.
 */
#ifndef LOAD_H
#define LOAD_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

struct load_limits {
	size_t max_file;    /* bytes of input */
	size_t max_scalar;  /* bytes of one scalar */
	unsigned max_depth; /* nesting of collections */
	size_t max_nodes;   /* nodes, counting every alias as the size of what it names */
	size_t max_aliases; /* alias references */
	size_t max_text;    /* bytes of text, counting every alias as the text it names */
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
/* load_yaml, each finding also appended to other in the other language,
 * for a caller that learns the language of the findings from the document
 * itself.  other is that document's findings only when it loads (an
 * unusable input's are said in lang). */
struct doc *load_yaml_both(const char *data, size_t len, const char *name,
                           const struct load_limits *lim, enum lang lang, struct diags *dq,
                           struct diags *other);

/* Read and load the file at path ("-": standard input, named "<stdin>" in
 * findings), as schema_file reads a record: a file over lim->max_file is
 * a yaml-limit finding, read no further than one byte past it.  Returns the document; NULL after
 * findings, or NULL with *err (caller frees) when the file cannot be read. */
struct doc *load_file(const char *path, const struct load_limits *lim, enum lang lang,
                      struct diags *dq, char **err);

#endif
