/*
 * Fuzz the files the archive keeps beside its pages to know what it need
 * not read again: a witness (witness.c: what stat said of each file, as
 * in DIR/.debrief-cache.stat and DIR/.debrief-archive.stat) and the
 * objects of archive.json (archive_json.c: DIR/.debrief-archive.segments).
 * The input is the file's text after its head line; whatever it holds, it
 * is used or not, never read past, and a lookup finds only what it says.
 * The first byte picks the file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive_pages.h"
#include "fsutil.h"
#include "witness.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[512];

/* The files it writes, and its directory, gone at exit. */
static void
clean(void)
{
	static const char *const names[] = {"w", "archive.json", ".debrief-archive.segments"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

static void
put(const char *name, const char *head, const uint8_t *data, size_t size)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f) {
		fputs(head, f);
		fwrite(data, 1, size, f);
		fclose(f);
	}
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 8192)
		return 0;
	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/debrief-fuzz-side.XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(dir))
			abort();
		atexit(clean);
	}
	if (data[0] & 1) {
		static const char head[] = "# fuzz witness\n";
		put("w", head, data + 1, size - 1);
		struct witness w;
		witness_read(&w, dir, "w", head);
		struct seen now;
		memset(&now, 0, sizeof now);
		for (size_t i = 0; i < w.n; i++) {
			if (!w.v[i].name || strchr(w.v[i].name, '\n'))
				abort();
			now = w.v[i];
			/* an entry vouches for itself only when older than the file */
			const struct seen *v = witness_vouch(&w, w.v[i].name, &now);
			if (v && (v->mtime >= w.at || v->ctime >= w.at))
				abort();
		}
		witness_free(&w);
	} else {
		/* a segments file naming an archive.json of the input's bytes */
		put("archive.json", "", data + 1, size - 1);
		char *head = xasprintf("# debrief archive.json objects 4: kind digest offset "
		                       "length hash; of %016llx %zu\n",
		                       (unsigned long long)hash64(data + 1, size - 1), size - 1);
		put(".debrief-archive.segments", head, data + 1, size - 1);
		free(head);
		struct arc_json_prev *p =
		    arc_json_prev_open(dir, hash64(data + 1, size - 1), size - 1);
		arc_json_prev_free(p);
	}
	return 0;
}
