/*
 * memo.h: what a function of text alone answered lately, kept so that the
 * same question, asked again for another record or report, is not worked
 * out again: a collection names the same few departments thousands of
 * times, and folding and looking up each name anew is a tenth of the
 * time of check and of a report.  Bounded (emptied when three quarters
 * full, so it stays small whatever the collection) and locked: records
 * are read on several threads.  Only for answers that depend on the key
 * alone.
 */
#ifndef MEMO_H
#define MEMO_H

#include <pthread.h>
#include <stddef.h>

enum { MEMO_CAP = 1024 }; /* slots, a power of two */

struct memo_slot {
	char *key; /* owned, klen bytes; NULL: empty */
	size_t klen;
	char *text; /* owned, or NULL */
	int num;
};

struct memo {
	pthread_mutex_t mu;
	size_t n;
	struct memo *next; /* the memos to empty at exit (memo.c's lock) */
	int enrolled;      /* among them (memo.c's lock) */
	struct memo_slot slot[MEMO_CAP];
};
#define MEMO_INIT                                                                                  \
	{                                                                                          \
		.mu = PTHREAD_MUTEX_INITIALIZER                                                    \
	}

/* 1 when key[klen] is kept: *text a copy of its text (NULL when it has
 * none; text may be NULL when the caller wants only the number), *num its
 * number (num may be NULL); else 0. */
int memo_find(struct memo *m, const void *key, size_t klen, char **text, int *num);
/* Keeps key[klen] with a copy of text (may be NULL) and num. */
void memo_keep(struct memo *m, const void *key, size_t klen, const char *text, int num);

#endif
