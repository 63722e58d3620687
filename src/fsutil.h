/*
 * fsutil.h: the file system as debrief uses it: reading inputs with a size
 * bound, walking directories in sorted order, and writing outputs
 * atomically inside one output directory and nowhere else.
 */
#ifndef FSUTIL_H
#define FSUTIL_H

#include <stddef.h>

/* Read a whole file ("-" is standard input) of at most max bytes.
 * Returns 1 and a NUL-terminated *data (caller frees), or 0 with *err
 * (caller frees) set: "cannot open: …", "larger than … bytes". */
int fs_read(const char *path, size_t max, char **data, size_t *len, char **err);
/* The same, but a longer input is not an error: *data holds its first max
 * bytes, enough for a reader to see that a limit below max was passed. */
int fs_read_head(const char *path, size_t max, char **data, size_t *len, char **err);

struct strlist {
	char **v; /* owned strings */
	size_t n, cap;
};
void strlist_push(struct strlist *l, const char *s); /* copies */
void strlist_free(struct strlist *l);

/* Expand PATH arguments: files as given, directories walked recursively
 * for *.yaml / *.yml in byte order, "-" kept.  exts is NULL for the YAML
 * default.  Unreadable paths produce a message in *errs (one per line) and
 * are skipped.  Returns the number of paths that failed. */
int fs_expand(char **paths, int n, struct strlist *out, struct strlist *errs);

/* Create dir (and parents) if missing.  0 and *err on failure. */
int fs_mkdirs(const char *dir, char **err);

/* Write DIR/NAME atomically (temporary file in DIR, fsync, rename).  NAME
 * must be a plain relative path without "..", absolute parts or empty
 * components; subdirectories are created.  When the file already holds
 * exactly these bytes nothing is written and 2 is returned; 1 when
 * written; 0 and *err on failure. */
int fs_write_atomic(const char *dir, const char *name, const void *data, size_t len, char **err);

/* Remove DIR/NAME (NAME as for fs_write_atomic: never outside DIR).
 * 1 when removed, 2 when there was no such file, 0 and *err on failure. */
int fs_remove(const char *dir, const char *name, char **err);

#endif
