/*
 * par.c: the ordered thread pool of par.h (POSIX threads).  Owns no
 * knowledge of what the items are.
 */
#include "par.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

int
par_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

int
par_parse_jobs(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 1 || v > 1024)
		return 0;
	*out = (int)v;
	return 1;
}

struct pool {
	size_t n, next;      /* items, the next one to hand out */
	size_t committed;    /* items committed so far */
	size_t ahead;        /* at most this many past committed are worked */
	size_t jobs;         /* worker threads */
	unsigned char *done; /* per item: its work is finished */
	int main_waits;      /* the committing thread sleeps on main_cv */
	size_t idle;         /* workers asleep on work_cv: no item they may take */
	void *ctx;
	void (*work)(void *, size_t);
	pthread_mutex_t mu;
	pthread_cond_t main_cv, work_cv;
};

/* Wake the committing thread when it has something to commit and either
 * no more work can be handed out soon (the items are all handed out, or
 * the window of items worked ahead is nearly full) or a worker is about
 * to wait for the window.  Not after every item: a wake-up costs two
 * context switches, as much as checking a small record, and a
 * committing thread that finds several items done commits them all. */
static void
wake_main(struct pool *p, int blocking)
{
	if (p->main_waits && p->done[p->committed] &&
	    (blocking || p->next >= p->n || p->next + p->jobs >= p->committed + p->ahead))
		pthread_cond_signal(&p->main_cv);
}

static void *
worker(void *vp)
{
	struct pool *p = vp;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next < p->n && p->next >= p->committed + p->ahead) {
			wake_main(p, 1);
			p->idle++;
			pthread_cond_wait(&p->work_cv, &p->mu);
			p->idle--;
		}
		if (p->next >= p->n)
			break;
		size_t i = p->next++;
		pthread_mutex_unlock(&p->mu);
		p->work(p->ctx, i);
		pthread_mutex_lock(&p->mu);
		p->done[i] = 1;
		wake_main(p, 0);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

size_t
par_ahead(int jobs, size_t each)
{
	return jobs <= 1 ? 1 : (size_t)jobs * (each ? each : 1);
}

void
par_run(size_t n, int jobs, size_t ahead, void *ctx, void (*work)(void *ctx, size_t i),
        void (*commit)(void *ctx, size_t i))
{
	if (jobs > 1 && (size_t)jobs > n)
		jobs = n > 1 ? (int)n : 1;
	if (jobs <= 1) {
		for (size_t i = 0; i < n; i++) {
			work(ctx, i);
			commit(ctx, i);
		}
		return;
	}
	struct pool p;
	memset(&p, 0, sizeof p);
	p.n = n;
	p.ahead = ahead > (size_t)jobs ? ahead : (size_t)jobs;
	p.jobs = (size_t)jobs;
	p.done = xcalloc(n, 1);
	p.ctx = ctx;
	p.work = work;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.main_cv, NULL);
	pthread_cond_init(&p.work_cv, NULL);
	pthread_t *t = xcalloc((size_t)jobs, sizeof *t);
	int started = 0;
	for (int k = 0; k < jobs; k++)
		if (pthread_create(&t[started], NULL, worker, &p) == 0)
			started++;
	if (!started) { /* no thread could start: do it all here */
		for (size_t i = 0; i < n; i++) {
			work(ctx, i);
			commit(ctx, i);
		}
	} else {
		/* the items done in a row, committed, then the workers woken once */
		for (size_t i = 0; i < n;) {
			pthread_mutex_lock(&p.mu);
			while (!p.done[i]) {
				p.main_waits = 1;
				pthread_cond_wait(&p.main_cv, &p.mu);
				p.main_waits = 0;
			}
			size_t upto = i;
			while (upto < n && p.done[upto])
				upto++;
			pthread_mutex_unlock(&p.mu);
			for (; i < upto; i++)
				commit(ctx, i);
			pthread_mutex_lock(&p.mu);
			p.committed = upto;
			if (p.idle)
				pthread_cond_broadcast(&p.work_cv);
			pthread_mutex_unlock(&p.mu);
		}
	}
	for (int k = 0; k < started; k++)
		pthread_join(t[k], NULL);
	free(t);
	free(p.done);
	pthread_cond_destroy(&p.main_cv);
	pthread_cond_destroy(&p.work_cv);
	pthread_mutex_destroy(&p.mu);
}

struct par_budget {
	size_t cap, used;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

struct par_budget *
par_budget_new(size_t cap)
{
	struct par_budget *b = xcalloc(1, sizeof *b);
	b->cap = cap ? cap : 1;
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->cv, NULL);
	return b;
}

size_t
par_budget_take(struct par_budget *b, size_t n)
{
	if (n > b->cap)
		n = b->cap; /* larger than the whole budget: it waits for all of it */
	if (!n)
		n = 1;
	pthread_mutex_lock(&b->mu);
	while (b->used + n > b->cap)
		pthread_cond_wait(&b->cv, &b->mu);
	b->used += n;
	pthread_mutex_unlock(&b->mu);
	return n;
}

void
par_budget_give(struct par_budget *b, size_t n)
{
	pthread_mutex_lock(&b->mu);
	b->used -= n;
	pthread_cond_broadcast(&b->cv);
	pthread_mutex_unlock(&b->mu);
}

void
par_budget_free(struct par_budget *b)
{
	if (!b)
		return;
	pthread_cond_destroy(&b->cv);
	pthread_mutex_destroy(&b->mu);
	free(b);
}
