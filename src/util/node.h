/*
 * node.h: the generic tree every stage reads: what the YAML loader builds
 * from a record, and what report.c builds as the template's data.  All
 * nodes and strings of one tree live in one arena, so a tree is freed with
 * one call; an alias is the anchored node itself (the tree is a DAG).
 */
#ifndef NODE_H
#define NODE_H

#include <stddef.h>

#include "debrief.h"

enum node_kind { NODE_SCALAR, NODE_SEQ, NODE_MAP };

struct node_pair;

struct node {
	enum node_kind kind;
	struct mark mark;        /* where the value starts, 1-based */
	unsigned char plain;     /* scalar written without quotes: may be null/bool/number */
	const char *tag;         /* explicit tag as written, or NULL */
	const char *str;         /* scalar: NUL-terminated UTF-8 as written; else NULL */
	size_t len;              /* scalar: bytes of str; seq: items; map: pairs */
	size_t cap;              /* allocated items/pairs while being built */
	struct node **items;     /* seq: items[len] */
	struct node_pair *pairs; /* map: pairs[len], in source order */
};

struct node_pair {
	struct node *key;   /* a scalar for every record the schema accepts */
	struct node *value; /* never NULL: an empty value is a plain "" scalar */
};

/* Bump allocator owning every node and string of a tree. */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n); /* zeroed, aligned for any type */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t arena_bytes(const struct arena *a); /* bytes reserved, for limits and benchmarks */
void arena_free(struct arena *a);

/* Construction (report view models, tests). */
struct node *node_new_scalar(struct arena *a, const char *s); /* copies s; quoted style */
struct node *node_new_scalarn(struct arena *a, const char *s, size_t n);
struct node *node_new_bool(struct arena *a, int v); /* plain "true"/"false" */
struct node *node_new_seq(struct arena *a);
struct node *node_new_map(struct arena *a);
void node_seq_push(struct arena *a, struct node *seq, struct node *item);
void node_map_put(struct arena *a, struct node *map, const char *key, struct node *value);

/* Reading.  Every accessor accepts NULL and wrong kinds, returning NULL/0. */
struct node *node_get(const struct node *map, const char *key);     /* first value for key */
struct node *node_get_key(const struct node *map, const char *key); /* its key node (for marks) */
struct node *node_path(const struct node *n, const char *dotted);   /* "dates.start" */
const char *node_str(const struct node *n);                         /* scalar text, else NULL */
int node_is_null(const struct node *n); /* plain "", "~", "null", "Null", "NULL" */
/* Scalar text unless null or not a scalar: the usual way to read a field. */
const char *node_text(const struct node *n);
size_t node_count(const struct node *n); /* items or pairs; 0 for scalars */

/* A loaded YAML file: the tree and what owns it. */
struct doc {
	struct arena *arena; /* owns everything below */
	struct node *root;   /* NULL for an empty document */
	const char *file;    /* name used in findings */
};
void doc_free(struct doc *d);

#endif
