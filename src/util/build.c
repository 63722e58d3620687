/*
 * build.c: what tells this build of debrief from any other (build.h).
 *
 * What the archive keeps between runs (the cache of record summaries, the
 * pages it need not make again) is keyed by it rather than by the version
 * number alone: a program patched without a new number (a distribution's
 * fix, a developer's build) must not take an older program's pages for
 * its own.  The Makefile passes a hash of every source file
 * (DEBRIEF_SOURCE_ID), so that two builds of the same sources (optimised,
 * with sanitizers, with a distribution's flags), which write the same
 * bytes, share what a run keeps; built without it, the program's own
 * bytes stand in.
 */
#include "build.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "debrief.h"

#ifndef DEBRIEF_SOURCE_ID
#define DEBRIEF_SOURCE_ID ""
#endif

static unsigned char id[HASH_LEN];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The program's own bytes into h. */
static void
hash_program(struct hash_ctx *h)
{
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	static char b[1 << 16];
	ssize_t n;
	while ((n = read(fd, b, sizeof b)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break; /* what was read still tells this program apart */
		hash_update(h, b, (size_t)n);
	}
	close(fd);
}

static void
make_id(void)
{
	struct hash_ctx h;
	hash_init(&h);
	hash_update(&h, DEBRIEF_VERSION, sizeof DEBRIEF_VERSION);
	if (*DEBRIEF_SOURCE_ID)
		hash_update(&h, DEBRIEF_SOURCE_ID, sizeof DEBRIEF_SOURCE_ID);
	else
		hash_program(&h);
	hash_final(&h, id);
}

const unsigned char *
build_id(void)
{
	pthread_once(&once, make_id);
	return id;
}

const char *
build_source_id(void)
{
	return DEBRIEF_SOURCE_ID;
}
