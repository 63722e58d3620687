/*
 * memo.c: the bounded, locked table of recent answers (memo.h).  Open
 * addressing by an FNV-1a hash of the key; every memo in use is emptied
 * at exit, so that leak checkers see a clean process.
 */
#include "memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static struct memo *memos; /* those with something kept, to empty at exit */
static pthread_mutex_t memos_mu = PTHREAD_MUTEX_INITIALIZER;

static void
clear(struct memo *m)
{
	for (size_t i = 0; i < MEMO_CAP; i++) {
		free(m->slot[i].key);
		free(m->slot[i].text);
		m->slot[i] = (struct memo_slot){0};
	}
	m->n = 0;
}

static void
clear_all(void)
{
	pthread_mutex_lock(&memos_mu);
	for (struct memo *m = memos; m; m = m->next) {
		pthread_mutex_lock(&m->mu);
		clear(m);
		pthread_mutex_unlock(&m->mu);
	}
	pthread_mutex_unlock(&memos_mu);
}

/* m among the memos emptied at exit; not with m->mu held, which
 * clear_all takes inside memos_mu. */
static void
enrol(struct memo *m)
{
	static int registered;
	pthread_mutex_lock(&memos_mu);
	if (!m->enrolled) {
		m->enrolled = 1;
		m->next = memos;
		memos = m;
		if (!registered++)
			atexit(clear_all);
	}
	pthread_mutex_unlock(&memos_mu);
}

static size_t
slot_of(const struct memo *m, const void *key, size_t klen)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = key, *e = p + klen; p < e; p++)
		h = (h ^ *p) * 16777619u;
	size_t i = h & (MEMO_CAP - 1);
	while (m->slot[i].key && (m->slot[i].klen != klen || memcmp(m->slot[i].key, key, klen)))
		i = (i + 1) & (MEMO_CAP - 1);
	return i;
}

int
memo_find(struct memo *m, const void *key, size_t klen, char **text, int *num)
{
	pthread_mutex_lock(&m->mu);
	const struct memo_slot *s = &m->slot[slot_of(m, key, klen)];
	int found = s->key != NULL;
	if (found) {
		if (text)
			*text = s->text ? xstrdup(s->text) : NULL;
		if (num)
			*num = s->num;
	}
	pthread_mutex_unlock(&m->mu);
	return found;
}

void
memo_keep(struct memo *m, const void *key, size_t klen, const char *text, int num)
{
	enrol(m);
	pthread_mutex_lock(&m->mu);
	if (m->n >= MEMO_CAP / 4 * 3)
		clear(m);
	struct memo_slot *s = &m->slot[slot_of(m, key, klen)];
	if (!s->key) { /* another thread may have kept it meanwhile */
		s->key = xmalloc(klen ? klen : 1);
		memcpy(s->key, key, klen);
		s->klen = klen;
		s->text = text ? xstrdup(text) : NULL;
		s->num = num;
		m->n++;
	}
	pthread_mutex_unlock(&m->mu);
}
