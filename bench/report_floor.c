/*
 * report_floor: what any tool writing debrief's reports must at least
 * spend, measured in the same run as debrief report, single-threaded.
 *
 *   report_floor RECORDS REPORTS SCRATCH [LEVEL]
 *
 * RECORDS: a file naming the records (one path a line).  REPORTS: the
 * directory debrief report wrote their .md and .pdf files into.  SCRATCH:
 * an empty directory to write into.  LEVEL: zlib's level (3, as
 * pdf_out.c deflates).
 *
 * Before any clock starts, it reads the reports and inflates every
 * deflated stream of every PDF.  Then, timed phase by phase:
 * - yaml: each record read from disk and run through libyaml's event loop;
 * - markdown: each report's front matter through libyaml's event loop,
 *   its body through cmark-gfm with the extensions debrief attaches (one
 *   parser a document, the extensions registered once);
 * - deflate: the same uncompressed streams deflated at the same level,
 *   one z_stream reset between streams (zlib's cheapest way);
 * - write: the same bytes written as debrief writes them: each file to a
 *   temporary, 64 files a batch, one syncfs, the renames, one more syncfs.
 * Prints one line a phase and the sum, wall and CPU seconds; the last line
 * is "floor WALL CPU" for bench/report.sh.
 */
#define _GNU_SOURCE /* syncfs */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "yaml_events.h"

struct bytes {
	unsigned char *p;
	size_t len;
};

struct file { /* one report file written by debrief */
	char *name;
	struct bytes data;
};

static void
die(const char *what)
{
	fprintf(stderr, "report_floor: %s: %s\n", what, strerror(errno));
	exit(2);
}

static struct bytes
slurp(const char *path)
{
	struct bytes b = {NULL, 0};
	FILE *f = fopen(path, "rb");
	if (!f)
		die(path);
	size_t cap = 0, r;
	do {
		if (cap - b.len < 65536 && !(b.p = realloc(b.p, cap = cap * 2 + 65536)))
			die("memory");
		r = fread(b.p + b.len, 1, cap - b.len, f);
		b.len += r;
	} while (r > 0);
	fclose(f);
	return b;
}

static void *
grow(void *v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return v;
	*cap = need * 2 + 16;
	if (!(v = realloc(v, *cap * size)))
		die("memory");
	return v;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->name, ((const struct file *)b)->name);
}

/* Every stream of a PDF that inflates, appended to *s. */
static void
inflate_all(const struct bytes *pdf, struct bytes **s, size_t *n, size_t *cap)
{
	static const char kw[] = "stream";
	for (size_t i = 0; i + 7 < pdf->len; i++) {
		if (memcmp(pdf->p + i, kw, 6) || (i && pdf->p[i - 1] == 'd'))
			continue;
		size_t at = i + 6;
		if (pdf->p[at] == '\r')
			at++;
		if (pdf->p[at] != '\n')
			continue;
		at++;
		z_stream z = {0};
		if (inflateInit(&z) != Z_OK)
			die("inflateInit");
		struct bytes out = {NULL, 0};
		size_t ocap = 0;
		z.next_in = pdf->p + at;
		z.avail_in = (uInt)(pdf->len - at);
		int r;
		do {
			out.p = grow(out.p, &ocap, out.len + 65536, 1);
			z.next_out = out.p + out.len;
			z.avail_out = (uInt)(ocap - out.len);
			r = inflate(&z, Z_NO_FLUSH);
			out.len = ocap - z.avail_out;
		} while (r == Z_OK);
		if (r == Z_STREAM_END) {
			*s = grow(*s, cap, *n + 1, sizeof **s);
			(*s)[(*n)++] = out;
			i = at + z.total_in - 1;
		} else {
			free(out.p);
		}
		inflateEnd(&z);
	}
}

struct clock {
	struct timespec t;
	double cpu;
};

static struct clock
now(void)
{
	struct clock c;
	struct rusage ru;
	clock_gettime(CLOCK_MONOTONIC, &c.t);
	getrusage(RUSAGE_SELF, &ru);
	c.cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	        (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	return c;
}

static double sum_wall, sum_cpu;

static void
report(const char *phase, struct clock a, const char *what)
{
	struct clock b = now();
	double wall = (double)(b.t.tv_sec - a.t.tv_sec) + (b.t.tv_nsec - a.t.tv_nsec) / 1e9;
	double cpu = b.cpu - a.cpu;
	sum_wall += wall;
	sum_cpu += cpu;
	printf("%-9s %.3f s wall, %.3f s CPU (%s)\n", phase, wall, cpu, what);
}

/* The length of a front matter block (--- ... ---) at the start of md. */
static size_t
front_matter(const unsigned char *md, size_t len, size_t *start)
{
	*start = 0;
	if (len < 4 || memcmp(md, "---\n", 4))
		return 0;
	for (size_t i = 4; i + 4 <= len; i++)
		if (md[i - 1] == '\n' && !memcmp(md + i, "---\n", 4)) {
			*start = i + 4;
			return i - 4;
		}
	return 0;
}

/* The timed phases, one function so that callgrind can count them alone
 * (--toggle-collect=phases): the instructions of the floor without the
 * untimed reading and inflating before it. */
static __attribute__((noinline)) void
phases(char **rec, size_t nrec, const struct file *md, size_t nmd, const struct file *pdf,
       size_t npdf, const struct bytes *st, size_t nst, size_t raw, const char *scratch, int level)
{
	char what[256];

	/* yaml: the records read and parsed */
	struct clock c = now();
	long events = 0;
	for (size_t i = 0; i < nrec; i++) {
		struct bytes b = slurp(rec[i]);
		events += yaml_events(b.p, b.len);
		free(b.p);
	}
	snprintf(what, sizeof what, "%zu records, %ld events", nrec, events);
	report("yaml", c, what);

	/* markdown: front matter and body of each report */
	c = now();
	cmark_gfm_core_extensions_ensure_registered();
	static const char *const ext[] = {"table", "tasklist", "strikethrough", "autolink"};
	long nodes = 0;
	for (size_t i = 0; i < nmd; i++) {
		size_t body;
		size_t fm = front_matter(md[i].data.p, md[i].data.len, &body);
		if (fm)
			events += yaml_events(md[i].data.p + 4, fm);
		cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
		for (size_t k = 0; k < sizeof ext / sizeof ext[0]; k++) {
			cmark_syntax_extension *x = cmark_find_syntax_extension(ext[k]);
			if (x)
				cmark_parser_attach_syntax_extension(p, x);
		}
		cmark_parser_feed(p, (const char *)md[i].data.p + body, md[i].data.len - body);
		cmark_node *doc = cmark_parser_finish(p);
		cmark_iter *it = cmark_iter_new(doc);
		while (cmark_iter_next(it) != CMARK_EVENT_DONE)
			nodes++;
		cmark_iter_free(it);
		cmark_node_free(doc);
		cmark_parser_free(p);
	}
	snprintf(what, sizeof what, "%zu documents, %ld nodes", nmd, nodes);
	report("markdown", c, what);

	/* deflate: every stream, one z_stream reset between them */
	c = now();
	z_stream z = {0};
	if (deflateInit(&z, level) != Z_OK)
		die("deflateInit");
	unsigned char *zbuf = NULL;
	size_t zcap = 0, packed = 0;
	for (size_t i = 0; i < nst; i++) {
		if (i && deflateReset(&z) != Z_OK)
			die("deflateReset");
		size_t bound = deflateBound(&z, (uLong)st[i].len);
		zbuf = grow(zbuf, &zcap, bound, 1);
		z.next_in = st[i].p;
		z.avail_in = (uInt)st[i].len;
		z.next_out = zbuf;
		z.avail_out = (uInt)bound;
		if (deflate(&z, Z_FINISH) != Z_STREAM_END)
			die("deflate");
		packed += bound - z.avail_out;
	}
	deflateEnd(&z);
	free(zbuf);
	snprintf(what, sizeof what, "%zu streams, %zu bytes to %zu at level %d", nst, raw, packed,
	         level);
	report("deflate", c, what);

	/* write: temporaries, batches of 64, syncfs, renames, syncfs */
	c = now();
	int dfd = open(scratch, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		die(scratch);
	enum { BATCH = 64 };
	int fds[BATCH];
	char tmp[BATCH][300], *dst[BATCH];
	size_t nb = 0, written = 0, files = nmd + npdf;
	for (size_t i = 0; i <= files; i++) {
		if (nb == BATCH || (i == files && nb)) {
			if (syncfs(dfd) != 0)
				die("syncfs");
			for (size_t k = 0; k < nb; k++) {
				close(fds[k]);
				if (renameat(dfd, tmp[k], dfd, dst[k]) != 0)
					die("rename");
			}
			if (syncfs(dfd) != 0)
				die("syncfs");
			nb = 0;
		}
		if (i == files)
			break;
		const struct file *f = i < nmd ? &md[i] : &pdf[i - nmd];
		snprintf(tmp[nb], sizeof tmp[nb], "%.255s.tmp%06zu", f->name, i);
		dst[nb] = f->name;
		int fd = openat(dfd, tmp[nb], O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		                0666);
		if (fd < 0)
			die(tmp[nb]);
		for (size_t off = 0; off < f->data.len;) {
			ssize_t w = write(fd, f->data.p + off, f->data.len - off);
			if (w < 0 && errno != EINTR)
				die("write");
			if (w > 0)
				off += (size_t)w;
		}
		written += f->data.len;
		fds[nb++] = fd;
	}
	close(dfd);
	snprintf(what, sizeof what, "%zu files, %zu bytes", files, written);
	report("write", c, what);
}

int
main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: report_floor RECORDS REPORTS SCRATCH [LEVEL]\n");
		return 2;
	}
	int level = argc > 4 ? atoi(argv[4]) : 3;

	/* untimed: the names, the reports, their streams inflated */
	char **rec = NULL;
	size_t nrec = 0, caprec = 0;
	FILE *lf = fopen(argv[1], "r");
	if (!lf)
		die(argv[1]);
	char line[4096];
	while (fgets(line, sizeof line, lf)) {
		line[strcspn(line, "\n")] = '\0';
		if (!*line)
			continue;
		rec = grow(rec, &caprec, nrec + 1, sizeof *rec);
		if (!(rec[nrec++] = strdup(line)))
			die("memory");
	}
	fclose(lf);
	struct file *md = NULL, *pdf = NULL;
	size_t nmd = 0, npdf = 0, capmd = 0, cappdf = 0;
	DIR *d = opendir(argv[2]);
	if (!d)
		die(argv[2]);
	for (struct dirent *e; (e = readdir(d));) {
		size_t l = strlen(e->d_name);
		int is_md = l > 3 && !strcmp(e->d_name + l - 3, ".md");
		int is_pdf = l > 4 && !strcmp(e->d_name + l - 4, ".pdf");
		if (!is_md && !is_pdf)
			continue;
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", argv[2], e->d_name);
		struct file f = {strdup(e->d_name), slurp(path)};
		if (is_md) {
			md = grow(md, &capmd, nmd + 1, sizeof *md);
			md[nmd++] = f;
		} else {
			pdf = grow(pdf, &cappdf, npdf + 1, sizeof *pdf);
			pdf[npdf++] = f;
		}
	}
	closedir(d);
	qsort(md, nmd, sizeof *md, by_name);
	qsort(pdf, npdf, sizeof *pdf, by_name);
	struct bytes *st = NULL;
	size_t nst = 0, capst = 0, raw = 0;
	for (size_t i = 0; i < npdf; i++)
		inflate_all(&pdf[i].data, &st, &nst, &capst);
	for (size_t i = 0; i < nst; i++)
		raw += st[i].len;
	if (!nrec || !nmd || !npdf || !nst) {
		fprintf(stderr, "report_floor: %zu records, %zu .md, %zu .pdf, %zu streams\n", nrec,
		        nmd, npdf, nst);
		return 2;
	}
	phases(rec, nrec, md, nmd, pdf, npdf, st, nst, raw, argv[3], level);
	printf("floor %.4f %.4f\n", sum_wall, sum_cpu);
	for (size_t i = 0; i < nrec; i++)
		free(rec[i]);
	free(rec);
	for (size_t i = 0; i < nmd; i++)
		free(md[i].name), free(md[i].data.p);
	for (size_t i = 0; i < npdf; i++)
		free(pdf[i].name), free(pdf[i].data.p);
	free(md);
	free(pdf);
	for (size_t i = 0; i < nst; i++)
		free(st[i].p);
	free(st);
	return 0;
}
