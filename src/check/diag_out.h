/*
 * diag_out.h: printing sorted findings in the formats of `debrief check`
 * (text, json, sarif, github, junit; docs/outputs.md section 2).
 */
#ifndef DIAG_OUT_H
#define DIAG_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"

enum out_format { OUT_TEXT, OUT_JSON, OUT_SARIF, OUT_GITHUB, OUT_JUNIT };

/* One file of the run, as the formats with an entry per file see it. */
struct out_file {
	const char *name;  /* as in findings */
	double secs;       /* junit: time spent on it */
	const char *error; /* why it could not be read; NULL when it was */
};

struct out_opts {
	enum out_format format;
	enum lang lang;               /* summary line, SARIF rule descriptions */
	int color;                    /* text: ANSI colours */
	enum sev fail_on;             /* junit: findings at or above are failures; SEV_OFF: never */
	size_t nchecked;              /* files checked, for the summary */
	const struct out_file *files; /* every file of the run, in output order */
	size_t nfiles;
	enum sev shown_from; /* findings below it were left out (--min-severity): the
	                      * summary does not count them as none */
	int own_errors_only; /* archive: of each record's own findings only the errors
	                      * of its format (yaml-*, schema-*) were kept, the rules
	                      * not run; the summary says where the rest are */
};

/* "text", "json", … → *out; 1 on success. */
int out_format_parse(const char *s, enum out_format *out);
/* Whether text output to fd gets colours: a terminal, unless NO_COLOR is
 * set (non-empty); FORCE_COLOR (non-empty, not "0") forces them. */
int out_color_wanted(int fd);
/* One finding as the text output writes it without colours:
 * "FILE:LINE:COL: SEVERITY: MESSAGE [RULE]" and a newline, the position as
 * far as it is known, file and message escaped for a terminal. */
void diag_line(struct buf *b, const struct diag *d);
/* The findings of dq (errors_only: its errors alone) on standard error,
 * one diag_line each: what report and tasks say of a record. */
void diag_eprint(const struct diags *dq, int errors_only);
/* Append the whole output for dq (already in output order) to b. */
void diag_out(struct buf *b, const struct diags *dq, const struct out_opts *o);

/* A run's findings file by file, for a caller that does not hold them as
 * one array: group k (k < n) is a run of findings about one file, the
 * groups in output order.  get() sets *dq to group k's findings, in
 * output order; they are the source's (the caller neither frees nor
 * keeps them) and stay valid until the next get().  SARIF and JUnit ask
 * for every group twice: once to learn their rules and counts, once to
 * write them. */
struct diag_groups {
	size_t n;
	const char *(*name)(void *ctx, size_t k); /* the file of group k */
	void (*get)(void *ctx, size_t k, struct diags *dq);
	void *ctx;
};
/* diag_out over groups: the findings need never be in memory at once.
 * What b holds is written to f (when not NULL) as it grows, leaving the
 * rest in b: the caller writes b to f after, and checks ferror(f). */
void diag_out_groups(struct buf *b, const struct diag_groups *g, const struct out_opts *o, FILE *f);

#endif
