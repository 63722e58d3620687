/*
 * diag.h: findings, the data every check produces.  A finding is not a
 * failure: it is collected, later filtered by configuration and waivers,
 * sorted, and printed in one of the output formats (diag_out.c).
 */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

#include "debrief.h"

struct diag {
	char *file;           /* owned; as given on the command line, "-" is "<stdin>" */
	struct mark mark;     /* 1-based; 0:0 when the finding is about the whole file */
	enum sev sev;         /* after configuration */
	const char *rule;     /* static rule id, e.g. "schema-date" */
	const char *guidance; /* static, space-separated ids ("G8 G19") or "" */
	char *msg;            /* owned, one line, in the run's language */
};

struct diags {
	struct diag *v; /* owned array */
	size_t n, cap;
};

#define DIAGS_INIT                                                                                 \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Add a finding; the message is formatted now. */
void diags_add(struct diags *dq, const char *file, struct mark m, enum sev sev, const char *rule,
               const char *guidance, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diags_vadd(struct diags *dq, const char *file, struct mark m, enum sev sev, const char *rule,
                const char *guidance, const char *fmt, va_list ap);
/* Move every finding of src to the end of dst; src becomes empty. */
void diags_take(struct diags *dst, struct diags *src);
/* Stable order: file, line, column, rule id. */
void diags_sort(struct diags *dq);
/* The order of two findings about one file: line, column, rule id,
 * message (diags_sort's after the file). */
int diag_cmp_place(const struct diag *x, const struct diag *y);
/* A finding with its file's place in a run's output. */
struct diag_keyed {
	size_t file; /* 0: the configuration file; i + 1: input i; SIZE_MAX: other */
	size_t seq;  /* original position, for a stable order */
	struct diag d;
};
/* The output order of check and archive, for qsort over struct
 * diag_keyed: files in the order given or walked (the configuration file
 * first, others by name), then diag_cmp_place; arrival breaks the ties. */
int diag_cmp_keyed(const void *a, const void *b);
/* Remove entries whose sev is SEV_OFF. */
void diags_compact(struct diags *dq);
size_t diags_count(const struct diags *dq, enum sev sev);
void diags_free(struct diags *dq);

const char *sev_name(enum sev s);            /* "error", "warning", "info", "off" */
int sev_parse(const char *s, enum sev *out); /* 1 on success */

#endif
