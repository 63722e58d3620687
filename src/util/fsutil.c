/*
 * fsutil.c: bounded reads, sorted directory walks and atomic writes.  The
 * only file that creates, renames or removes files.
 */
#define _GNU_SOURCE /* syncfs */
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "strmap.h"
#include "xalloc.h"

/* The language of this file's messages (fs_set_lang). */
static enum lang fs_lang = LANG_EN;
#define M(vi, en) L(fs_lang, vi, en)

void
fs_set_lang(enum lang lang)
{
	fs_lang = lang;
}

/* The system's error texts in Vietnamese: glibc has no Vietnamese
 * catalogue, and fs_strerror() would put English inside a Vietnamese
 * sentence.  The errors a file-handling tool meets; any other is named
 * by its number. */
static const struct {
	int e;
	const char *vi;
} vi_errors[] = {
    {EPERM, "thao tác không được phép"},
    {ENOENT, "không có tệp hoặc thư mục này"},
    {EINTR, "lời gọi hệ thống bị ngắt"},
    {EIO, "lỗi vào/ra"},
    {ENXIO, "không có thiết bị hoặc địa chỉ này"},
    {EBADF, "số mô tả tệp không hợp lệ"},
    {EAGAIN, "tài nguyên tạm thời không sẵn sàng"},
    {ENOMEM, "không đủ bộ nhớ"},
    {EACCES, "không có quyền truy cập"},
    {EBUSY, "thiết bị hoặc tài nguyên đang bận"},
    {EEXIST, "tệp đã tồn tại"},
    {EXDEV, "không thể liên kết giữa hai thiết bị"},
    {ENODEV, "không có thiết bị này"},
    {ENOTDIR, "không phải là thư mục"},
    {EISDIR, "là một thư mục"},
    {EINVAL, "tham số không hợp lệ"},
    {ENFILE, "hệ thống đang mở quá nhiều tệp"},
    {EMFILE, "tiến trình đang mở quá nhiều tệp"},
    {ETXTBSY, "tệp đang được sử dụng"},
    {EFBIG, "tệp quá lớn"},
    {ENOSPC, "thiết bị hết chỗ trống"},
    {ESPIPE, "không thể dịch chuyển vị trí đọc ghi"},
    {EROFS, "hệ thống tệp chỉ cho phép đọc"},
    {EMLINK, "quá nhiều liên kết"},
    {EPIPE, "đường ống đã bị đóng"},
    {ENAMETOOLONG, "tên tệp quá dài"},
    {ENOTEMPTY, "thư mục không rỗng"},
    {ELOOP, "quá nhiều cấp liên kết tượng trưng"},
    {EOVERFLOW, "giá trị quá lớn so với kiểu dữ liệu"},
    {EDQUOT, "đã vượt hạn mức dung lượng đĩa"},
    {ESTALE, "số mô tả tệp trên hệ thống tệp mạng đã cũ"},
    {ENOSYS, "hệ thống không hỗ trợ chức năng này"},
    {EOPNOTSUPP, "thao tác không được hỗ trợ"},
};

const char *
fs_strerror(int e)
{
	if (fs_lang != LANG_VI)
		return strerror(e);
	for (size_t i = 0; i < sizeof vi_errors / sizeof vi_errors[0]; i++)
		if (vi_errors[i].e == e)
			return vi_errors[i].vi;
	static _Thread_local char other[48];
	snprintf(other, sizeof other, "lỗi hệ thống số %d", e);
	return other;
}

/* Open path for reading when it is a regular file.  O_NONBLOCK keeps a
 * FIFO (or a device) from blocking the open; fstat then refuses it, so a
 * pipe planted where a record, configuration, template or image is
 * expected never stops the batch.  -1 and *err otherwise; st, when not
 * NULL, gets what fstat said of the file. */
static int
open_regular_st(int at, const char *path, int nofollow, char **err, struct stat *st_out)
{
	int fd = openat(at, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
	if (fd < 0) {
		*err = xasprintf(M("không mở được: %s", "cannot open: %s"), fs_strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*err =
		    xstrdup(fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)
		                ? M("là thư mục", "is a directory")
		                : M("không phải tệp thông thường (không đọc đường ống hay tệp "
		                    "thiết bị)",
		                    "not a regular file (a pipe, device or socket is not read)"));
		close(fd);
		return -1;
	}
	/* O_NONBLOCK stays: it kept a pipe from blocking the open, and a
	 * regular file's reads do not heed it */
	if (st_out)
		*st_out = st;
	return fd;
}

static int
open_regular(int at, const char *path, int nofollow, char **err)
{
	return open_regular_st(at, path, nofollow, err, NULL);
}

/* read(2) again when a signal interrupts it; -1 and *err on a failure. */
static ssize_t
read_retry(int fd, void *p, size_t n, char **err)
{
	for (;;) {
		ssize_t r = read(fd, p, n);
		if (r >= 0 || errno != EINTR) {
			if (r < 0)
				*err = xasprintf(M("không đọc được: %s", "cannot read: %s"),
				                 fs_strerror(errno));
			return r;
		}
	}
}

int
fs_read_pieces(const char *path, void (*each)(const void *p, size_t n, void *ctx), void *ctx,
               char **err)
{
	int fd = open_regular(AT_FDCWD, path, 0, err);
	if (fd < 0)
		return 0;
	char *chunk = xmalloc(65536);
	ssize_t r;
	while ((r = read_retry(fd, chunk, 65536, err)) > 0)
		each(chunk, (size_t)r, ctx);
	int ok = r == 0;
	free(chunk);
	close(fd);
	return ok;
}

/* fs_read and fs_read_head: "cut" keeps the first max bytes of a longer
 * input instead of failing. */
static int
read_bounded(const char *path, size_t max, int cut, char **data, size_t *len, char **err)
{
	int stdin_ = !strcmp(path, "-");
	struct stat st;
	int fd = stdin_ ? 0 : open_regular_st(AT_FDCWD, path, 0, err, &st);
	if (fd < 0)
		return 0;
	struct buf b = BUF_INIT;
	enum { CHUNK = 65536 };
	/* a regular file's size, as the open found it, is the first guess: a
	 * record is read in one call into memory of its size, and the call
	 * that meets its end needs no more */
	size_t want = CHUNK;
	if (!stdin_ && st.st_size >= 0 && (uintmax_t)st.st_size < max)
		want = (size_t)st.st_size + 1;
	for (;;) {
		if (b.cap < b.len + 2) /* room to read, and for the NUL */
			b.data = xgrow(b.data, &b.cap, b.len + want + 1, 1);
		want = CHUNK;
		ssize_t r = read_retry(fd, b.data + b.len, b.cap - b.len - 1, err);
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		if (b.len + (size_t)r > max) {
			if (cut) {
				b.len = max;
				break;
			}
			*err = xasprintf(M("lớn hơn %zu byte", "larger than %zu bytes"), max);
			goto fail;
		}
		b.len += (size_t)r;
	}
	b.data[b.len] = '\0';
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

char *
fs_read_lines(const char *dir, const char *file, const char *head)
{
	char *path = xasprintf("%s/%s", dir, file), *data = NULL, *err = NULL;
	size_t len = 0, hl = strlen(head);
	int ok = fs_read(path, (size_t)256 << 20, &data, &len, &err) && len >= hl &&
	         !memcmp(data, head, hl) && !memchr(data, '\0', len) && data[len - 1] == '\n';
	free(err);
	free(path);
	if (ok)
		memmove(data, data + hl, len - hl + 1);
	else {
		free(data);
		data = NULL;
	}
	return data;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A record's name: ".yaml" or ".yml" in any case, "VISIT.YAML" as a
 * Windows machine may have saved it. */
static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcasecmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcasecmp(name + n - 4, ".yml"));
}

/* Directories already walked, by device and inode: a bind mount or a
 * hard-linked directory is walked once. */
struct seen {
	struct {
		dev_t dev;
		ino_t ino;
	} * v;
	size_t n, cap;
};

static int
seen_add(struct seen *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino)
			return 0;
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n].dev = st->st_dev;
	s->v[s->n].ino = st->st_ino;
	s->n++;
	return 1;
}

/* A regular file of the list, by device and inode. */
struct file_id {
	dev_t dev;
	ino_t ino;
	size_t i;
};

/* Where a walk puts what it finds and what it could not read. */
struct walk_out {
	struct strlist *out, *errs;
	struct fs_unread *unread; /* NULL: what failed goes to errs only */
	size_t *at, nat, capat;   /* where each of unread is in out */
	/* each regular file the directories list, by the inode they give
	 * with its name: told apart without a stat of its own */
	struct file_id *id;
	size_t nid, capid;
	int named; /* a file of out came by another way: a path or a link */
};

static void
say(struct walk_out *w, char *m)
{
	strlist_push(w->errs, m);
	free(m);
}

/* path could not be read (why): a message, or, for a caller that reports
 * unreadable files itself, an entry of the walk at its place.  Returns 1. */
static int
failed_at(struct walk_out *w, const char *path, char *why)
{
	if (w->unread) {
		w->at = xgrow(w->at, &w->capat, w->nat + 1, sizeof *w->at);
		w->at[w->nat++] = w->out->n;
		strlist_push(w->out, path);
		strlist_push(&w->unread->path, path);
		strlist_take(&w->unread->why, why);
	} else {
		say(w, xasprintf("%s: %s", path, why));
		free(why);
	}
	return 1;
}

void
fs_unread_free(struct fs_unread *u)
{
	strlist_free(&u->path);
	strlist_free(&u->why);
}

/* Walk one directory, depth-first, entries in byte order; hidden entries
 * (".git", ".debrief.yaml") are skipped.  A link to a directory is not
 * followed (two links to "." would make the walk endless); a link to a
 * regular file is read like the file when it stays inside root, the
 * directory named on the command line (a link to ~/.ssh/id_rsa named
 * x.yaml would otherwise end up quoted in a CI log). */
static int
walk(const char *root, const char *dir, dev_t dev, struct walk_out *w, struct seen *seen, int depth)
{
	if (depth > 64)
		return failed_at(
		    w, dir, xstrdup(M("thư mục lồng nhau quá sâu", "directories nested too deep")));
	DIR *d = opendir(dir);
	if (!d)
		return failed_at(
		    w, dir,
		    xasprintf(M("không mở được thư mục: %s", "cannot open directory: %s"),
		              fs_strerror(errno)));
	/* each name with what the directory says it is: a regular file or a
	 * directory needs no lstat to be told apart from a link, and a file
	 * that is not a record none at all; and its inode */
	struct strlist names = {0};
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			/* the type and inode after the name's NUL, so that they
			 * sort with it */
			size_t n = strlen(e->d_name);
			char *nm = xmalloc(n + 2 + sizeof e->d_ino);
			memcpy(nm, e->d_name, n + 1);
			nm[n + 1] = (char)e->d_type;
			memcpy(nm + n + 2, &e->d_ino, sizeof e->d_ino);
			strlist_take(&names, nm);
		}
	closedir(d);
	if (names.n > 1) /* an empty directory has no array to sort */
		qsort(names.v, names.n, sizeof *names.v, cmp_str);
	int failed = 0;
	size_t dl = strlen(dir), sep = dir[dl - 1] != '/';
	for (size_t i = 0; i < names.n; i++) {
		size_t nl = strlen(names.v[i]);
		unsigned char type = (unsigned char)names.v[i][nl + 1];
		if (type == DT_REG && !is_yaml_name(names.v[i]))
			continue;
		char *p = xmalloc(dl + sep + nl + 1); /* dir "/" name: thousands a directory */
		memcpy(p, dir, dl);
		p[dl] = '/';
		memcpy(p + dl + sep, names.v[i], nl + 1);
		if (type == DT_REG) {
			w->id = xgrow(w->id, &w->capid, w->nid + 1, sizeof *w->id);
			w->id[w->nid].dev = dev;
			memcpy(&w->id[w->nid].ino, names.v[i] + nl + 2, sizeof w->id->ino);
			w->id[w->nid++].i = w->out->n;
			strlist_take(w->out, p);
			continue;
		}
		struct stat st;
		int link = lstat(p, &st) == 0 && S_ISLNK(st.st_mode);
		if ((link ? stat(p, &st) : lstat(p, &st)) != 0) {
			if (!link || is_yaml_name(names.v[i]))
				failed +=
				    failed_at(w, p,
				              xasprintf(M("không mở được: %s", "cannot open: %s"),
				                        fs_strerror(errno)));
		} else if (S_ISDIR(st.st_mode)) {
			if (link)
				say(w, xasprintf(M("%s: là liên kết tới thư mục nên bỏ qua",
				                   "%s: a link to a directory, not followed"),
				                 p));
			else if (seen_add(seen, &st))
				failed += walk(root, p, st.st_dev, w, seen, depth + 1);
		} else if (is_yaml_name(names.v[i])) {
			if (S_ISREG(st.st_mode) && link && !fs_inside(root, p))
				failed += failed_at(
				    w, p,
				    xasprintf(M("là liên kết tới tệp nằm ngoài %s nên không đọc",
				                "a link to a file outside %s, not read"),
				              root));
			else if (S_ISREG(st.st_mode)) {
				w->named |= link;
				strlist_push(w->out, p);
			} else
				failed +=
				    failed_at(w, p,
				              xstrdup(M("không phải tệp thông thường nên không đọc",
				                        "not a regular file, not read")));
		}
		free(p);
	}
	strlist_free(&names);
	return failed;
}

/* Mark again[i] for each path of l, not marked yet, that names a regular
 * file an earlier path names too.  When every file came from a directory's
 * list (w), their inodes are known; a path or a link may name any of them,
 * and then each is asked of stat. */
static void
mark_same_files(const struct strlist *l, unsigned char *again, const struct walk_out *w)
{
	struct file_id *v = xcalloc(l->n ? l->n : 1, sizeof *v);
	size_t n = 0;
	struct stat st;
	if (!w->named) {
		for (size_t k = 0; k < w->nid; k++)
			if (!again[w->id[k].i])
				v[n++] = w->id[k];
	} else {
		for (size_t i = 0; i < l->n; i++)
			if (!again[i] && strcmp(l->v[i], "-") && stat(l->v[i], &st) == 0 &&
			    S_ISREG(st.st_mode))
				v[n++] = (struct file_id){st.st_dev, st.st_ino, i};
	}
	/* v is in the order of the paths: each file marked again after the
	 * first that names it, found by a table of device and inode (twenty
	 * thousand records are not sorted for the few links among them) */
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	size_t *slot = xcalloc(cap, sizeof *slot); /* 1 + an index of v; 0: empty */
	for (size_t j = 0; j < n; j++) {
		uint64_t h =
		    ((uint64_t)v[j].ino ^ (uint64_t)v[j].dev << 40) * 0x9e3779b97f4a7c15ULL;
		size_t k = (size_t)(h >> 32) & (cap - 1);
		while (slot[k] &&
		       !(v[slot[k] - 1].dev == v[j].dev && v[slot[k] - 1].ino == v[j].ino))
			k = (k + 1) & (cap - 1);
		if (slot[k])
			again[v[j].i] = 1;
		else
			slot[k] = j + 1;
	}
	free(slot);
	free(v);
}

int
fs_expand(char **paths, int n, struct strlist *out, struct strlist *errs, struct fs_unread *unread)
{
	int failed = 0, given = 0; /* given: a path not walked to */
	struct seen seen = {0};
	struct strlist all = {0};
	struct fs_unread found = {{0}, {0}};
	struct walk_out w = {&all, errs, unread ? &found : NULL, NULL, 0, 0, NULL, 0, 0, 0};
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = all.n;
			int f = seen_add(&seen, &st)
			            ? walk(paths[i], paths[i], st.st_dev, &w, &seen, 0)
			            : -1;
			/* a directory named with no record in it is most often the
			 * wrong one (a typo in a CI job): said, not passed in silence */
			if (!f && all.n == before)
				f = failed_at(
				    &w, paths[i],
				    xstrdup(
				        M("không có hồ sơ nào (tệp .yaml, .yml) trong thư mục này",
				          "no record (a .yaml or .yml file) in this directory")));
			failed += f > 0 ? f : 0;
		} else {
			strlist_push(&all, paths[i]); /* reading it says what is wrong */
			w.named |= strcmp(paths[i], "-") != 0;
			given = 1;
		}
	}
	free(seen.v);
	/* a file is read once, where it first came, however it was named
	 * ("r/a.yaml", "./r/a.yaml", a link to it beside it); standard input
	 * too: a second read would be empty */
	unsigned char *again = xcalloc(all.n ? all.n : 1, 1);
	struct strmap names = {0};
	for (size_t i = 0; given && i < all.n; i++) /* walks never give one path twice */
		if (strmap_get(&names, all.v[i]))
			again[i] = 1;
		else
			strmap_put(&names, all.v[i], i);
	strmap_free(&names);
	mark_same_files(&all, again, &w);
	size_t k = 0; /* the next of found */
	for (size_t i = 0; i < all.n; i++) {
		int first = !again[i];
		if (first) { /* the path itself, out's now */
			strlist_take(out, all.v[i]);
			all.v[i] = NULL;
		}
		/* what the walk could not read, unless the path came before */
		if (k < w.nat && w.at[k] == i) {
			if (first) {
				strlist_push(&unread->path, found.path.v[k]);
				strlist_push(&unread->why, found.why.v[k]);
			}
			k++;
		}
	}
	free(again);
	fs_unread_free(&found);
	free(w.at);
	free(w.id);
	strlist_free(&all);
	return failed;
}

const char *
fs_shown(const char *path)
{
	return strcmp(path, "-") ? path : "<stdin>";
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
			*err = xasprintf(M("không tạo được %s: %s", "cannot create %s: %s"), p,
			                 fs_strerror(errno));
			free(p);
			return 0;
		}
		*s = '/';
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST) {
		*err = xasprintf(M("không tạo được %s: %s", "cannot create %s: %s"), p,
		                 fs_strerror(errno));
		free(p);
		return 0;
	}
	struct stat st;
	if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*err = xasprintf(M("%s không phải là thư mục", "%s is not a directory"), p);
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

/* ==== inside the output directory ====
 *
 * The output directory itself is the user's choice (-o) and is opened as
 * named.  Below it every directory is opened with openat(O_NOFOLLOW |
 * O_DIRECTORY) from its parent, so a link planted in the tree (partners ->
 * ../victim) is refused instead of followed: nothing is created, replaced
 * or removed outside the output directory, at any depth. */

/* The directory that holds NAME, opened from the output root; with
 * create, missing directories are made.  *base points at NAME's last
 * component.  -1 and *err on failure. */
static int
open_parent(const char *dir, const char *name, int create, const char **base, char **err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		if (!fs_mkdirs(dir, err))
			return -1;
		fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	if (fd < 0) {
		int e = errno;
		*err =
		    xasprintf(M("không mở được %s: %s", "cannot open %s: %s"), dir, fs_strerror(e));
		errno = e;
		return -1;
	}
	const char *p = name;
	for (const char *slash; (slash = strchr(p, '/')); p = slash + 1) {
		char *comp = xstrndup(p, (size_t)(slash - p));
		if (create && mkdirat(fd, comp, 0777) != 0 && errno != EEXIST) {
			*err =
			    xasprintf(M("không tạo được %s/%.*s: %s", "cannot create %s/%.*s: %s"),
			              dir, (int)(slash - name), name, fs_strerror(errno));
			free(comp);
			close(fd);
			return -1;
		}
		int sub = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int e = errno;
		free(comp);
		close(fd);
		if (sub < 0) {
			*err = e == ELOOP || e == ENOTDIR
			           ? xasprintf(
			                 M("không ghi qua %s/%.*s vì đây không phải thư mục thực "
			                   "(có thể là liên kết)",
			                   "refusing to write through %s/%.*s: not a directory "
			                   "of its own (a link?)"),
			                 dir, (int)(slash - name), name)
			           : xasprintf(
			                 M("không mở được %s/%.*s: %s", "cannot open %s/%.*s: %s"),
			                 dir, (int)(slash - name), name, fs_strerror(e));
			errno = e; /* fs_remove: ENOENT is no failure */
			return -1;
		}
		fd = sub;
	}
	*base = p;
	return fd;
}

/* Compare the next len bytes of fd with data, a chunk at a time: 1 when
 * they are the same. */
static int
same_bytes(int fd, const void *data, size_t len)
{
	char chunk[16384];
	const char *p = data;
	while (len) {
		size_t want = len < sizeof chunk ? len : sizeof chunk, got = 0;
		while (got < want) {
			ssize_t r = read(fd, chunk + got, want - got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				return 0;
			got += (size_t)r;
		}
		if (memcmp(chunk, p, want))
			return 0;
		p += want;
		len -= want;
	}
	return 1;
}

static int
same_content(int dfd, const char *base, const void *data, size_t len)
{
	/* most often there is no such file yet: told without a message */
	int fd = openat(dfd, base, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct stat st;
	int same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len &&
	           same_bytes(fd, data, len);
	close(fd);
	return same;
}

/* ==== interruption ====
 *
 * The temporary files being written are remembered here, so that INT,
 * TERM and HUP remove them before the signal takes its default course (a
 * run killed with KILL leaves them: fs_sweep_temps removes them later).
 * A stack: the files of the pending batch (fs_write_batched), then at most
 * one being written by fs_write_atomic. */
#define LIVE_MAX (FS_BATCH_MAX + 1)
static int live_dirfd[LIVE_MAX];
static char live_name[LIVE_MAX][NAME_MAX + 1];
static volatile sig_atomic_t live_n;
/* and beside the stack, the one stream written on a thread of its own
 * (fs_stream_aside) until it joins the batch */
static int aside_dirfd;
static char aside_name[NAME_MAX + 1];
static volatile sig_atomic_t aside_live;

static void
on_signal(int sig)
{
	for (sig_atomic_t i = 0; i < live_n; i++)
		unlinkat(live_dirfd[i], live_name[i], 0);
	if (aside_live)
		unlinkat(aside_dirfd, aside_name, 0);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
signals_install(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old, sa;
		if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
			continue; /* nohup and friends: left ignored */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

/* A temporary name beside base: "<base>.tmp" and six letters or digits,
 * the pattern fs_sweep_temps recognises. */
static void
tmp_name_for(const char *base, unsigned long long seed, char *out, size_t cap)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	char six[7];
	for (int i = 0; i < 6; i++) {
		six[i] = set[seed % 62];
		seed /= 62;
	}
	six[6] = '\0';
	snprintf(out, cap, "%s.tmp%s", base, six);
}

/* How a temporary is remembered for an interruption (tmp_create):
 * none, on the live stack, or in the aside slot. */
enum tmp_keep { TMP_UNKEPT, TMP_LIVE, TMP_ASIDE };

static void live_push(int dfd, const char *name);

/* Create a fresh temporary file in dfd, mode 0666 less the umask; kept as
 * keep says before it exists, so that a signal on another thread at any
 * moment finds its name (unlinking one not made yet is harmless), and
 * forgotten again when that name is taken. */
static int
tmp_create(int dfd, const char *base, char *name, size_t cap, enum tmp_keep keep)
{
	static unsigned long long counter, pid;
	if (!pid)
		pid = (unsigned long long)getpid(); /* debrief does not fork */
	for (int tries = 0; tries < 100; tries++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		unsigned long long seed = (unsigned long long)ts.tv_nsec * 2654435761ULL ^
		                          pid << 20 ^ ++counter * 40503ULL;
		tmp_name_for(base, seed, name, cap);
		if (keep == TMP_ASIDE) { /* the name before the flag: a signal sees none or all */
			memcpy(aside_name, name, NAME_MAX + 1);
			aside_dirfd = dfd;
			aside_live = 1;
		} else if (keep == TMP_LIVE) {
			live_push(dfd, name);
		}
		int fd =
		    openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0)
			return fd;
		int e = errno;
		if (keep == TMP_ASIDE) /* another's name, or none made: not ours to remove */
			aside_live = 0;
		else if (keep == TMP_LIVE)
			live_n = live_n - 1;
		errno = e;
		if (e != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

/* One file written to its temporary, not yet renamed into place. */
struct pending {
	int dfd, fd;      /* its directory; the temporary, open */
	char *dir;        /* owned; for messages */
	char *name;       /* owned; as given */
	const char *base; /* in name: the last component */
};

/* The directory of DIR/NAME, opened (created when missing) for writing
 * NAME's last component, *base; -1 and *err when NAME is refused. */
static int
out_parent(const char *dir, const char *name, const char **base, char **err)
{
	if (!safe_name(name)) {
		*err = xasprintf(M("từ chối ghi '%s' ra ngoài thư mục đầu ra",
		                   "refusing to write '%s' outside the output directory"),
		                 name);
		return -1;
	}
	int dfd = open_parent(dir, name, 1, base, err);
	if (dfd < 0)
		return -1;
	if (strlen(*base) + 10 > NAME_MAX) {
		*err = xasprintf(M("không ghi được %s/%s: tên quá dài",
		                   "cannot write %s/%s: the name is too long"),
		                 dir, name);
		close(dfd);
		return -1;
	}
	return dfd;
}

/* A temporary on the interruption stack, on top. */
static void
live_push(int dfd, const char *name)
{
	sig_atomic_t slot = live_n;
	memcpy(live_name[slot], name, NAME_MAX + 1);
	live_dirfd[slot] = dfd;
	live_n = slot + 1; /* the name before the count: a signal sees all */
}

/* A fresh temporary beside base in dfd, open, in *pd, which owns dfd
 * from then on; remembered for an interruption on the stack (live slot
 * top) or, aside, in the aside slot.  0 and *err on failure (dfd
 * closed). */
static int
tmp_start(int dfd, const char *dir, const char *name, const char *base, int aside,
          struct pending *pd, char **err)
{
	signals_install();
	/* a directory in the file's place cannot be renamed over: said now,
	 * of the file the caller is writing, not when the batch is put in
	 * place and the caller has counted it written */
	struct stat st;
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
		*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"), dir, name,
		                 fs_strerror(EISDIR));
		close(dfd);
		return 0;
	}
	char tmp[NAME_MAX + 1];
	int fd = tmp_create(dfd, base, tmp, sizeof tmp, aside ? TMP_ASIDE : TMP_LIVE);
	if (fd < 0) { /* named by the directory it goes in, below dir or dir itself */
		int sub = base > name ? (int)(base - name) - 1 : 0;
		*err = xasprintf(M("không tạo được tệp trong %s%s%.*s: %s",
		                   "cannot create a file in %s%s%.*s: %s"),
		                 dir, sub ? "/" : "", sub, name, fs_strerror(errno));
		close(dfd);
		return 0;
	}
	pd->dfd = dfd;
	pd->fd = fd;
	pd->dir = xstrdup(dir);
	pd->name = xstrdup(name);
	pd->base = pd->name + (base - name);
	return 1;
}

static void
pending_free(struct pending *pd)
{
	close(pd->dfd);
	free(pd->dir);
	free(pd->name);
}

/* Drop the temporary of pd: the top live slot, or the aside one. */
static void
tmp_drop(struct pending *pd, int aside)
{
	close(pd->fd);
	if (aside) {
		unlinkat(pd->dfd, aside_name, 0);
		aside_live = 0;
	} else {
		unlinkat(pd->dfd, live_name[live_n - 1], 0);
		live_n--;
	}
	pending_free(pd);
}

/* Append bytes to the temporary of pd; 0 and *err on failure (the caller
 * drops it). */
static int
tmp_write(struct pending *pd, const void *data, size_t len, char **err)
{
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(pd->fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"),
			                 pd->dir, pd->name, fs_strerror(errno));
			return 0;
		}
		p += w;
		left -= (size_t)w;
	}
	return 1;
}

/* The first half of an atomic write: DIR/NAME's bytes into a fresh
 * temporary beside it, on the interruption stack (live slot top), open.
 * 2 when the file already holds these bytes (nothing written), 1 when
 * written, 0 and *err on failure (nothing left behind). */
static int
write_temp(const char *dir, const char *name, const void *data, size_t len, struct pending *pd,
           char **err)
{
	const char *base;
	int dfd = out_parent(dir, name, &base, err);
	if (dfd < 0)
		return 0;
	if (same_content(dfd, base, data, len)) {
		close(dfd);
		return 2;
	}
	if (!tmp_start(dfd, dir, name, base, 0, pd, err))
		return 0;
	if (tmp_write(pd, data, len, err))
		return 1;
	tmp_drop(pd, 0);
	return 0;
}

/* The second half, for live slot `slot`: close (after fsync when sync) and
 * rename into place; the temporary is removed on failure.  1, or 0 and
 * *err (when *err is still NULL). */
static int
put_in_place(struct pending *pd, sig_atomic_t slot, int sync, char **err)
{
	int ok = 1;
	const char *why = NULL;
	int e = 0;
	if (sync && fsync(pd->fd) != 0)
		ok = 0, e = errno, why = M("không ghi được %s/%s: %s", "cannot write %s/%s: %s");
	if (close(pd->fd) != 0 && ok)
		ok = 0, e = errno, why = M("không ghi được %s/%s: %s", "cannot write %s/%s: %s");
	/* renameat replaces a link planted at base itself, never its target */
	if (ok && renameat(pd->dfd, live_name[slot], pd->dfd, pd->base) != 0)
		ok = 0, e = errno,
		why = M("không đổi tên thành %s/%s được: %s", "cannot rename into %s/%s: %s");
	if (!ok) {
		unlinkat(pd->dfd, live_name[slot], 0);
		if (!*err)
			*err = xasprintf(why, pd->dir, pd->name, fs_strerror(e));
	}
	return ok;
}

/* Up to n bytes at off into p, fewer at the end of the file or on an
 * error: how many. */
static size_t
pread_upto(int fd, void *p, size_t n, unsigned long long off)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = pread(fd, (char *)p + got, n - got, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

int
fs_pread(int fd, void *p, size_t n, unsigned long long off)
{
	return pread_upto(fd, p, n, off) == n;
}

const unsigned char *
fs_window_get(struct fs_window *w, int fd, unsigned long long off, size_t n, size_t ahead)
{
	if (w->data && off >= w->off && off + n <= w->off + w->len)
		return w->data + (off - w->off);
	size_t want = n > ahead ? n : ahead;
	w->data = xrealloc(w->data, want ? want : 1);
	w->off = off;
	w->len = pread_upto(fd, w->data, want, off); /* less at the end of the file */
	return w->len >= n ? w->data : NULL;
}

void
fs_window_free(struct fs_window *w)
{
	free(w->data);
	memset(w, 0, sizeof *w);
}

int
fs_scratch(const char *dir, char **err)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	/* a file system without unnamed files: a temporary, unlinked at once */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char name[NAME_MAX + 1];
	fd = dfd < 0 ? -1 : tmp_create(dfd, ".debrief-scratch", name, sizeof name, TMP_UNKEPT);
	if (fd >= 0)
		unlinkat(dfd, name, 0);
	else
		*err = xasprintf(
		    M("không tạo được tệp trong %s: %s", "cannot create a file in %s: %s"), dir,
		    fs_strerror(errno));
	if (dfd >= 0)
		close(dfd);
	return fd;
}

int
fs_write_atomic(const char *dir, const char *name, const void *data, size_t len, char **err)
{
	struct pending pd;
	int rc = write_temp(dir, name, data, len, &pd, err);
	if (rc != 1)
		return rc;
	sig_atomic_t slot = live_n - 1;
	rc = put_in_place(&pd, slot, 1, err);
	live_n = slot;
	pending_free(&pd);
	return rc;
}

/* ==== batched writes ====
 *
 * Files written to their temporaries, waiting for one sync of the file
 * system before they are renamed into place (and one after). */
static struct pending batch[FS_BATCH_MAX];
static size_t nbatch;

/* Room in the batch for one more file: the batch put in place when full.
 * 1, or 0 and *err. */
static int
batch_room(char **err)
{
	return nbatch < FS_BATCH_MAX || fs_sync_batch(err);
}

int
fs_write_batched(const char *dir, const char *name, const void *data, size_t len, char **err)
{
	if (!batch_room(err))
		return 0;
	int rc = write_temp(dir, name, data, len, &batch[nbatch], err);
	if (rc == 1)
		nbatch++;
	return rc;
}

/* A file of the batch written piece by piece: its bytes are compared with
 * the file already there as they come, so that neither is ever whole in
 * memory. */
struct fs_stream {
	struct pending pd;
	int old;  /* the file in place, read alongside; -1 when none */
	int same; /* the bytes so far are the old file's */
	int failed;
	int aside; /* its temporary is aside_name, not on the stack */
};

/* A stream of DIR/NAME with its temporary started (see tmp_start). */
static struct fs_stream *
stream_start(const char *dir, const char *name, int aside, char **err)
{
	const char *base;
	int dfd = out_parent(dir, name, &base, err);
	if (dfd < 0)
		return NULL;
	struct fs_stream *s = xcalloc(1, sizeof *s);
	s->old = -1;
	s->aside = aside;
	if (!tmp_start(dfd, dir, name, base, aside, &s->pd, err)) {
		free(s);
		return NULL;
	}
	return s;
}

struct fs_stream *
fs_stream_open(const char *dir, const char *name, char **err)
{
	if (!batch_room(err))
		return NULL;
	struct fs_stream *s = stream_start(dir, name, 0, err);
	if (!s)
		return NULL;
	char *e = NULL;
	s->old = open_regular(s->pd.dfd, s->pd.base, 1, &e);
	free(e);
	s->same = s->old >= 0;
	return s;
}

int
fs_stream_write(struct fs_stream *s, const void *data, size_t len, char **err)
{
	if (s->failed)
		return 0;
	if (s->same)
		s->same = same_bytes(s->old, data, len);
	if (!tmp_write(&s->pd, data, len, err)) {
		tmp_drop(&s->pd, s->aside);
		s->failed = 1;
	}
	return !s->failed;
}

int
fs_stream_copy(struct fs_stream *s, int fd, unsigned long long off, size_t len, char **err)
{
	int kernel = !s->same; /* compared with the file in place: read */
	while (!s->failed && kernel && len) {
		loff_t at = (loff_t)off;
		ssize_t r = copy_file_range(fd, &at, s->pd.fd, NULL, len, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r > 0) {
			off += (unsigned long long)r;
			len -= (size_t)r;
		} else if (r < 0 && (errno == ENOSYS || errno == EXDEV || errno == EINVAL ||
		                     errno == EOPNOTSUPP || errno == EBADF)) {
			kernel = 0; /* not between these files: read and written below */
		} else {
			*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"),
			                 s->pd.dir, s->pd.name, fs_strerror(r < 0 ? errno : EIO));
			tmp_drop(&s->pd, s->aside);
			s->failed = 1;
		}
	}
	char chunk[1 << 16];
	while (!s->failed && len) {
		size_t n = len < sizeof chunk ? len : sizeof chunk;
		if (pread_upto(fd, chunk, n, off) != n) {
			*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"),
			                 s->pd.dir, s->pd.name, fs_strerror(EIO));
			tmp_drop(&s->pd, s->aside);
			s->failed = 1;
		} else if (fs_stream_write(s, chunk, n, err)) {
			off += n;
			len -= n;
		}
	}
	return !s->failed;
}

struct fs_stream *
fs_stream_aside(const char *dir, const char *name, char **err)
{
	if (aside_live) {
		*err = xasprintf(M("không ghi được %s/%s: một tệp khác đang được ghi song song",
		                   "cannot write %s/%s: another file is being written aside"),
		                 dir, name);
		return NULL;
	}
	return stream_start(dir, name, 1, err);
}

int
fs_stream_sync(struct fs_stream *s, char **err)
{
	if (s->failed)
		return 0;
	if (fdatasync(s->pd.fd) == 0)
		return 1;
	*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"), s->pd.dir,
	                 s->pd.name, fs_strerror(errno));
	tmp_drop(&s->pd, 1);
	s->failed = 1;
	return 0;
}

int
fs_stream_close(struct fs_stream *s, char **err)
{
	int rc = 0;
	if (!s->failed) {
		char c;
		ssize_t r = -1;
		if (s->same)
			while ((r = read(s->old, &c, 1)) < 0 && errno == EINTR)
				;
		if (s->same && r == 0) {
			tmp_drop(&s->pd, s->aside); /* the file already holds these bytes */
			rc = 2;
		} else if (s->aside) {
			/* into the batch, its slot on top of the stack */
			if (!batch_room(err)) {
				tmp_drop(&s->pd, 1);
			} else {
				live_push(s->pd.dfd, aside_name);
				aside_live = 0;
				batch[nbatch++] = s->pd;
				rc = 1;
			}
		} else {
			batch[nbatch++] = s->pd;
			rc = 1;
		}
	}
	if (s->old >= 0)
		close(s->old);
	free(s);
	return rc;
}

void
fs_stream_nocompare(struct fs_stream *s)
{
	if (s->old >= 0)
		close(s->old);
	s->old = -1;
	s->same = 0;
}

int
fs_stream_discard(struct fs_stream *s)
{
	if (!s->failed)
		tmp_drop(&s->pd, s->aside);
	if (s->old >= 0)
		close(s->old);
	free(s);
	return 2;
}

/* Make the data (then the renames) of the batch durable: one syncfs of
 * the file system, or an fsync per file where syncfs is refused. */
static int
sync_all(int renamed)
{
	if (!nbatch)
		return 1;
	if (syncfs(batch[0].dfd) == 0)
		return 1;
	int ok = 1;
	for (size_t i = 0; i < nbatch; i++)
		if (renamed ? fsync(batch[i].dfd) != 0 : fsync(batch[i].fd) != 0)
			ok = 0;
	return ok;
}

int
fs_sync_batch(char **err)
{
	/* the data first: a rename must never reach the disk before it */
	int synced = sync_all(0), ok = synced;
	if (!synced)
		*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"),
		                 batch[0].dir, batch[0].name, fs_strerror(errno));
	for (size_t i = 0; i < nbatch; i++) {
		if (synced) {
			ok &= put_in_place(&batch[i], (sig_atomic_t)i, 0, err);
		} else {
			close(batch[i].fd);
			unlinkat(batch[i].dfd, live_name[i], 0);
		}
	}
	if (synced && !sync_all(1)) {
		*err = xasprintf(M("không ghi được %s/%s: %s", "cannot write %s/%s: %s"),
		                 batch[0].dir, batch[0].name, fs_strerror(errno));
		ok = 0;
	}
	live_n = 0;
	for (size_t i = 0; i < nbatch; i++)
		pending_free(&batch[i]);
	nbatch = 0;
	return ok;
}

int
fs_remove(const char *dir, const char *name, char **err)
{
	if (!safe_name(name)) {
		*err = xasprintf(M("từ chối xóa '%s' ở ngoài thư mục đầu ra",
		                   "refusing to remove '%s' outside the output directory"),
		                 name);
		return 0;
	}
	const char *base;
	int dfd = open_parent(dir, name, 0, &base, err);
	if (dfd < 0) {
		if (errno == ENOENT) { /* the directory is gone, and the file with it */
			free(*err);
			*err = NULL;
			return 2;
		}
		return 0;
	}
	int rc = 1;
	struct stat st;
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
		rc = 2; /* gone already, or not a file this program writes */
	} else if (unlinkat(dfd, base, 0) != 0) {
		*err = xasprintf(M("không xóa được %s/%s: %s", "cannot remove %s/%s: %s"), dir,
		                 name, fs_strerror(errno));
		rc = 0;
	}
	close(dfd);
	return rc;
}

/* "<name>.tmp" and six letters or digits, a temporary of tmp_create, for
 * a file debrief writes (*.md, *.pdf, *.json, the archive's manifest,
 * cache and what they keep beside them);
 * with want, only for that name. */
static int
is_tmp_name(const char *s, const char *want)
{
	size_t n = strlen(s);
	if (n < 11 || memcmp(s + n - 10, ".tmp", 4))
		return 0;
	for (size_t i = n - 6; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	size_t k = n - 10; /* the name it stands for */
	if (want)
		return strlen(want) == k && !memcmp(s, want, k);
	static const char *const ends[] = {".md",
	                                   ".pdf",
	                                   ".json",
	                                   ".debrief-archive",
	                                   ".debrief-archive.stat",
	                                   ".debrief-archive.segments",
	                                   ".debrief-cache",
	                                   ".debrief-cache.more",
	                                   ".debrief-cache.stat",
	                                   ".debrief-scratch"};
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t e = strlen(ends[i]);
		if (k >= e && !memcmp(s + k - e, ends[i], e))
			return 1;
	}
	return 0;
}

struct sweep {
	const char *name; /* only this file's temporaries, or NULL */
	int depth;        /* subdirectories to enter (links never) */
	time_t before;    /* only temporaries last written before this */
};

static size_t
sweep(int dfd, const struct sweep *sw, int depth)
{
	DIR *d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return 0;
	}
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		struct stat st;
		if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (S_ISREG(st.st_mode) && is_tmp_name(e->d_name, sw->name)) {
			if (st.st_mtime < sw->before)
				n += unlinkat(dfd, e->d_name, 0) == 0;
		} else if (S_ISDIR(st.st_mode) && depth < sw->depth) {
			int sub =
			    openat(dfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub >= 0)
				n += sweep(sub, sw, depth + 1);
		}
	}
	closedir(d);
	return n;
}

size_t
fs_sweep_temps(const char *dir, const char *name, int recursive, unsigned min_age)
{
	struct sweep sw = {name, recursive ? 8 : 0, time(NULL) - (time_t)min_age + (min_age == 0)};
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? 0 : sweep(fd, &sw, 0);
}

int
fs_lock(const char *dir, const char *name, int wait, char **err)
{
	const char *base;
	int dfd = open_parent(dir, name, 1, &base, err);
	if (dfd < 0)
		return -1;
	int fd = openat(dfd, base, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
	int e = errno;
	close(dfd);
	if (fd < 0) {
		*err = xasprintf(M("không mở được %s/%s: %s", "cannot open %s/%s: %s"), dir, name,
		                 fs_strerror(e));
		return -1;
	}
	int r;
	while ((r = flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB)) != 0 && errno == EINTR)
		;
	if (r == 0)
		return fd;
	e = errno;
	close(fd);
	if (e == EWOULDBLOCK)
		return -2;
	*err = xasprintf(M("không khóa được %s/%s: %s", "cannot lock %s/%s: %s"), dir, name,
	                 fs_strerror(e));
	return -1;
}

int
fs_inside(const char *dir, const char *path)
{
	char *d = realpath(dir, NULL), *p = realpath(path, NULL);
	size_t n = d ? strlen(d) : 0;
	int in =
	    d && p && (!strcmp(d, "/") || (!strncmp(p, d, n) && (p[n] == '/' || p[n] == '\0')));
	free(d);
	free(p);
	return in;
}

/* Set by the Makefile from DATADIR and BINDIR (DATAFLAGS): where `make
 * install` put the templates and schemas, and that directory as seen from
 * the installed program's (empty when the build could not say). */
#ifndef DEBRIEF_DATADIR
#error "DEBRIEF_DATADIR: built without the Makefile's DATAFLAGS"
#endif
#ifndef DEBRIEF_DATADIR_REL
#define DEBRIEF_DATADIR_REL ""
#endif

char *
fs_data_dir(const char *what, const char *probe)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		/* a build tree (the program beside or below the sources), then an
		 * installation staged under DESTDIR or moved whole */
		static const char *const up[] = {"", "/..", "/../..", ("/" DEBRIEF_DATADIR_REL)};
		for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
			if (!strcmp(up[i], "/"))
				continue;
			char *p = xasprintf("%s%s/%s", exe, up[i], what);
			char *in = xasprintf("%s/%s", p, probe);
			struct stat st;
			char *real = stat(in, &st) == 0 ? realpath(p, NULL) : NULL;
			free(in);
			free(p);
			if (real)
				return real;
		}
	}
	return xasprintf("%s/%s", DEBRIEF_DATADIR, what);
}
