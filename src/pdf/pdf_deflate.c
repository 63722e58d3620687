/*
 * pdf_deflate.c: deflating a PDF's streams at one level, with one z_stream
 * a document (or a thread's documents) and a bounded cache of small streams already deflated.  It
 * does not touch libharu: pdf_hpdf.c hands it a stream's bytes and writes
 * what comes out.
 */
#include "pdf_deflate.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xalloc.h"

/* zlib's level 3 rather than its default 6: on generated reports it takes
 * an eighth less time per report for 5% more bytes (bench/report.sh). */
#define DEFLATE_LEVEL 3

/* Small streams deflated in this run, by their bytes.  A report's small
 * streams (CIDToGIDMaps, ToUnicode CMaps, glyph outlines: under 1 KB) are
 * mostly the same as other reports' (1,000 generated records: 7,724 of
 * them, 2,181 different), and each costs zlib's reset, which clears its
 * 64 KB hash table, more than deflating it does.  A bounded cache, sets
 * of four by hash, the least recently used one out. */
#define SMALL_STREAM 1024
#define SMALL_SETS 128
#define SMALL_WAYS 4

struct small {
	uint64_t hash;
	size_t len, zlen;
	unsigned long used;   /* clock of its last use */
	unsigned char *bytes; /* len bytes, then zlen deflated */
};

static struct small smalls[SMALL_SETS][SMALL_WAYS];
static unsigned long small_clock;
static pthread_mutex_t small_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t small_once = PTHREAD_ONCE_INIT;

static void
smalls_free(void)
{
	for (size_t i = 0; i < SMALL_SETS; i++)
		for (size_t w = 0; w < SMALL_WAYS; w++)
			free(smalls[i][w].bytes);
}

static void
smalls_at_exit(void)
{
	atexit(smalls_free); /* leak checkers see a clean process */
}

/* The deflated bytes of data[len] into d->out (d->len) if kept. */
static int
small_find(struct deflater *d, uint64_t hash, const void *data, size_t len)
{
	int found = 0;
	pthread_mutex_lock(&small_mu);
	struct small *set = smalls[hash % SMALL_SETS];
	for (int w = 0; w < SMALL_WAYS; w++) {
		struct small *e = &set[w];
		if (e->bytes && e->hash == hash && e->len == len && !memcmp(e->bytes, data, len)) {
			d->out = xgrow(d->out, &d->cap, e->zlen, 1);
			memcpy(d->out, e->bytes + len, e->zlen);
			d->len = e->zlen;
			e->used = ++small_clock;
			found = 1;
			break;
		}
	}
	pthread_mutex_unlock(&small_mu);
	return found;
}

/* Keeps data[len] with its deflated bytes, d->out. */
static void
small_keep(struct deflater *d, uint64_t hash, const void *data, size_t len)
{
	unsigned char *bytes = xmalloc(len + d->len);
	memcpy(bytes, data, len);
	memcpy(bytes + len, d->out, d->len);
	pthread_once(&small_once, smalls_at_exit);
	pthread_mutex_lock(&small_mu);
	struct small *set = smalls[hash % SMALL_SETS], *out = &set[0];
	for (int w = 1; w < SMALL_WAYS && out->bytes; w++)
		if (!set[w].bytes || set[w].used < out->used)
			out = &set[w];
	unsigned char *old = out->bytes;
	*out = (struct small){hash, len, d->len, ++small_clock, bytes};
	pthread_mutex_unlock(&small_mu);
	free(old);
}

int
deflater_run(struct deflater *d, const void *data, size_t len)
{
	if (len > UINT_MAX / 2)
		return 0;
	uint64_t hash = len <= SMALL_STREAM ? hash64(data, len) : 0;
	if (len <= SMALL_STREAM && small_find(d, hash, data, len))
		return 1;
	/* one z_stream for the document, or the thread's documents: zlib's
	 * set-up for each stream, as libharu does it, costs as much as
	 * deflating a small one */
	int r = d->init ? deflateReset(&d->z) : deflateInit(&d->z, DEFLATE_LEVEL);
	if (r != Z_OK)
		return 0;
	d->init = 1;
	size_t bound = deflateBound(&d->z, (uLong)len);
	d->out = xgrow(d->out, &d->cap, bound, 1);
	d->z.next_in = data;
	d->z.avail_in = (uInt)len;
	d->z.next_out = d->out;
	d->z.avail_out = (uInt)bound;
	if (deflate(&d->z, Z_FINISH) != Z_STREAM_END)
		return 0;
	d->len = bound - d->z.avail_out;
	if (len <= SMALL_STREAM)
		small_keep(d, hash, data, len);
	return 1;
}

void
deflater_end(struct deflater *d)
{
	if (d->init)
		deflateEnd(&d->z);
	free(d->out);
	memset(d, 0, sizeof *d);
}
