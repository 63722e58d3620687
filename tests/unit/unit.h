/*
 * unit.h: a tiny harness (cmark's api_test style).  Each check prints
 * "ok NAME" or "FAIL NAME: ..." as tests/run expects; main returns 0.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "xalloc.h"

static int unit_failed;

#define OK(cond, name)                                                                             \
	do {                                                                                       \
		if (cond)                                                                          \
			printf("ok %s\n", name);                                                   \
		else {                                                                             \
			printf("FAIL %s: %s:%d: %s\n", name, __FILE__, __LINE__, #cond);           \
			unit_failed++;                                                             \
		}                                                                                  \
	} while (0)

#define INT_EQ(got, want, name)                                                                    \
	do {                                                                                       \
		long long g_ = (long long)(got), w_ = (long long)(want);                           \
		if (g_ == w_)                                                                      \
			printf("ok %s\n", name);                                                   \
		else {                                                                             \
			printf("FAIL %s: %s:%d: got %lld, want %lld\n", name, __FILE__, __LINE__,  \
			       g_, w_);                                                            \
			unit_failed++;                                                             \
		}                                                                                  \
	} while (0)

#define STR_EQ(got, want, name)                                                                    \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (g_ && w_ && !strcmp(g_, w_))                                                   \
			printf("ok %s\n", name);                                                   \
		else {                                                                             \
			printf("FAIL %s: %s:%d: got \"%s\", want \"%s\"\n", name, __FILE__,        \
			       __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                  \
			unit_failed++;                                                             \
		}                                                                                  \
	} while (0)

/* The file REL of the source tree ($TOP, else ../.. from tests/unit),
 * NUL-terminated; NULL, after a FAIL line naming it, when it cannot be
 * read.  Caller frees.  Not inlined: GCC 12 takes pointers into the
 * returned text for pointers to the local it was read into. */
__attribute__((noinline, unused)) static char *
unit_read_top(const char *rel)
{
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/%s", top && *top ? top : "../..", rel);
	char *data = NULL, *err = NULL;
	size_t len;
	if (!fs_read(path, 1u << 22, &data, &len, &err)) {
		printf("FAIL read %s: %s\n", path, err ? err : "?");
		unit_failed++;
		free(err);
		data = NULL;
	}
	free(path);
	return data;
}

#endif
