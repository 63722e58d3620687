/*
 * fsutil.c: bounded reads, sorted directory walks and atomic writes.  The
 * only file that creates, renames or removes files.
 */
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "xalloc.h"

/* fs_read and fs_read_head: "cut" keeps the first max bytes of a longer
 * input instead of failing. */
static int
read_bounded(const char *path, size_t max, int cut, char **data, size_t *len, char **err)
{
	int stdin_ = !strcmp(path, "-");
	int fd = stdin_ ? 0 : open(path, O_RDONLY);
	if (fd < 0) {
		*err = xasprintf("cannot open: %s", strerror(errno));
		return 0;
	}
	struct stat st;
	if (!stdin_ && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		*err = xstrdup("is a directory");
		return 0;
	}
	struct buf b = BUF_INIT;
	char chunk[65536];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = xasprintf("cannot read: %s", strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		if (b.len + (size_t)r > max) {
			if (cut) {
				buf_put(&b, chunk, max - b.len);
				break;
			}
			*err = xasprintf("larger than %zu bytes", max);
			goto fail;
		}
		buf_put(&b, chunk, (size_t)r);
	}
	if (!stdin_)
		close(fd);
	*len = b.len;
	*data = buf_detach(&b);
	return 1;
fail:
	if (!stdin_)
		close(fd);
	buf_free(&b);
	return 0;
}

int
fs_read(const char *path, size_t max, char **data, size_t *len, char **err)
{
	return read_bounded(path, max, 0, data, len, err);
}

int
fs_read_head(const char *path, size_t max, char **data, size_t *len, char **err)
{
	return read_bounded(path, max, 1, data, len, err);
}

void
strlist_push(struct strlist *l, const char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrdup(s);
}

void
strlist_free(struct strlist *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* Walk one directory, depth-first, entries in byte order; hidden entries
 * (".git", ".debrief.yaml") are skipped. */
static int
walk(const char *dir, struct strlist *out, struct strlist *errs, int depth)
{
	if (depth > 64) {
		char *m = xasprintf("%s: directories nested too deep", dir);
		strlist_push(errs, m);
		free(m);
		return 1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		char *m = xasprintf("%s: cannot open directory: %s", dir, strerror(errno));
		strlist_push(errs, m);
		free(m);
		return 1;
	}
	struct strlist names = {0};
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			strlist_push(&names, e->d_name);
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, cmp_str);
	int failed = 0;
	for (size_t i = 0; i < names.n; i++) {
		char *p =
		    xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
		struct stat st;
		if (stat(p, &st) != 0) {
			char *m = xasprintf("%s: %s", p, strerror(errno));
			strlist_push(errs, m);
			free(m);
			failed++;
		} else if (S_ISDIR(st.st_mode)) {
			failed += walk(p, out, errs, depth + 1);
		} else if (S_ISREG(st.st_mode) && is_yaml_name(names.v[i])) {
			strlist_push(out, p);
		}
		free(p);
	}
	strlist_free(&names);
	return failed;
}

int
fs_expand(char **paths, int n, struct strlist *out, struct strlist *errs)
{
	int failed = 0;
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (!strcmp(paths[i], "-")) {
			strlist_push(out, "-");
		} else if (stat(paths[i], &st) != 0) {
			char *m = xasprintf("%s: %s", paths[i], strerror(errno));
			strlist_push(errs, m);
			free(m);
			failed++;
		} else if (S_ISDIR(st.st_mode)) {
			failed += walk(paths[i], out, errs, 0);
		} else {
			strlist_push(out, paths[i]);
		}
	}
	return failed;
}

int
fs_mkdirs(const char *dir, char **err)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			*err = xasprintf("cannot create %s: %s", p, strerror(errno));
			free(p);
			return 0;
		}
		*s = '/';
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST) {
		*err = xasprintf("cannot create %s: %s", p, strerror(errno));
		free(p);
		return 0;
	}
	struct stat st;
	if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*err = xasprintf("%s is not a directory", p);
		free(p);
		return 0;
	}
	free(p);
	return 1;
}

/* A name that stays inside the output directory. */
static int
safe_name(const char *name)
{
	if (!*name || name[0] == '/')
		return 0;
	const char *p = name;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t k = slash ? (size_t)(slash - p) : strlen(p);
		if (k == 0 || (k == 1 && p[0] == '.') || (k == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		p += k + (slash ? 1 : 0);
		if (slash && !*p)
			return 0;
	}
	return 1;
}

static int
same_content(const char *path, const void *data, size_t len)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		return 0;
	char *old;
	size_t olen;
	char *err = NULL;
	if (!fs_read(path, len + 1, &old, &olen, &err)) {
		free(err);
		return 0;
	}
	int same = olen == len && memcmp(old, data, len) == 0;
	free(old);
	return same;
}

int
fs_write_atomic(const char *dir, const char *name, const void *data, size_t len, char **err)
{
	if (!safe_name(name)) {
		*err = xasprintf("refusing to write '%s' outside the output directory", name);
		return 0;
	}
	char *path = xasprintf("%s/%s", dir, name);
	char *tmp = NULL;
	int rc = 0, fd = -1;
	char *slash = strrchr(path, '/');
	*slash = '\0';
	if (!fs_mkdirs(path, err))
		goto out;
	*slash = '/';
	if (same_content(path, data, len)) {
		rc = 2;
		goto out;
	}
	tmp = xasprintf("%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xasprintf("cannot create a file in %s: %s", dir, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			*err = xasprintf("cannot write %s: %s", path, strerror(errno));
			goto out;
		}
		p += w;
		left -= (size_t)w;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		*err = xasprintf("cannot rename into %s: %s", path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	rc = 1;
out:
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(path);
	return rc;
}

int
fs_remove(const char *dir, const char *name, char **err)
{
	if (!safe_name(name)) {
		*err = xasprintf("refusing to remove '%s' outside the output directory", name);
		return 0;
	}
	char *path = xasprintf("%s/%s", dir, name);
	int rc = 1;
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = 2; /* gone already, or not a file this program writes */
	} else if (unlink(path) != 0) {
		*err = xasprintf("cannot remove %s: %s", path, strerror(errno));
		rc = 0;
	}
	free(path);
	return rc;
}
