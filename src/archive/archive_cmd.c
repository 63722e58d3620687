/*
 * archive_cmd.c: the archive command: options, reading each record into
 * the archive model (archive.c), the archive-* rules, writing the pages
 * (archive_write.c) and the summary line and exit status.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "archive_cache.h"
#include "archive_pages.h"
#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "collection.h"
#include "diag_out.h"
#include "escape.h"
#include "fsutil.h"
#include "load.h"
#include "par.h"
#include "schema.h"
#include "strmap.h"
#include "witness.h"
#include "xalloc.h"

static const char usage[] =
    "usage: debrief archive -o|--output DIR [--today YYYY-MM-DD] [--lang vi|en]\n"
    "                       [--config FILE] [--format md,pdf] [-j|--jobs N]\n"
    "                       [--verbose] PATH...\n"
    "       debrief archive --help\n";

struct arc_opts {
	struct cli cli; /* the common ones: -o, --today, --lang, --config, --format, -j */
	const char *dir, *config;
	enum lang lang;
	int md, pdf, verbose;
	int jobs; /* -j N */
};

/* -1 to go on, else the exit status. */
static int
arc_parse(int argc, char **argv, struct arc_opts *o)
{
	extern const int arc_pdf_available;
	memset(o, 0, sizeof *o);
	const struct cli_opt own[] = {{"verbose", 'v', 1, &o->verbose, NULL, NULL, NULL},
	                              {NULL, 0, 0, NULL, NULL, NULL, NULL}};
	o->cli = (struct cli){.cmd = "archive",
	                      .usage = usage,
	                      .common = CLI_OUTPUT | CLI_TODAY | CLI_LANG | CLI_CONFIG |
	                                CLI_FORMAT | CLI_JOBS,
	                      .formats = "md, pdf, md,pdf",
	                      .format_list = 1,
	                      .own = own};
	int rc = cli_parse(&o->cli, argc, argv);
	if (rc >= 0)
		return rc;
	o->dir = o->cli.output;
	o->config = o->cli.config;
	o->lang = o->cli.lang;
	o->jobs = o->cli.jobs;
	const char *f = o->cli.format;
	o->md = !f || cli_format_has(f, "md");
	o->pdf = f ? cli_format_has(f, "pdf") : arc_pdf_available;
	if (!o->dir)
		return cli_error(&o->cli, "cần -o DIR (thư mục lưu trữ)",
		                 "-o DIR (the archive directory) is required", NULL);
	rc = cli_paths(&o->cli, argc);
	if (rc >= 0)
		return rc;
	if (o->pdf && !arc_pdf_available) {
		fprintf(stderr, "debrief archive: %s\n",
		        L(o->lang, "bản dựng này chưa xuất được PDF; chỉ ghi Markdown",
		          "PDF output is not available in this build; writing Markdown only"));
		o->pdf = 0;
		o->md = 1;
	}
	return -1;
}

/* One record file of the run: read, and looked up in the cache or parsed,
 * on any thread (arc_work); added to the model on the calling thread, in
 * input order (arc_commit), so that the archive is the same whatever the
 * number of threads. */
struct arc_item {
	struct arc_cache *cache; /* only read on the worker threads */
	const char *path, *name;
	unsigned char key[HASH_LEN]; /* its bytes' */
	int hit;
	size_t entry;       /* the cache's, when hit */
	int got;            /* schema_file's result */
	char *err;          /* why it could not be read */
	const char *unread; /* why the walk that found it could not read it, or NULL */
	struct record *r;
	struct diags one;
	struct seen seen;     /* what stat said of it before it was read */
	int seen_ok, vouched; /* vouched: key is its bytes', by stat */
};

struct arc_run {
	struct archive *a;
	struct arc_cache *cache;
	const struct load_limits *lim;
	enum lang lang;
	struct arc_item *items;
	size_t n; /* of items */
	struct diags *dq;
	size_t nread, nskipped;
	int io_failed;
};

/* A record's bytes against the cache: what it gave the last run. */
static int
arc_cached(void *vi, const char *data, size_t len, struct record **r, struct diags *dq)
{
	struct arc_item *it = vi;
	arc_cache_key(it->cache, it->name, data, len, it->key);
	it->hit = arc_cache_get(it->cache, it->key, it->name, r, dq, &it->entry, NULL);
	return it->hit ? 2 : 1;
}

/* Records go to the threads by batches of ARC_BATCH: one record is too
 * little work for what handing it over costs. */
#define ARC_BATCH 64

static void
arc_work_one(struct arc_run *run, struct arc_item *it, const struct arc_cache_win *w)
{
	if (it->unread) { /* left out as any file that cannot be read */
		it->got = -1;
		it->err = xstrdup(it->unread);
		return;
	}
	/* not changed since the last run read it, as stat tells: not read */
	if (it->vouched &&
	    arc_cache_get(it->cache, it->key, it->name, &it->r, &it->one, &it->entry, w)) {
		it->hit = 1;
		it->got = 1;
		return;
	}
	struct schema_src src = {.path = it->path,
	                         .name = it->name,
	                         .lim = run->lim,
	                         .today = run->a->today,
	                         .lang = run->lang,
	                         .before = arc_cached,
	                         .ctx = it};
	it->got = schema_file(&src, &it->r, &it->one, &it->err);
}

static void
arc_work(void *vrun, size_t b)
{
	struct arc_run *run = vrun;
	size_t lo = b * ARC_BATCH, hi = lo + ARC_BATCH < run->n ? lo + ARC_BATCH : run->n, n = 0;
	unsigned char keys[ARC_BATCH][HASH_LEN];
	for (size_t i = lo; i < hi; i++) { /* what stat vouches for, read at once */
		struct arc_item *it = &run->items[i];
		it->seen_ok =
		    !it->unread && strcmp(it->path, "-") && witness_stat(it->path, 1, &it->seen);
		it->vouched =
		    it->seen_ok && arc_cache_vouched(it->cache, it->name, &it->seen, it->key);
		if (it->vouched)
			memcpy(keys[n++], it->key, HASH_LEN);
	}
	struct arc_cache_win w;
	arc_cache_fetch(run->cache, (const unsigned char(*)[HASH_LEN])keys, n, &w);
	for (size_t i = lo; i < hi; i++)
		arc_work_one(run, &run->items[i], &w);
	arc_cache_win_free(&w);
}

/* Add one file to the archive: 1 when added, 0 when left out (the
 * findings say why), -1 when it cannot be read (message printed).  A
 * record with errors is still archived when it has an id, with the date
 * unknown when its start date is unusable: the values the schema rejected
 * are absent, and the errors are reported, so that nothing the record does
 * say is lost. */
static int
arc_add_item(struct arc_run *run, struct arc_item *it)
{
	struct archive *a = run->a;
	const char *name = it->name;
	enum lang lang = run->lang;
	struct diags *one = &it->one;
	struct record *r = it->r;
	it->r = NULL;
	if (it->got < 0) {
		escape_eprintf("debrief: %s: %s\n", name, it->err);
		archive_left_out(a, name, (struct mark){0, 0}, NULL, it->err);
		free(it->err);
		it->err = NULL;
		diags_free(one);
		return -1;
	}
	if (it->hit)
		arc_cache_reuse(run->cache, it->entry, name);
	else
		arc_cache_put(run->cache, it->key, name, r, one, 0);
	if (it->seen_ok)
		arc_cache_saw(run->cache, name, &it->seen, it->key, it->vouched);
	int ok = r && r->id.s;
	if (r && !r->file)
		r->file = name;
	/* a record without an id: its own finding about the id is the one
	 * finding of the problem (rules.md), and the first error of a file that
	 * gave no record or no id says why it is left out, on the pages too;
	 * that it is left out is said beside it, as report says it makes no
	 * report of it */
	if (r && !ok)
		escape_eprintf("debrief: %s: %s\n", name,
		               L(lang, "hồ sơ không có mã (id) hợp lệ nên không được lưu trữ",
		                 "the record has no valid id, so it is left out of the archive"));
	size_t why = one->n; /* the finding that says why it is left out */
	for (size_t i = 0; !ok && i < one->n; i++)
		if (one->v[i].sev == SEV_ERROR &&
		    (why == one->n || diag_cmp_place(&one->v[i], &one->v[why]) < 0))
			why = i;
	/* its own schema-date or schema-required error names it among the
	 * records with problems; it is archived with the date unknown */
	if (ok && !archive_add(a, r)) {
		why = one->n;
		collection_duplicate(one, name, r->id.mark, r->id.s, archive_file_of_id(a, r->id.s),
		                     lang);
		ok = 0;
	}
	if (!ok) { /* named on the pages, not only here */
		const struct diag *d = why < one->n ? &one->v[why] : NULL;
		archive_left_out(
		    a, name, d ? d->mark : (struct mark){0, 0}, d ? d->rule : NULL,
		    d ? d->msg : L(lang, "tệp không cho hồ sơ nào", "the file gives no record"));
	}
	if (ok) /* what it is made of, for the digests of the pages */
		memcpy(a->recs[a->nrecs - 1].key, it->key, HASH_LEN);
	record_free(r);
	/* errors only: warnings and infos are check's to tell */
	for (size_t i = 0; i < one->n; i++)
		if (one->v[i].sev != SEV_ERROR)
			one->v[i].sev = SEV_OFF;
	diags_compact(one);
	diags_take(run->dq, one);
	diags_free(one);
	return ok;
}

static void
arc_commit(void *vrun, size_t b)
{
	struct arc_run *run = vrun;
	for (size_t i = b * ARC_BATCH; i < run->n && i < (b + 1) * ARC_BATCH; i++) {
		int r = arc_add_item(run, &run->items[i]);
		run->nread += r >= 0;
		run->nskipped += r == 0;
		run->io_failed |= r < 0;
	}
}

/* The cache opened (read through, checked, indexed) while the records
 * are listed, on a thread of its own when there are threads. */
struct arc_opening {
	const char *dir;
	enum lang lang;
	struct date today;
	struct arc_cache *cache;
	char *why;
};

static void *
arc_open_cache(void *vo)
{
	struct arc_opening *o = vo;
	o->cache = arc_cache_open(o->dir, o->lang, o->today, &o->why);
	return NULL;
}

/* The findings in the order check gives them (diag_cmp_keyed): the
 * configuration's first, then each record's own with the collection's
 * about it, in the order of the inputs, by place. */
static void
order_as_check(struct diags *dq, const struct strlist *files, const char *cfg)
{
	struct strmap at = {0};
	for (size_t i = 0; i < files->n; i++)
		if (!strmap_get(&at, fs_shown(files->v[i])))
			strmap_put(&at, fs_shown(files->v[i]), i + 1);
	struct diag_keyed *k = xcalloc(dq->n + 1, sizeof *k);
	for (size_t i = 0; i < dq->n; i++) {
		const size_t *f = strmap_get(&at, dq->v[i].file);
		size_t file = f ? *f : cfg && !strcmp(cfg, dq->v[i].file) ? 0 : (size_t)-1;
		k[i] = (struct diag_keyed){file, i, dq->v[i]};
	}
	if (dq->n > 1)
		qsort(k, dq->n, sizeof *k, diag_cmp_keyed);
	for (size_t i = 0; i < dq->n; i++)
		dq->v[i] = k[i].d;
	free(k);
	strmap_free(&at);
}

int
cmd_archive(int argc, char **argv)
{
	struct arc_opts o;
	int pr = arc_parse(argc, argv, &o);
	if (pr >= 0)
		return pr;
	fs_set_lang(o.lang);

	int rc = EXIT_USAGE;
	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	struct diags dq = DIAGS_INIT, fq = DIAGS_INIT;
	struct strlist files = {0};
	struct fs_unread unread = {{0}, {0}};
	struct archive *a = NULL;
	struct arc_cache *cache = NULL;
	struct arc_write_stats st = {0, 0, 0, {0}, {0}, 0, 0};
	struct buf out = BUF_INIT;
	char *err = NULL;
	struct date today;
	if (!cli_today(&o.cli, &today))
		goto out;
	if (o.pdf)
		cli_warn_undated(&o.cli);
	/* DIR first, as report makes its own: a file in its place stops the
	 * run before a record is read, not after every finding is said */
	if (!fs_mkdirs(o.dir, &err)) {
		escape_eprintf("debrief archive: %s\n", err);
		goto out;
	}
	if (!config_for(o.config, argv[o.cli.next], o.lang, &cfg, &dq))
		goto out;
	if (o.verbose)
		escape_eprintf("debrief archive: %s %s\n", L(o.lang, "cấu hình", "configuration"),
		               config_name(&cfg, o.lang));
	struct arc_opening op = {o.dir, o.lang, today, NULL, NULL};
	pthread_t ot;
	int aside = o.jobs > 1 && pthread_create(&ot, NULL, arc_open_cache, &op) == 0;
	/* a file a walk could not read kept at its place, to be named on the
	 * index with the others left out */
	int io_failed = cli_files(&o.cli, argc, argv, &files, &unread) > 0;
	if (aside)
		pthread_join(ot, NULL);
	else
		arc_open_cache(&op);
	cache = op.cache;
	if (op.why && o.verbose)
		escape_eprintf("debrief archive: %s\n", op.why);
	free(op.why);

	struct load_limits lim;
	load_limits_default(&lim);
	a = archive_new(today, &cfg);
	struct arc_run rd = {a, cache, &lim, o.lang, NULL, files.n, &fq, 0, 0, 0};
	rd.items = xcalloc(files.n ? files.n : 1, sizeof *rd.items);
	for (size_t i = 0; i < files.n; i++) {
		struct arc_item *it = &rd.items[i];
		it->cache = cache;
		it->path = files.v[i];
		it->name = fs_shown(files.v[i]);
	}
	for (size_t i = 0, k = 0; i < files.n && k < unread.path.n; i++)
		if (!strcmp(files.v[i], unread.path.v[k]))
			rd.items[i].unread = unread.why.v[k++];
	par_run((files.n + ARC_BATCH - 1) / ARC_BATCH, o.jobs, par_ahead(o.jobs, PAR_AHEAD_LARGE),
	        &rd, arc_work, arc_commit);
	free(rd.items);
	size_t nread = rd.nread, nskipped = rd.nskipped;
	io_failed |= rd.io_failed;
	archive_finish(a, o.jobs);

	struct check_ctx ctx = {today, o.lang, &cfg};
	size_t from = dq.n;
	rules_archive_run(a, &ctx, &dq);
	rules_apply(&dq, from, NULL, &cfg);
	diags_sort(&dq);

	unsigned char run[HASH_LEN];
	struct arc_write_opts wo = {o.dir, o.lang, o.md, o.pdf, o.jobs, run, cache};
	if (!arc_cache_run(cache, cfg.path, run))
		wo.run = NULL;
	int wrote = arc_write(a, &dq, &wo, &st, &err);

	diags_take(&fq, &dq);
	order_as_check(&fq, &files, cfg.path);
	struct out_opts oo = {OUT_TEXT, o.lang, 0, SEV_ERROR, nread, NULL, 0, SEV_INFO, 1};
	oo.color = out_color_wanted(STDERR_FILENO);
	diag_out(&out, &fq, &oo);
	fputs(out.data ? out.data : "", stderr);
	for (size_t i = 0; i < st.warnings.n; i++)
		escape_eprintf("debrief archive: %s\n", st.warnings.v[i]);
	if (!wrote) {
		escape_eprintf("debrief archive: %s\n", err ? err : "?");
		goto out;
	}
	if (o.verbose)
		fprintf(stderr,
		        L(o.lang,
		          "debrief archive: bộ nhớ đệm: %zu hồ sơ dùng lại, %zu hồ sơ đọc mới\n",
		          "debrief archive: cache: %zu records reused, %zu parsed\n"),
		        arc_cache_hits(cache), nread - arc_cache_hits(cache));
	if (o.verbose && st.json_objects)
		fprintf(
		    stderr,
		    L(o.lang,
		      "debrief archive: archive.json: %zu mục chép lại từ tệp trước, %zu mục "
		      "lập mới\n",
		      "debrief archive: archive.json: %zu objects copied from the previous file, "
		      "%zu made\n"),
		    st.json_copied, st.json_objects - st.json_copied);
	if (o.verbose)
		for (size_t i = 0; i < st.names.n; i++)
			printf("%s %s\n",
			       st.names.v[i][0] == '-' ? L(o.lang, "đã xóa", "removed")
			                               : L(o.lang, "đã ghi", "written"),
			       st.names.v[i] + (st.names.v[i][0] == '-'));
	printf(L(o.lang, "%s: %zu hồ sơ%s; %zu tệp đã ghi, %zu không đổi, %zu đã xóa\n",
	         "%s: %zu %s; %zu written, %zu unchanged, %zu removed\n"),
	       o.dir, a->nrecs, L(o.lang, "", PL(a->nrecs, "record", "records")), st.written,
	       st.unchanged, st.removed);
	if (fflush(stdout) != 0)
		goto out;
	rc = io_failed                                 ? EXIT_USAGE
	     : nskipped || diags_count(&fq, SEV_ERROR) ? EXIT_FINDINGS
	                                               : EXIT_OK;
out:
	free(err);
	buf_free(&out);
	strlist_free(&st.names);
	strlist_free(&st.warnings);
	archive_free(a);
	arc_cache_free(cache);
	strlist_free(&files);
	fs_unread_free(&unread);
	diags_free(&dq);
	diags_free(&fq);
	config_free(&cfg);
	return rc;
}
