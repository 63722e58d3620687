/*
 * test_fsutil_stream.c: a file of the batch written in pieces
 * (fs_stream_*): its bytes in place after the sync, an unchanged file
 * left alone however its pieces fall, a longer or shorter one replaced,
 * and nothing left behind; and the budget of par.h.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "par.h"
#include "unit.h"

/* Write data into DIR/NAME in pieces of step bytes; close's result. */
static int
stream(const char *dir, const char *name, const char *data, size_t step)
{
	char *err = NULL;
	struct fs_stream *s = fs_stream_open(dir, name, &err);
	if (!s) {
		printf("# open: %s\n", err ? err : "?");
		free(err);
		return -1;
	}
	size_t len = strlen(data);
	for (size_t i = 0; i < len; i += step)
		if (!fs_stream_write(s, data + i, len - i < step ? len - i : step, &err))
			break;
	int rc = fs_stream_close(s, &err);
	if (!fs_sync_batch(&err))
		rc = -2;
	free(err);
	return rc;
}

static char *
slurp(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *data = NULL, *err = NULL;
	size_t len;
	if (!fs_read(path, 1 << 20, &data, &len, &err))
		data = NULL;
	free(err);
	free(path);
	return data;
}

/* How many entries dir holds. */
static int
entries(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *f = popen(cmd, "r");
	int n = -1;
	if (f) {
		if (fscanf(f, "%d", &n) != 1)
			n = -1;
		pclose(f);
	}
	free(cmd);
	return n;
}

int
main(void)
{
	char tmpl[] = "/tmp/debrief-stream.XXXXXX";
	char *dir = mkdtemp(tmpl);
	if (!dir) {
		printf("FAIL stream/mkdtemp\n");
		return 1;
	}
	/* 100 KiB of varied bytes, more than one 16 KiB comparison chunk */
	size_t n = 100 * 1024;
	char *big = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('a' + (i * 7 + i / 13) % 26);
	big[n] = '\0';

	INT_EQ(stream(dir, "sub/a.json", big, 4096), 1, "stream/new-file-written");
	char *got = slurp(dir, "sub/a.json");
	OK(got && !strcmp(got, big), "stream/bytes-in-place");
	free(got);
	INT_EQ(stream(dir, "sub/a.json", big, 1000), 2, "stream/same-bytes-other-pieces-unchanged");
	big[n - 1] = 'Z';
	INT_EQ(stream(dir, "sub/a.json", big, 65536), 1, "stream/last-byte-changed-written");
	big[n - 1] = '\0'; /* one byte shorter */
	INT_EQ(stream(dir, "sub/a.json", big, 4096), 1, "stream/shorter-written");
	got = slurp(dir, "sub/a.json");
	OK(got && strlen(got) == n - 1, "stream/shorter-in-place");
	free(got);
	INT_EQ(stream(dir, "sub/a.json", "", 1), 1, "stream/empty-written");
	INT_EQ(stream(dir, "sub/a.json", "", 1), 2, "stream/empty-unchanged");
	char *sub = xasprintf("%s/sub", dir);
	INT_EQ(entries(sub), 1, "stream/no-temporary-left");
	free(sub);
	INT_EQ(stream(dir, "../escape.json", "x", 1), -1, "stream/outside-refused");
	free(big);

	struct par_budget *b = par_budget_new(100);
	size_t t1 = par_budget_take(b, 30), t2 = par_budget_take(b, 70);
	INT_EQ(t1 + t2, 100, "budget/take-what-is-asked");
	par_budget_give(b, t1);
	par_budget_give(b, t2);
	size_t t3 = par_budget_take(b, 500); /* waits for the whole budget */
	INT_EQ(t3, 100, "budget/above-cap-takes-all");
	par_budget_give(b, t3);
	size_t t4 = par_budget_take(b, 0);
	INT_EQ(t4, 1, "budget/nothing-takes-one");
	par_budget_give(b, t4);
	par_budget_free(b);

	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		printf("# could not remove %s\n", dir);
	free(rm);
	return unit_failed ? 1 : 0;
}
