/*
 * report.c: `debrief report`: for each record, load → schema → rules →
 * report_view → template → Markdown, then PDF from that same Markdown, both
 * written atomically as DIR/<id>.md and DIR/<id>.pdf.  Owns the template
 * set lookup and caching; never lays out anything itself.
 */
#include "report.h"

#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "collection.h"
#include "diag_out.h"
#include "escape.h"
#include "fsutil.h"
#include "load.h"
#include "md_escape.h"
#include "mustache.h"
#include "par.h"
#include "pdf.h"
#include "provinces.h"
#include "rules.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

/* One language's template set: the parsed report and its partials' text. */
struct tset {
	char *dir;             /* owned; where report.mustache was found */
	struct mst *report;    /* owned */
	struct strlist pnames; /* partial names loaded so far */
	struct strlist ptexts; /* their text, same order */
	struct mst_kept *kept; /* partials parsed, for the next reports */
};

struct report_opts {
	const char *outdir;
	int want_md, want_pdf;
	int lang_forced; /* --lang given */
	int draft;       /* --draft: marked, with the gaps against the guidance */
	enum lang lang;
	const char *templates; /* --templates, or NULL for the installed set */
	struct check_ctx ctx;
	struct config cfg;
	struct config_set *cs; /* without --config: each record's nearest, else NULL */
	struct tset sets[2];   /* by enum lang */
	struct strlist ids;    /* ids written in this run */
	struct strlist files;  /* ... and the file each came from */
	int told_no_office;    /* the missing office profile has been reported */
};

static const char usage[] =
    "usage: debrief report -o|--output DIR [--format md,pdf] [--lang vi|en]\n"
    "                      [--templates DIR] [--draft] [--today YYYY-MM-DD]\n"
    "                      [--config FILE] [-j|--jobs N] FILE...\n"
    "       debrief report --help\n";

/* The installed template set: $DEBRIEF_TEMPLATES, else the templates of
 * the installation the program runs from (fs_data_dir). */
static char *
default_templates(void)
{
	const char *env = getenv("DEBRIEF_TEMPLATES");
	if (env && *env)
		return xstrdup(env);
	return fs_data_dir("templates", "vi/report.mustache");
}

/* Partial names are plain words: a template can never read outside its set. */
static int
partial_name_ok(const char *name)
{
	if (!*name || strlen(name) > 64)
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

static int
load_partial(void *vctx, const char *name, char **text, size_t *len)
{
	struct tset *ts = vctx;
	for (size_t i = 0; i < ts->pnames.n; i++)
		if (!strcmp(ts->pnames.v[i], name)) {
			*len = strlen(ts->ptexts.v[i]);
			*text = xstrndup(ts->ptexts.v[i], *len);
			return 1;
		}
	if (!partial_name_ok(name))
		return 0;
	char *path = xasprintf("%s/%s.mustache", ts->dir, name);
	char *data = NULL, *err = NULL;
	size_t n = 0;
	/* a link beside the templates may not reach a file elsewhere */
	int ok = fs_inside(ts->dir, path) && fs_read(path, 1u << 20, &data, &n, &err);
	free(path);
	free(err);
	if (!ok)
		return 0;
	strlist_push(&ts->pnames, name);
	strlist_push(&ts->ptexts, data);
	*text = data;
	*len = n;
	return 1;
}

/* Find and parse the report template of one language, once per run. */
static int
tset_open(struct report_opts *o, enum lang lang, char **err)
{
	struct tset *ts = &o->sets[lang];
	if (ts->report)
		return 1;
	char *base = o->templates ? xstrdup(o->templates) : default_templates();
	const char *code = lang == LANG_EN ? "en" : "vi";
	char *dir = xasprintf("%s/%s", base, code);
	char *file = xasprintf("%s/report.mustache", dir);
	struct stat st;
	char *one = xasprintf("%s/report.mustache", base);
	if (stat(file, &st) != 0 && stat(one, &st) == 0) {
		/* A user's set may be a single directory for one language. */
		free(dir);
		free(file);
		dir = xstrdup(base);
		file = one;
		one = NULL;
	}
	/* else an error names the file of the language's own directory */
	free(one);
	free(base);
	char *src = NULL, *rerr = NULL;
	size_t len = 0;
	if (!fs_read(file, 1u << 20, &src, &len, &rerr)) {
		*err = xasprintf("%s: %s", file, rerr);
		free(rerr);
		free(file);
		free(dir);
		return 0;
	}
	/* its messages in the run's language, whichever language it writes */
	ts->report = mst_parse("report.mustache", src, len, o->ctx.lang, err);
	free(src);
	free(file);
	if (!ts->report) {
		char *e = xasprintf("%s/%s", dir, *err);
		free(*err);
		*err = e;
		free(dir);
		return 0;
	}
	ts->dir = dir;
	return 1;
}

static void
tset_free(struct tset *ts)
{
	mst_free(ts->report);
	mst_kept_free(ts->kept);
	free(ts->dir);
	strlist_free(&ts->pnames);
	strlist_free(&ts->ptexts);
}

/* The report language: --lang, else the record's own (vi or en), else vi. */
static enum lang
record_lang(const struct doc *doc, const void *arg)
{
	const struct report_opts *o = arg;
	if (o->lang_forced)
		return o->lang;
	/* as the schema reads it: a language code in any case ("EN") */
	const char *l = node_text(node_get(doc->root, "lang"));
	return l && !strcasecmp(l, "en") ? LANG_EN : LANG_VI;
}

/* One record of the run: what its work found and made (report_work, on
 * any thread), kept until report_commit prints and writes it in input
 * order. */
struct rjob {
	const char *path;
	const struct config *cfg; /* NULL: its configuration is unusable */
	struct diags cd;          /* problems of that configuration, said first */
	struct strlist cfg_said;  /* and the lines its loading said */
	struct strlist said;      /* lines said before anything is written */
	size_t said_record;       /* the first lines of said, about the record; the
	                           * others about its report, unsaid when none is made */
	int failed;               /* nothing more to do after said */
	int unread;               /* the record could not be read */
	char *id;                 /* owned; the record's id */
	struct mark id_mark;      /* where the id is written */
	int dated;                /* the visit's dates are usable */
	int partial;              /* values of the record are left out (said) */
	int no_office;            /* the configuration has no office profile */
	char *tset_err;           /* the template set could not be read */
	char *render_err;         /* the template could not be rendered */
	struct buf md, pdf;       /* the report */
	char *pdf_err;            /* the PDF could not be made */
	struct strlist warn;      /* the PDF's warnings */
};

/* What finding a record's configuration said, held back because the
 * record could not be read: said with the next record of its directory
 * that can be, as when configurations were found record by record. */
struct held {
	char *dir; /* owned */
	struct strlist said;
	struct diags cd;
};

struct report_run {
	struct report_opts *o;
	struct rjob *jobs;
	struct held *held;
	size_t nheld, capheld;
	pthread_mutex_t tmpl_mu; /* template sets load partials as they render */
	/* what the PDFs' threads keep between documents, one a thread at
	 * work: taken for a PDF and put back after it */
	pthread_mutex_t pdf_mu;
	struct pdf_ctx **pdf_idle;
	size_t npdf_idle, cappdf_idle;
	size_t written;
	int rc;
};

static void say(struct strlist *said, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(struct strlist *said, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	strlist_push(said, buf_cstr(&b));
	buf_free(&b);
}

static void
say_findings(struct strlist *said, const struct diags *dq)
{
	for (size_t i = 0; i < dq->n; i++) {
		struct buf b = BUF_INIT;
		diag_line(&b, &dq->v[i]);
		strlist_push(said, buf_cstr(&b));
		buf_free(&b);
	}
}

/* The record of src's bytes loaded again with its messages in lang (the
 * run's, where the record's own language is another). */
static void
load_in(const struct schema_src *src, enum lang lang, struct record **r, struct diags *dq)
{
	struct schema_src again = *src;
	again.lang = lang;
	again.lang_of = NULL;
	schema_bytes(&again, src->data, src->len, r, dq);
}

static struct pdf_ctx *
pdf_ctx_take(struct report_run *run)
{
	struct pdf_ctx *c = NULL;
	pthread_mutex_lock(&run->pdf_mu);
	if (run->npdf_idle)
		c = run->pdf_idle[--run->npdf_idle];
	pthread_mutex_unlock(&run->pdf_mu);
	return c ? c : pdf_ctx_new();
}

static void
pdf_ctx_put(struct report_run *run, struct pdf_ctx *c)
{
	pthread_mutex_lock(&run->pdf_mu);
	run->pdf_idle =
	    xgrow(run->pdf_idle, &run->cappdf_idle, run->npdf_idle + 1, sizeof *run->pdf_idle);
	run->pdf_idle[run->npdf_idle++] = c;
	pthread_mutex_unlock(&run->pdf_mu);
}

/* The PDF of one record, from that very Markdown. */
static void
make_pdf(struct report_run *run, const struct record *r, enum lang lang, struct rjob *j)
{
	char *mdname = xasprintf("%s.md", r->id.s);
	struct pdf_opts po = {0};
	po.author = r->report_author.s ? r->report_author.s : r->locality_name.s;
	po.subject = L(lang, "Báo cáo sau chuyến công tác", "Post-visit report");
	po.lang = run->o->ctx.lang; /* of its warnings: the run's */
	po.file = mdname;
	po.created = date_source_epoch();
	po.ctx = pdf_ctx_take(run);
	if (!pdf_from_markdown(j->md.data, j->md.len, &po, &j->pdf, &j->warn, &j->pdf_err) &&
	    !j->pdf_err)
		j->pdf_err = xstrdup("?");
	pdf_ctx_put(run, po.ctx);
	free(mdname);
}

/* A record's findings after its rules, its configuration and its
 * waivers, in order. */
static void
judge(struct record *r, const struct check_ctx *ctx, struct diags *dq)
{
	if (r)
		rules_check(r, ctx, dq);
	rules_apply(dq, 0, r, ctx->cfg);
	diags_sort(dq);
}

/* An owner or a supporting department by the names owner_aliases gives
 * the bodies it names, in a. */
static const char *
aliased(struct arena *a, const char *s, const struct config *cfg, const char *locality)
{
	char *t = rules_owner_aliased(s, cfg, locality);
	if (!t)
		return s;
	const char *c = arena_strdup(a, t);
	free(t);
	return c;
}

/* The record as the report names its departments: an owner or a
 * supporting department that owner_aliases renames by its canonical name,
 * each body of one that names two ("Sở NN&MT, Sở Tài chính"), so that
 * "Sở NN&MT" and "Sở Nông nghiệp và Môi trường" are one table and one
 * recipient.  A shallow copy in a; r itself is not changed. */
static const struct record *
named_by_aliases(struct arena *a, const struct record *r, const struct config *cfg)
{
	if (!cfg || !cfg->nowner_alias || !r->ntasks)
		return r;
	struct record *c = arena_alloc(a, sizeof *c);
	*c = *r;
	struct task *t = arena_alloc(a, r->ntasks * sizeof *t);
	memcpy(t, r->tasks, r->ntasks * sizeof *t);
	for (size_t i = 0; i < r->ntasks; i++) {
		t[i].owner.s = aliased(a, t[i].owner.s, cfg, r->locality_name.s);
		if (!t[i].support.n)
			continue;
		struct text *sv = arena_alloc(a, t[i].support.n * sizeof *sv);
		for (size_t k = 0; k < t[i].support.n; k++) {
			sv[k] = t[i].support.v[k];
			sv[k].s = aliased(a, sv[k].s, cfg, r->locality_name.s);
		}
		t[i].support.v = sv;
	}
	c->tasks = t;
	return c;
}

/* A record is loaded only when its configuration could be had. */
static int
has_config(void *vj, const char *data, size_t len, struct record **r, struct diags *dq)
{
	return ((struct rjob *)vj)->cfg != NULL;
}

/* A configuration that cannot be read is said by the line its loading
 * said, which quotes the loader's finding with its place: that finding
 * is not said a second time. */
static void
config_finding_said(struct diags *cd)
{
	for (size_t i = 0; i < cd->n; i++)
		if (cd->v[i].mark.line) {
			cd->v[i].sev = SEV_OFF;
			break;
		}
	diags_compact(cd);
}

/* Everything about one record that depends on no other record: load →
 * schema → rules → view → Markdown → PDF, into memory.  Runs on any
 * thread; says nothing itself. */
static void
report_work(void *vrun, size_t idx)
{
	struct report_run *run = vrun;
	struct report_opts *o = run->o;
	struct rjob *j = &run->jobs[idx];
	char *err = NULL;
	struct load_limits lim;
	load_limits_default(&lim);
	const char *name = fs_shown(j->path);
	j->failed = 1;
	/* its configuration's problems are said at commit: no load without it */
	struct schema_src src = {.path = j->path,
	                         .name = name,
	                         .lim = &lim,
	                         .today = o->ctx.today,
	                         .lang = o->ctx.lang,
	                         .lang_of = record_lang,
	                         .arg = o,
	                         .before = has_config,
	                         .ctx = j,
	                         .keep = 1};
	struct diags dq = DIAGS_INIT;
	struct record *r;
	int got = schema_file(&src, &r, &dq, &err);
	if (got < 0) {
		say(&j->said, "debrief: %s: %s\n", name, err);
		free(err);
		j->unread = 1;
		return;
	}
	struct arena *a = NULL;
	if (!got)
		goto out;
	/* the report's own text is in the record's language, what is said on
	 * standard error in the run's */
	enum lang lang = src.lang, said = o->ctx.lang;
	struct check_ctx ctx = o->ctx;
	ctx.lang = lang;
	ctx.cfg = j->cfg;
	judge(r, &ctx, &dq);
	if (!r || !r->id.s) {
		if (lang != said) { /* its findings are said, not reported: again */
			record_free(r);
			diags_free(&dq);
			ctx.lang = said;
			load_in(&src, said, &r, &dq);
			judge(r, &ctx, &dq);
		}
		say_findings(&j->said, &dq);
		say(&j->said, "debrief: %s: %s\n", name,
		    L(said, "không đọc được hồ sơ hoặc thiếu id hợp lệ; không lập báo cáo",
		      "cannot read the record or it has no valid id; no report written"));
		goto out;
	}
	/* what the record says that the report cannot: named as check names
	 * it, in the run's language, not dropped in silence */
	struct diags unread = DIAGS_INIT;
	if (schema_unread(&dq, &unread) && lang != said) {
		diags_free(&unread);
		struct diags all = DIAGS_INIT;
		struct record *r2 = NULL;
		load_in(&src, said, &r2, &all);
		record_free(r2);
		unread = (struct diags)DIAGS_INIT;
		schema_unread(&all, &unread);
		diags_free(&all);
	}
	if (unread.n) {
		diags_sort(&unread);
		say_findings(&j->said, &unread);
		j->said_record = j->said.n;
		say(&j->said, "debrief: %s: %s\n", name,
		    L(said, "báo cáo không có những giá trị ghi sai nêu trên của hồ sơ",
		      "the report leaves out the values above, which the record gives wrongly"));
		j->partial = 1;
	}
	diags_free(&unread);
	free(src.data);
	src.data = NULL;
	j->failed = 0;
	j->id = xstrdup(r->id.s);
	j->id_mark = r->id.mark;
	j->dated = r->start.set;
	j->no_office = !ctx.cfg->office.given;
	a = arena_new();
	pthread_mutex_lock(&run->tmpl_mu);
	int have = tset_open(o, lang, &j->tset_err);
	pthread_mutex_unlock(&run->tmpl_mu);
	if (!have)
		goto out;
	const struct office *office = &ctx.cfg->office;
	static const struct office none = {0};
	const char *ours, *theirs;
	enum office_fit fit = report_office_fits(office, r, &ours, &theirs, said);
	if (fit == OFFICE_OTHER_PROVINCE) {
		/* never issue one province's report in another's name; a visit
		 * before the 2025 reform named by the province the record names,
		 * "Quảng Nam (nay thuộc Đà Nẵng)", not by today's alone */
		const char *then = NULL;
		province_said(r->locality_name.s, r->locality_former_name.s,
		              r->start.set ? &r->start.d : NULL, &then);
		/* in English without its marks, as theirs is */
		char *was = then && said == LANG_EN ? text_unaccent(then) : NULL;
		char *visit = then
		                  ? xasprintf(L(said, "%s (nay thuộc %s)", "%s's (now part of %s)"),
		                              was ? was : then, theirs)
		                  : xasprintf(L(said, "%s", "%s's"), theirs);
		free(was);
		char *msg =
		    xasprintf(L(said,
		                "hồ sơ cơ quan là của %s, còn chuyến đi là của %s: báo cáo để "
		                "trống tên cơ quan, số, địa danh và người ký",
		                "the office profile is %s's, the visit %s: the report leaves "
		                "the issuing body, number, place and signer blank"),
		              ours, visit);
		say(&j->said, "debrief: %s: %s\n", name, msg);
		free(msg);
		free(visit);
		office = &none;
	} else if (fit == OFFICE_NOT_PLACED) {
		/* nor in the name of an office whose province is not known */
		say(&j->said, "debrief: %s: %s\n", name,
		    L(said,
		      "không xác định được hồ sơ cơ quan thuộc tỉnh, thành phố nào (xem debrief "
		      "check): báo cáo để trống tên cơ quan, số, địa danh và người ký",
		      "cannot tell which province the office profile belongs to (see debrief "
		      "check): the report leaves the issuing body, number, place and signer "
		      "blank"));
		office = &none;
	}
	const char *other = report_number_foreign(r, office);
	if (other) {
		/* a number of another body's (the province's report, kept in an
		 * embassy's records) is not this document's */
		char *msg = xasprintf(
		    L(said,
		      "số báo cáo %s trong hồ sơ mang ký hiệu %s, không phải %s của cơ quan: "
		      "báo cáo để trống số và ngày",
		      "the report number %s in the record bears the symbol %s, not the office's "
		      "%s: the report leaves its number and date blank"),
		    r->report_number.s, other, office->symbol);
		say(&j->said, "debrief: %s: %s\n", name, msg);
		free(msg);
	}
	const char *by = other ? NULL : report_author_other(r, office);
	if (by && (r->report_number.s || r->report_date.set)) {
		char *msg = xasprintf(
		    L(said,
		      "báo cáo ghi trong hồ sơ do %s lập, không phải %s: báo cáo để trống số "
		      "và ngày",
		      "the report the record gives is by %s, not %s: the report leaves its "
		      "number and date blank"),
		    by, office->name);
		say(&j->said, "debrief: %s: %s\n", name, msg);
		free(msg);
	}
	char *num = report_number_text(r, office);
	const struct record *shown = named_by_aliases(a, r, ctx.cfg);
	struct node *view = report_view(a, shown, dq.v, dq.n, ctx.today, lang, arena_strdup(a, num),
	                                office->given && office->at == OFFICE_ABROAD, ctx.cfg);
	free(num);
	report_form(a, view, shown, office, lang, o->draft, ctx.cfg);
	struct tset *ts = &o->sets[lang];
	struct md_auto esc = {0};
	pthread_mutex_lock(&run->tmpl_mu);
	int rendered = mst_render_kept(ts->report, view, load_partial, ts, md_escape_auto, &esc,
	                               &ts->kept, &j->md, &err);
	pthread_mutex_unlock(&run->tmpl_mu);
	if (!rendered) {
		j->render_err = xasprintf("debrief: %s/%s\n", ts->dir, err);
		free(err);
		goto out;
	}
	if (o->want_pdf)
		make_pdf(run, r, lang, j);
out:
	free(src.data);
	arena_free(a);
	diags_free(&dq);
	record_free(r);
}

static void
rjob_free(struct rjob *j)
{
	diags_free(&j->cd);
	strlist_free(&j->cfg_said);
	strlist_free(&j->said);
	free(j->id);
	free(j->tset_err);
	free(j->render_err);
	buf_free(&j->md);
	buf_free(&j->pdf);
	free(j->pdf_err);
	strlist_free(&j->warn);
	memset(j, 0, sizeof *j);
}

/* Write DIR/<id>.md and DIR/<id>.pdf. */
static int
write_outputs(struct report_opts *o, struct rjob *j, const char *name)
{
	char *err = NULL;
	int ok = 1;
	char *mdname = xasprintf("%s.md", j->id);
	char *pdfname = xasprintf("%s.pdf", j->id);
	if (o->want_md && !fs_write_batched(o->outdir, mdname, j->md.data, j->md.len, &err)) {
		escape_eprintf("debrief: %s\n", err);
		ok = 0;
	}
	if (ok && o->want_pdf) {
		if (j->pdf_err ||
		    !fs_write_batched(o->outdir, pdfname, j->pdf.data, j->pdf.len, &err)) {
			escape_eprintf("debrief: %s: %s\n", name, j->pdf_err ? j->pdf_err : err);
			ok = 0;
		}
		for (size_t i = 0; i < j->warn.n; i++)
			escape_eprintf("debrief: %s: %s\n", name, j->warn.v[i]);
	}
	free(err);
	free(mdname);
	free(pdfname);
	return ok;
}

/* Say what one record's work found and write its files, in input order:
 * whether its id is taken depends on the records before it.  Counts 1
 * when its files were written, 2 when they were but the record has no
 * usable date; a record that cannot be read, or has no usable id, gets
 * its findings on stderr and no file. */
static void
report_commit(void *vrun, size_t idx)
{
	struct report_run *run = vrun;
	struct report_opts *o = run->o;
	struct rjob *j = &run->jobs[idx];
	const char *name = fs_shown(j->path);
	enum lang lang = o->ctx.lang; /* of messages: the run's */
	int ok = 0;
	const char *slash = strrchr(j->path, '/');
	size_t dlen = slash ? (size_t)(slash - j->path) : 0;
	if (j->unread) {
		for (size_t i = 0; i < j->said.n; i++)
			escape_eprintf("%s", j->said.v[i]);
		if (j->cfg_said.n || j->cd.n) {
			run->held =
			    xgrow(run->held, &run->capheld, run->nheld + 1, sizeof *run->held);
			struct held *h = &run->held[run->nheld++];
			h->dir = xstrndup(j->path, dlen);
			h->said = j->cfg_said;
			h->cd = j->cd;
			memset(&j->cfg_said, 0, sizeof j->cfg_said);
			j->cd = (struct diags)DIAGS_INIT;
		}
		goto out;
	}
	for (size_t k = 0; k < run->nheld; k++) {
		struct held *h = &run->held[k];
		if (strlen(h->dir) != dlen || strncmp(h->dir, j->path, dlen))
			continue;
		for (size_t i = 0; i < h->said.n; i++)
			escape_eprintf("%s", h->said.v[i]);
		diag_eprint(&h->cd, 0);
		free(h->dir);
		strlist_free(&h->said);
		diags_free(&h->cd);
		run->held[k--] = run->held[--run->nheld];
	}
	for (size_t i = 0; i < j->cfg_said.n; i++)
		escape_eprintf("%s", j->cfg_said.v[i]);
	diag_eprint(&j->cd, 0);
	/* a record whose id an earlier one has gets no report: what its
	 * report would have left blank is not said */
	size_t taken = SIZE_MAX;
	for (size_t i = 0; !j->failed && taken == SIZE_MAX && i < o->ids.n; i++)
		if (!strcmp(o->ids.v[i], j->id))
			taken = i;
	size_t nsaid = j->failed || taken == SIZE_MAX ? j->said.n : j->said_record;
	for (size_t i = 0; i < nsaid; i++)
		escape_eprintf("%s", j->said.v[i]);
	if (!j->cfg) /* named, as a record that cannot be read is */
		escape_eprintf(
		    "debrief: %s: %s\n", name,
		    L(lang,
		      "không lập báo cáo: không đọc được tệp cấu hình (.debrief.yaml) áp "
		      "dụng cho tệp này",
		      "no report: the configuration (.debrief.yaml) that applies to it "
		      "cannot be read"));
	if (j->failed)
		goto out;
	if (taken != SIZE_MAX) {
		struct diags dd = DIAGS_INIT;
		collection_duplicate(&dd, name, j->id_mark, j->id, o->files.v[taken], lang);
		diag_eprint(&dd, 0);
		diags_free(&dd);
		goto out;
	}
	if (j->tset_err) {
		escape_eprintf("debrief: %s\n", j->tset_err);
		goto out;
	}
	if (j->no_office && !o->told_no_office) {
		o->told_no_office = 1;
		escape_eprintf(
		    "debrief: %s: %s\n", name,
		    L(lang,
		      "chưa có hồ sơ cơ quan (office: trong .debrief.yaml): báo cáo để trống "
		      "tên cơ quan, số, địa danh và người ký",
		      "no office profile (office: in .debrief.yaml): the report leaves the "
		      "issuing body, number, place and signer blank"));
	}
	if (j->render_err) {
		fputs(j->render_err, stderr);
		goto out;
	}
	ok = write_outputs(o, j, name);
	if (ok) {
		strlist_push(&o->ids, j->id);
		strlist_push(&o->files, name);
	}
	if (ok && j->partial)
		ok = 2; /* written, but without what the record gives wrongly */
	if (ok && !j->dated) {
		/* written, but it cannot say when the visit was: not a clean run */
		fprintf(stderr, "debrief: %s: %s\n", name,
		        L(lang,
		          "ngày của chuyến đi không dùng được; báo cáo ghi thời gian là chưa rõ",
		          "the visit's dates are unusable; the report gives the date as unknown"));
		ok = 2;
	}
out:
	run->written += ok > 0;
	if (!ok)
		run->rc = EXIT_USAGE;
	else if (ok == 2 && run->rc == EXIT_OK)
		run->rc = EXIT_FINDINGS;
	rjob_free(j);
}

/* Each report takes its memory (its tree, layout, display list,
 * libharu's objects) and gives it back when done, and the next asks for
 * as much again: past glibc's thresholds, which start at 128 KB, the top
 * of the heap went back to the system after a report and was faulted in
 * again page by page by the next (9,000 page faults over 1,000 generated
 * records; 3,000 with these).  Peak memory is the same: this is memory a
 * report has already used. */
static void
keep_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

int
cmd_report(int argc, char **argv)
{
	struct report_opts o;
	memset(&o, 0, sizeof o);
	const struct cli_opt own[] = {{"templates", 0, 0, &o.templates, NULL, NULL, NULL},
	                              {"draft", 0, 1, &o.draft, NULL, NULL, NULL},
	                              {NULL, 0, 0, NULL, NULL, NULL, NULL}};
	struct cli c = {.cmd = "report",
	                .usage = usage,
	                .common =
	                    CLI_OUTPUT | CLI_FORMAT | CLI_LANG | CLI_TODAY | CLI_CONFIG | CLI_JOBS,
	                .formats = "md, pdf, md,pdf",
	                .format_list = 1,
	                .own = own};
	int rc = cli_parse(&c, argc, argv);
	if (rc >= 0)
		return rc;
	rc = EXIT_OK;
	o.outdir = c.output;
	o.want_md = !c.format || cli_format_has(c.format, "md");
	o.want_pdf = !c.format || cli_format_has(c.format, "pdf");
	o.lang = c.lang;
	o.lang_forced = c.lang_given;
	const char *config = c.config;
	if (!o.outdir || c.next >= argc)
		return cli_error(&c, "cần -o DIR và ít nhất một FILE",
		                 "-o DIR and at least one FILE are needed", NULL);
	if (!cli_today(&c, &o.ctx.today))
		return EXIT_USAGE;
	if (o.want_pdf)
		cli_warn_undated(&c);
	o.ctx.lang = o.lang_forced ? o.lang : LANG_VI;
	fs_set_lang(o.ctx.lang);
	o.ctx.cfg = &o.cfg;
	char *err = NULL;
	struct diags all = DIAGS_INIT;
	struct strlist cfg_said = {0};
	if (!config_for_said(config, argv[c.next], o.ctx.lang, &o.cfg, &all, &cfg_said)) {
		/* Given with --config, or when standard input is read (which
		 * takes the run's), it is the run's: no report can be made.
		 * Found beside the first records, it is theirs, as any other
		 * directory's: they are refused with its message, and the
		 * others reported, whatever the order of the paths. */
		int run_wide = config != NULL;
		for (int k = c.next; k < argc; k++)
			run_wide |= !strcmp(argv[k], "-");
		if (run_wide) {
			for (size_t k = 0; k < cfg_said.n; k++)
				escape_eprintf("%s", cfg_said.v[k]);
			strlist_free(&cfg_said);
			config_free(&o.cfg);
			diags_free(&all);
			return EXIT_USAGE;
		}
		diags_free(&all);
		all = (struct diags)DIAGS_INIT;
		config_free(&o.cfg);
		config_default(&o.cfg);
	}
	strlist_free(&cfg_said);
	diag_eprint(&all, 0); /* problems of the configuration itself */
	if (!fs_mkdirs(o.outdir, &err)) {
		escape_eprintf("debrief: %s\n", err);
		free(err);
		config_free(&o.cfg);
		diags_free(&all);
		return EXIT_USAGE;
	}

	o.cs = config ? NULL : config_set_new(&o.cfg);
	/* what a killed run left; a run writing here now keeps its own */
	fs_sweep_temps(o.outdir, NULL, 0, 60);
	struct strlist files = {0};
	if (cli_files(&c, argc, argv, &files, NULL))
		rc = EXIT_USAGE;
	struct report_run run;
	memset(&run, 0, sizeof run);
	run.o = &o;
	run.jobs = xcalloc(files.n ? files.n : 1, sizeof *run.jobs);
	pthread_mutex_init(&run.tmpl_mu, NULL);
	pthread_mutex_init(&run.pdf_mu, NULL);
	run.rc = rc;
	for (size_t i = 0; i < files.n; i++) {
		struct rjob *j = &run.jobs[i];
		j->path = files.v[i];
		/* each record's nearest configuration, asked in input order;
		 * what asking says is said with the record */
		if (o.cs && strcmp(j->path, "-")) {
			config_set_say_into(o.cs, &j->cfg_said);
			j->cfg = config_set_for(o.cs, j->path, o.ctx.lang, &j->cd);
			config_set_say_into(o.cs, NULL);
			if (!j->cfg)
				config_finding_said(&j->cd);
		} else {
			j->cfg = &o.cfg;
		}
	}
	keep_memory();
	par_run(files.n, c.jobs, par_ahead(c.jobs, PAR_AHEAD_LARGE), &run, report_work,
	        report_commit);
	if (!fs_sync_batch(&err)) { /* the reports are on disk once this returns */
		escape_eprintf("debrief: %s\n", err);
		free(err);
		err = NULL;
		run.rc = EXIT_USAGE;
	}
	pthread_mutex_destroy(&run.tmpl_mu);
	pthread_mutex_destroy(&run.pdf_mu);
	for (size_t k = 0; k < run.npdf_idle; k++)
		pdf_ctx_free(run.pdf_idle[k]);
	free(run.pdf_idle);
	for (size_t k = 0; k < run.nheld; k++) { /* never read: never said */
		free(run.held[k].dir);
		strlist_free(&run.held[k].said);
		diags_free(&run.held[k].cd);
	}
	free(run.held);
	free(run.jobs);
	rc = run.rc;
	size_t written = run.written;
	fprintf(stderr,
	        L(o.ctx.lang, "debrief: đã lập %zu/%zu báo cáo%s trong %s\n",
	          "debrief: %zu of %zu %s written to %s\n"),
	        written, files.n, L(o.ctx.lang, "", PL(files.n, "report", "reports")), o.outdir);
	strlist_free(&files);
	strlist_free(&o.ids);
	strlist_free(&o.files);
	tset_free(&o.sets[0]);
	tset_free(&o.sets[1]);
	config_set_free(o.cs);
	config_free(&o.cfg);
	diags_free(&all);
	return rc;
}
