/*
 * Unit tests of memo, the bounded table of recent answers: a kept answer
 * found with its text and number, keys told apart by every byte and by
 * length (a NUL inside a key included), no text kept when none given,
 * emptied rather than grown when three quarters full, and the same
 * answers from several threads at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "memo.h"
#include "unit.h"

static struct memo m = MEMO_INIT;

static void *
worker(void *arg)
{
	int bad = 0;
	for (int i = 0; i < 2000; i++) {
		char k[32], want[32];
		int n = snprintf(k, sizeof k, "t%d", i % 300);
		snprintf(want, sizeof want, "v%d", i % 300);
		char *t = NULL;
		int num = -1;
		if (memo_find(&m, k, (size_t)n, &t, &num))
			bad |= !t || strcmp(t, want) || num != i % 300;
		else
			memo_keep(&m, k, (size_t)n, want, i % 300);
		free(t);
	}
	*(int *)arg = bad;
	return NULL;
}

int
main(void)
{
	char *t = (char *)"untouched";
	int num = 7;
	OK(!memo_find(&m, "a", 1, &t, &num), "memo/empty-has-nothing");
	OK(!strcmp(t, "untouched") && num == 7, "memo/miss-leaves-outputs");
	memo_keep(&m, "a\0b", 3, "first", 1);
	memo_keep(&m, "a\0c", 3, NULL, 2);
	OK(memo_find(&m, "a\0b", 3, &t, &num) && !strcmp(t, "first") && num == 1,
	   "memo/found-with-text-and-number");
	free(t);
	OK(memo_find(&m, "a\0c", 3, &t, &num) && t == NULL && num == 2,
	   "memo/nul-inside-key-tells-keys-apart");
	OK(!memo_find(&m, "a", 1, NULL, NULL), "memo/shorter-key-is-another");
	OK(memo_find(&m, "a\0b", 3, NULL, NULL), "memo/text-not-wanted");
	memo_keep(&m, "a\0b", 3, "second", 9);
	OK(memo_find(&m, "a\0b", 3, &t, &num) && !strcmp(t, "first") && num == 1,
	   "memo/first-answer-stays");
	free(t);
	/* three quarters full: emptied, never more than that kept */
	int most = 0;
	for (int i = 0; i < 3 * MEMO_CAP; i++) {
		char k[16];
		int n = snprintf(k, sizeof k, "k%d", i);
		memo_keep(&m, k, (size_t)n, k, i);
		if ((int)m.n > most)
			most = (int)m.n;
	}
	OK(most <= MEMO_CAP / 4 * 3, "memo/bounded");
	OK(memo_find(&m, "k3071", 5, &t, &num) && !strcmp(t, "k3071") && num == 3071,
	   "memo/last-kept-after-emptying");
	free(t);
	pthread_t th[4];
	int bad[4] = {0};
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, worker, &bad[i]);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	OK(!bad[0] && !bad[1] && !bad[2] && !bad[3], "memo/threads-agree");
	return unit_failed != 0;
}
