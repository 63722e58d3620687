/*
 * unit.h: a tiny harness (cmark's api_test style).  Each check prints
 * "ok NAME" or "FAIL NAME: ..." as tests/run expects; main returns 0.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

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

#endif
