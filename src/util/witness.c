/*
 * witness.c: the witness file (witness.h): a head line, then a line a
 * file: "SUM SIZE DEV INO MTIME CTIME NAME", the sum in hexadecimal, the
 * times in nanoseconds, the name to the end of the line.  A line that
 * does not parse, or a head that is not the caller's, and none of it is
 * used.
 */
#include "witness.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fsutil.h"
#include "text.h"
#include "xalloc.h"

static long long
ns_of(struct timespec t)
{
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int
witness_stat(const char *path, int follow, struct seen *now)
{
	struct stat st;
	memset(now, 0, sizeof *now);
	if ((follow ? stat(path, &st) : lstat(path, &st)) != 0 || !S_ISREG(st.st_mode))
		return 0;
	now->size = (unsigned long long)st.st_size;
	now->dev = (unsigned long long)st.st_dev;
	now->ino = (unsigned long long)st.st_ino;
	now->mtime = ns_of(st.st_mtim);
	now->ctime = ns_of(st.st_ctim);
	return 1;
}

static int
cmp_seen(const void *x, const void *y)
{
	return strcmp(((const struct seen *)x)->name, ((const struct seen *)y)->name);
}

/* The lines by name, as witness_write leaves them: sorted only when not. */
static void
sort_seen(struct witness *w)
{
	size_t i = 1;
	while (i < w->n && cmp_seen(&w->v[i - 1], &w->v[i]) <= 0)
		i++;
	if (i < w->n)
		qsort(w->v, w->n, sizeof *w->v, cmp_seen);
}

void
witness_free(struct witness *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].name);
	free(w->v);
	memset(w, 0, sizeof *w);
}

/* A decimal number and the space after it; 0 when there is none. */
static int
number(char **p, unsigned long long *v)
{
	char *s = *p, *end;
	if (*s < '0' || *s > '9')
		return 0;
	*v = text_ull(s, 10, &end);
	if (*end != ' ')
		return 0;
	*p = end + 1;
	return 1;
}

/* One line (NUL-terminated, no newline) into v; 0 when damaged. */
static int
parse_line(char *s, struct seen *v)
{
	for (int i = 0; i < HASH_LEN; i++) {
		int hi = text_hexval((unsigned char)s[2 * i]),
		    lo = hi < 0 ? -1 : text_hexval((unsigned char)s[2 * i + 1]);
		if (lo < 0)
			return 0;
		v->sum[i] = (unsigned char)(hi << 4 | lo);
	}
	s += 2 * HASH_LEN;
	if (*s++ != ' ')
		return 0;
	unsigned long long m, c;
	if (!number(&s, &v->size) || !number(&s, &v->dev) || !number(&s, &v->ino) ||
	    !number(&s, &m) || !number(&s, &c) || !*s || m > (unsigned long long)INT64_MAX ||
	    c > (unsigned long long)INT64_MAX)
		return 0;
	v->mtime = (long long)m;
	v->ctime = (long long)c;
	v->name = s;
	return 1;
}

void
witness_read(struct witness *w, const char *dir, const char *file, const char *head)
{
	memset(w, 0, sizeof *w);
	char *path = xasprintf("%s/%s", dir, file), *data = NULL;
	struct seen self;
	int ok = witness_stat(path, 0, &self) && (data = fs_read_lines(dir, file, head));
	free(path);
	for (char *line = ok ? data : NULL, *next; ok && *line; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		struct seen v;
		if ((ok = parse_line(line, &v))) {
			w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
			v.name = xstrdup(v.name);
			w->v[w->n++] = v;
		}
	}
	free(data);
	if (!ok) {
		witness_free(w);
		return;
	}
	w->at = self.mtime;
	sort_seen(w);
}

const struct seen *
witness_vouch(const struct witness *w, const char *name, const struct seen *now)
{
	struct seen key;
	memset(&key, 0, sizeof key);
	key.name = (char *)name;
	const struct seen *v = w->n ? bsearch(&key, w->v, w->n, sizeof *w->v, cmp_seen) : NULL;
	return v && v->mtime < w->at && v->ctime < w->at && now->size == v->size &&
	               now->dev == v->dev && now->ino == v->ino && now->mtime == v->mtime &&
	               now->ctime == v->ctime
	           ? v
	           : NULL;
}

void
witness_add(struct witness *w, const char *name, const struct seen *now,
            const unsigned char sum[HASH_LEN])
{
	if (strchr(name, '\n'))
		return;
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	struct seen *v = &w->v[w->n++];
	*v = *now;
	v->name = xstrdup(name);
	memcpy(v->sum, sum, HASH_LEN);
}

void
witness_write(struct witness *w, const char *dir, const char *file, const char *head)
{
	sort_seen(w);
	struct buf b = BUF_INIT;
	buf_puts(&b, head);
	for (size_t i = 0; i < w->n; i++) {
		const struct seen *v = &w->v[i];
		if (i && !strcmp(v->name, w->v[i - 1].name))
			continue; /* the same file named twice: once */
		char s[2 * HASH_LEN + 1];
		hash_hex(v->sum, s);
		/* "%s %llu %llu %llu %lld %lld %s\n" */
		buf_put(&b, s, 2 * HASH_LEN);
		const unsigned long long u[] = {v->size, v->dev, v->ino};
		for (size_t k = 0; k < sizeof u / sizeof *u; k++) {
			buf_putc(&b, ' ');
			buf_put_ull(&b, u[k]);
		}
		const long long t[] = {v->mtime, v->ctime};
		for (size_t k = 0; k < sizeof t / sizeof *t; k++) {
			buf_putc(&b, ' ');
			buf_put_ll(&b, t[k]);
		}
		buf_putc(&b, ' ');
		buf_puts(&b, v->name);
		buf_putc(&b, '\n');
	}
	char *err = NULL;
	fs_write_atomic(dir, file, b.data, b.len, &err);
	free(err);
	buf_free(&b);
}
