/*
 * build.c: what tells this build of debrief from any other (build.h).
 *
 * What the archive keeps between runs (the cache of record summaries, the
 * pages it need not make again) is keyed by it rather than by the version
 * number alone: a program patched without a new number (a distribution's
 * fix, a developer's build) must not take an older program's pages for
 * its own.  The program's bytes say it without a step in the build.
 */
#include "build.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "debrief.h"

static unsigned char id[HASH_LEN];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
make_id(void)
{
	struct hash_ctx h;
	hash_init(&h);
	hash_update(&h, DEBRIEF_VERSION, sizeof DEBRIEF_VERSION);
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		static char b[1 << 16];
		ssize_t n;
		while ((n = read(fd, b, sizeof b)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				break; /* what was read still tells this program apart */
			hash_update(&h, b, (size_t)n);
		}
		close(fd);
	}
	hash_final(&h, id);
}

const unsigned char *
build_id(void)
{
	pthread_once(&once, make_id);
	return id;
}
