/*
 * diag.c: the findings list: adding, ordering, counting.  Printing lives in
 * diag_out.c; deciding severity lives in rules.c.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
diags_vadd(struct diags *dq, const char *file, struct mark m, enum sev sev, const char *rule,
           const char *guidance, const char *fmt, va_list ap)
{
	dq->v = xgrow(dq->v, &dq->cap, dq->n + 1, sizeof *dq->v);
	struct diag *d = &dq->v[dq->n++];
	d->file = xstrdup(file ? file : "");
	d->mark = m;
	d->sev = sev;
	d->rule = rule;
	d->guidance = guidance ? guidance : "";
	d->msg = xvasprintf(fmt, ap);
	/* Findings are one line each: fold any newline a value brought in. */
	for (char *p = d->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}

void
diags_add(struct diags *dq, const char *file, struct mark m, enum sev sev, const char *rule,
          const char *guidance, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(dq, file, m, sev, rule, guidance, fmt, ap);
	va_end(ap);
}

void
diags_take(struct diags *dst, struct diags *src)
{
	if (!src->n)
		return;
	dst->v = xgrow(dst->v, &dst->cap, dst->n + src->n, sizeof *dst->v);
	memcpy(dst->v + dst->n, src->v, src->n * sizeof *src->v);
	dst->n += src->n;
	free(src->v);
	src->v = NULL;
	src->n = src->cap = 0;
}

int
diag_cmp_place(const struct diag *x, const struct diag *y)
{
	if (x->mark.line != y->mark.line)
		return x->mark.line < y->mark.line ? -1 : 1;
	if (x->mark.col != y->mark.col)
		return x->mark.col < y->mark.col ? -1 : 1;
	int c = strcmp(x->rule, y->rule);
	return c ? c : strcmp(x->msg, y->msg);
}

int
diag_cmp_keyed(const void *a, const void *b)
{
	const struct diag_keyed *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	int c;
	if (x->file == (size_t)-1 && (c = strcmp(x->d.file, y->d.file)) != 0)
		return c; /* names only differ among "other" files */
	c = diag_cmp_place(&x->d, &y->d);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	return c ? c : diag_cmp_place(x, y);
}

void
diags_sort(struct diags *dq)
{
	if (dq->n > 1)
		qsort(dq->v, dq->n, sizeof *dq->v, cmp_diag);
}

void
diags_compact(struct diags *dq)
{
	size_t j = 0;
	for (size_t i = 0; i < dq->n; i++) {
		if (dq->v[i].sev == SEV_OFF) {
			free(dq->v[i].file);
			free(dq->v[i].msg);
		} else {
			dq->v[j++] = dq->v[i];
		}
	}
	dq->n = j;
}

size_t
diags_count(const struct diags *dq, enum sev sev)
{
	size_t n = 0;
	for (size_t i = 0; i < dq->n; i++)
		n += dq->v[i].sev == sev;
	return n;
}

void
diags_free(struct diags *dq)
{
	if (!dq)
		return;
	for (size_t i = 0; i < dq->n; i++) {
		free(dq->v[i].file);
		free(dq->v[i].msg);
	}
	free(dq->v);
	dq->v = NULL;
	dq->n = dq->cap = 0;
}

const char *
sev_name(enum sev s)
{
	switch (s) {
	case SEV_INFO: return "info";
	case SEV_WARNING: return "warning";
	case SEV_ERROR: return "error";
	case SEV_OFF: return "off";
	}
	return "?";
}

int
sev_parse(const char *s, enum sev *out)
{
	static const char *names[] = {"info", "warning", "error", "off"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i])) {
			*out = (enum sev)i;
			return 1;
		}
	return 0;
}
