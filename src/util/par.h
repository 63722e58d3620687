/*
 * par.h: work on several threads, results taken in input order.  The
 * calling thread commits item i (prints its messages, writes its files)
 * only after items 0 .. i-1, so that output and messages are those of a
 * run on one thread whatever the number of threads.
 */
#ifndef PAR_H
#define PAR_H

#include <stddef.h>

/* The number of online processors, at least 1. */
int par_cores(void);

/* "-j N" / "--jobs N": N from 1 to 1024 into *out; 1 on success. */
int par_parse_jobs(const char *s, int *out);

/* work(ctx, i) for every i < n, on up to jobs threads (the caller's own
 * among them when jobs is 1); commit(ctx, i) on the calling thread, in
 * order of i, each after its work.  At most ahead items (par_ahead) are
 * worked ahead of the last commit, so memory stays bounded: item i is
 * not begun before item i - ahead is committed. */
void par_run(size_t n, int jobs, size_t ahead, void *ctx, void (*work)(void *ctx, size_t i),
             void (*commit)(void *ctx, size_t i));
/* The items worked ahead for jobs threads, each item worked ahead per
 * thread: few where an item holds much (a PDF), more where items are
 * small and many (a record's findings), so that the committing thread
 * is woken once for several of them. */
size_t par_ahead(int jobs, size_t each);
enum { PAR_AHEAD_LARGE = 4, PAR_AHEAD_SMALL = 16 };

/* A budget shared by the threads of a run (bytes of work in flight, say):
 * take blocks until n more fit under the cap (an n above the cap waits
 * for the whole budget) and returns what was taken, to give back. */
struct par_budget;
struct par_budget *par_budget_new(size_t cap);
size_t par_budget_take(struct par_budget *b, size_t n);
void par_budget_give(struct par_budget *b, size_t n);
void par_budget_free(struct par_budget *b);

#endif
