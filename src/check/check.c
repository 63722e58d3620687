/*
 * check.c: `debrief check`: reads every record named on the command line
 * (files, directories walked in sorted order, "-"), runs the loader, the
 * schema, the record rules and the collection rules, applies configuration
 * and waivers, and prints the findings in the chosen format.  It decides
 * the exit status; it never decides a finding.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "date.h"
#include "debrief.h"
#include "diag_out.h"
#include "escape.h"
#include "fsutil.h"
#include "load.h"
#include "collection.h"
#include "par.h"
#include "rules.h"
#include "schema.h"
#include "strmap.h"
#include "xalloc.h"

static const char usage[] =
    "usage: debrief check [--format text|json|sarif|github|junit]\n"
    "                     [--fail-on error|warning|info|never]\n"
    "                     [--min-severity error|warning|info] [--today YYYY-MM-DD]\n"
    "                     [--config FILE] [--stdin-filename NAME] [--lang vi|en]\n"
    "                     [-j|--jobs N] [--verbose] PATH...\n"
    "       debrief check --help\n";

/* One file of the run, in output order. */
struct input {
	const char *path;         /* as given or walked; "-" for standard input */
	const char *name;         /* in findings: path, --stdin-filename or "<stdin>" */
	size_t index;             /* output order */
	struct strlist *waived;   /* rule ids its record waives, for collection findings */
	double secs;              /* time spent reading and checking it */
	unsigned error;           /* 1 + its index in the run's errors; 0 when it was read */
	const char *unread;       /* why the walk that found it could not read it, or NULL */
	const struct config *cfg; /* its configuration; NULL: the run's */
	unsigned char *found;     /* its findings about itself, packed (struct held) */
	unsigned nfound;
	size_t seq0; /* the place of its first finding in the run's */
};

static int
cmp_input_name(const void *a, const void *b)
{
	const struct input *const *x = a, *const *y = b;
	return strcmp((*x)->name, (*y)->name);
}

/* The inputs sorted by name, to find a finding's file. */
struct by_name {
	struct input **v;
	size_t n;
};

static struct input *
input_find(const struct by_name *bn, const char *name)
{
	size_t lo = 0, hi = bn->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(bn->v[mid]->name, name);
		if (!c)
			return bn->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The findings of the run, held until the collection's are known: those
 * go among each file's own, so no file's can be written before.  Held
 * compactly, as a large repository's findings are many and alike: a
 * record's findings about itself are packed in one block of bytes
 * (struct input: found), sorted, each its line, column, severity, rule
 * and message, the file being the record's, the rule (with its guidance)
 * and the message an index into the run's table of each, which keeps a
 * text once however many findings say it.  Findings about another file
 * (a configuration's) and the collection's stay whole, in `other`. */
struct held {
	const char **rule, **guidance; /* static; rule k has guidance k */
	size_t nrule, caprule, capguid;
	struct strmap msgs; /* message → index in msg */
	const char **msg;   /* in the blocks below */
	size_t nmsg, capmsg;
	char **blocks; /* where the messages are, owned */
	size_t nblocks, capblocks;
	char *at; /* the last block, filled from its end */
	size_t room;
	struct diag_keyed *other; /* owned */
	size_t nother, capother;
	size_t seq;            /* findings so far, in order of arrival */
	enum sev min, fail;    /* --min-severity, --fail-on */
	const char *cfg;       /* the run's configuration file, or NULL */
	int fails, cfg_said;   /* a finding at --fail-on; one about cfg */
	struct diags scratch;  /* one group, as diag_out asks for it */
	unsigned char *packed; /* one record's, while it is packed */
	size_t cappacked;
};

static void
put_num(struct held *h, size_t *len, size_t v)
{
	h->packed = xgrow(h->packed, &h->cappacked, *len + 10, 1);
	do {
		h->packed[(*len)++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
}

static size_t
get_num(const unsigned char **p)
{
	size_t v = 0;
	for (int shift = 0;; shift += 7) {
		unsigned char c = *(*p)++;
		v |= (size_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
}

static size_t
held_rule(struct held *h, const char *rule, const char *guidance)
{
	for (size_t k = h->nrule; k-- > 0;)
		if (h->rule[k] == rule && h->guidance[k] == guidance)
			return k;
	h->rule = xgrow(h->rule, &h->caprule, h->nrule + 1, sizeof *h->rule);
	h->guidance = xgrow(h->guidance, &h->capguid, h->nrule + 1, sizeof *h->guidance);
	h->rule[h->nrule] = rule;
	h->guidance[h->nrule] = guidance;
	return h->nrule++;
}

/* Room for n bytes in the message blocks; a long text gets its own. */
static char *
held_room(struct held *h, size_t n)
{
	enum { BLOCK = 65536 };
	if (n <= h->room) {
		h->room -= n;
		return h->at + h->room;
	}
	h->blocks = xgrow(h->blocks, &h->capblocks, h->nblocks + 1, sizeof *h->blocks);
	char *b = h->blocks[h->nblocks++] = xmalloc(n > BLOCK / 4 ? n : BLOCK);
	if (n > BLOCK / 4)
		return b;
	h->at = b;
	h->room = BLOCK - n;
	return h->at + h->room;
}

/* The index of msg (len bytes, strmap_hash h) in the run's messages,
 * added when new. */
static size_t
held_msg(struct held *h, const char *msg, size_t len, size_t hash)
{
	struct strmap_slot *sl = strmap_find_hashed(&h->msgs, msg, len, hash);
	if (sl)
		return sl->idx;
	char *s = memcpy(held_room(h, len + 1), msg, len + 1);
	h->msg = xgrow(h->msg, &h->capmsg, h->nmsg + 1, sizeof *h->msg);
	h->msg[h->nmsg] = s;
	strmap_add_hashed(&h->msgs, s, len, hash, h->nmsg);
	return h->nmsg++;
}
/* The place of a file among the run's (struct diag_keyed). */
static size_t
file_key(const struct by_name *bn, const char *cfg, const char *file)
{
	const struct input *in = input_find(bn, file);
	return in ? in->index + 1 : cfg && !strcmp(cfg, file) ? 0 : (size_t)-1;
}

/* Whether d is shown (--min-severity), noting what the run learns of it. */
static int
held_keep(struct held *h, const struct diag *d)
{
	if (d->sev == SEV_OFF || d->sev < h->min)
		return 0;
	h->fails |= d->sev >= h->fail;
	h->cfg_said |= h->cfg && !strcmp(h->cfg, d->file);
	return 1;
}

/* A finding held whole: about another file than its record, or the
 * collection's.  Takes d's strings. */
static void
held_other(struct held *h, const struct by_name *bn, struct diag d)
{
	size_t seq = h->seq++;
	if (!held_keep(h, &d)) {
		free(d.file);
		free(d.msg);
		return;
	}
	h->other = xgrow(h->other, &h->capother, h->nother + 1, sizeof *h->other);
	h->other[h->nother++] = (struct diag_keyed){file_key(bn, h->cfg, d.file), seq, d};
}

/* Record in's findings, all of dq (emptied), in order of arrival. */
static void
held_record(struct held *h, const struct by_name *bn, struct input *in, struct diags *dq)
{
	/* the record's own, in output order: a file's place is its name's */
	int own = input_find(bn, in->name) == in;
	struct diag_keyed *k = xcalloc(dq->n + 1, sizeof *k);
	/* each message's length and hash, by its place in dq: the table of
	 * messages is large and scattered, so each one's slot, then its key,
	 * is asked of memory for all of them before any is looked up */
	size_t *lh = xmalloc(2 * (dq->n + 1) * sizeof *lh);
	size_t nk = 0;
	in->seq0 = h->seq;
	for (size_t i = 0; i < dq->n; i++) {
		struct diag *d = &dq->v[i];
		if (!own || strcmp(d->file, in->name)) {
			held_other(h, bn, *d);
			continue;
		}
		size_t seq = h->seq++;
		if (held_keep(h, d)) {
			k[nk++] = (struct diag_keyed){0, seq, *d};
			lh[2 * i] = strlen(d->msg);
			lh[2 * i + 1] = strmap_hash(d->msg, lh[2 * i]);
			strmap_prefetch(&h->msgs, lh[2 * i + 1], 0);
		} else {
			free(d->file);
			free(d->msg);
		}
	}
	if (nk > 1)
		qsort(k, nk, sizeof *k, diag_cmp_keyed);
	for (size_t i = 0; i < nk; i++) /* seq - seq0: the finding's place in dq */
		strmap_prefetch(&h->msgs, lh[2 * (k[i].seq - in->seq0) + 1], 1);
	size_t len = 0;
	for (size_t i = 0; i < nk; i++) {
		const struct diag *d = &k[i].d;
		const size_t *m = &lh[2 * (k[i].seq - in->seq0)];
		put_num(h, &len, d->mark.line);
		put_num(h, &len, d->mark.col);
		put_num(h, &len, (size_t)d->sev);
		put_num(h, &len, held_rule(h, d->rule, d->guidance));
		put_num(h, &len, held_msg(h, d->msg, m[0], m[1]));
		free(d->file);
		free(d->msg);
	}
	in->found = len ? memcpy(held_room(h, len), h->packed, len) : NULL;
	in->nfound = (unsigned)nk;
	free(lh);
	free(k);
	free(dq->v);
	*dq = (struct diags)DIAGS_INIT;
}

/* Every finding is in: the groups diag_out asks for, one per file with
 * findings, in output order. */
struct held_group {
	size_t rec;    /* the input whose own they are; SIZE_MAX: none */
	size_t o0, o1; /* and these of other */
};

struct held_out {
	struct held *h;
	const struct input *in;
	struct held_group *g; /* owned */
	size_t n;
};

static void
held_groups(struct held_out *ho, size_t nin)
{
	struct held *h = ho->h;
	if (h->nother > 1)
		qsort(h->other, h->nother, sizeof *h->other, diag_cmp_keyed);
	ho->g = xcalloc(nin + h->nother + 1, sizeof *ho->g);
	size_t o = 0;
	while (o < h->nother && h->other[o].file == 0)
		o++;
	if (o)
		ho->g[ho->n++] = (struct held_group){(size_t)-1, 0, o};
	for (size_t i = 0; i < nin; i++) {
		size_t o1 = o;
		while (o1 < h->nother && h->other[o1].file == i + 1)
			o1++;
		if (ho->in[i].nfound || o1 > o)
			ho->g[ho->n++] = (struct held_group){i, o, o1};
		o = o1;
	}
	while (o < h->nother) {
		size_t o1 = o + 1;
		while (o1 < h->nother && !strcmp(h->other[o1].d.file, h->other[o].d.file))
			o1++;
		ho->g[ho->n++] = (struct held_group){(size_t)-1, o, o1};
		o = o1;
	}
}

static const char *
held_name(void *ctx, size_t k)
{
	const struct held_out *ho = ctx;
	const struct held_group *g = &ho->g[k];
	return g->rec != (size_t)-1 ? ho->in[g->rec].name : ho->h->other[g->o0].d.file;
}

/* Group k: the record's own findings, unpacked, and the others about its
 * file merged in. */
static void
held_get(void *ctx, size_t k, struct diags *dq)
{
	const struct held_out *ho = ctx;
	struct held *h = ho->h;
	const struct held_group *g = &ho->g[k];
	const struct input *in = g->rec != (size_t)-1 ? &ho->in[g->rec] : NULL;
	size_t nb = in ? in->nfound : 0, n = 0;
	struct diags *v = &h->scratch;
	v->v = xgrow(v->v, &v->cap, nb + (g->o1 - g->o0) + 1, sizeof *v->v);
	const unsigned char *p = in ? in->found : NULL;
	size_t o = g->o0;
	for (size_t a = 0; a < nb; a++) {
		struct diag d;
		d.file = (char *)in->name;
		d.mark.line = (unsigned)get_num(&p);
		d.mark.col = (unsigned)get_num(&p);
		d.sev = (enum sev)get_num(&p);
		size_t r = get_num(&p);
		d.rule = h->rule[r];
		d.guidance = h->guidance[r];
		d.msg = (char *)h->msg[get_num(&p)];
		/* ties go by arrival: the record's own came in one run */
		while (o < g->o1) {
			int c = diag_cmp_place(&h->other[o].d, &d);
			if (c > 0 || (!c && h->other[o].seq > in->seq0))
				break;
			v->v[n++] = h->other[o++].d;
		}
		v->v[n++] = d;
	}
	while (o < g->o1)
		v->v[n++] = h->other[o++].d;
	v->n = n;
	*dq = *v;
}

static void
held_free(struct held *h)
{
	for (size_t i = 0; i < h->nblocks; i++)
		free(h->blocks[i]);
	free(h->blocks);
	for (size_t i = 0; i < h->nother; i++) {
		free(h->other[i].d.file);
		free(h->other[i].d.msg);
	}
	free(h->other);
	free(h->msg);
	strmap_free(&h->msgs);
	free(h->rule);
	free(h->guidance);
	free(h->scratch.v);
	free(h->packed);
}

/* Options the user gave, before they are checked. */
struct check_opts {
	struct cli cli; /* the common ones: --format, --lang, --today, --config */
	enum out_format format;
	enum sev fail_on;      /* SEV_OFF: never */
	enum sev min_severity; /* findings below are not shown */
	const char *stdin_name;
	const char *config;
	enum lang lang;
	int verbose; /* say which configuration each file gets */
	int jobs;    /* threads reading and checking records */
};

static int
fail_on_ok(const char *v, void *dst)
{
	enum sev *s = dst;
	if (!strcmp(v, "never")) {
		*s = SEV_OFF;
		return 1;
	}
	return sev_parse(v, s) && *s != SEV_OFF;
}

static int
min_severity_ok(const char *v, void *dst)
{
	enum sev *s = dst;
	return sev_parse(v, s) && *s != SEV_OFF;
}

static int
name_ok(const char *v, void *dst)
{
	*(const char **)dst = v;
	return *v != '\0';
}

/* Parse the options; -1 to go on, else the exit status. */
static int
parse_opts(int argc, char **argv, struct check_opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = OUT_TEXT;
	o->fail_on = SEV_ERROR;
	o->min_severity = SEV_INFO;
	const struct cli_opt own[] = {
	    {"fail-on", 0, 0, &o->fail_on, fail_on_ok,
	     "mức --fail-on không hợp lệ '%s' (error, warning, info, never)",
	     "unknown --fail-on level '%s' (error, warning, info, never)"},
	    {"min-severity", 0, 0, &o->min_severity, min_severity_ok,
	     "mức --min-severity không hợp lệ '%s' (error, warning, info)",
	     "unknown --min-severity level '%s' (error, warning, info)"},
	    {"stdin-filename", 0, 0, &o->stdin_name, name_ok,
	     "--stdin-filename cần một tên không rỗng", "--stdin-filename needs a non-empty name"},
	    {"verbose", 0, 1, &o->verbose, NULL, NULL, NULL},
	    {NULL, 0, 0, NULL, NULL, NULL, NULL}};
	o->cli = (struct cli){.cmd = "check",
	                      .usage = usage,
	                      .common = CLI_FORMAT | CLI_LANG | CLI_TODAY | CLI_CONFIG | CLI_JOBS,
	                      .formats = "text, json, sarif, github, junit",
	                      .own = own};
	int rc = cli_parse(&o->cli, argc, argv);
	if (rc < 0)
		rc = cli_paths(&o->cli, argc);
	if (rc < 0 && o->stdin_name) {
		/* a name for standard input when none is read would be
		 * dropped unsaid: the editor's command lacks its "-" */
		int dash = 0;
		for (int k = o->cli.next; k < argc; k++)
			dash |= !strcmp(argv[k], "-");
		if (!dash)
			rc = cli_error(
			    &o->cli,
			    "--stdin-filename đặt tên cho đầu vào chuẩn, nhưng không có '-' "
			    "trong các đường dẫn",
			    "--stdin-filename names standard input, but no '-' is among the "
			    "paths",
			    NULL);
	}
	if (o->cli.format)
		out_format_parse(o->cli.format, &o->format);
	o->lang = o->cli.lang;
	o->config = o->cli.config;
	o->jobs = o->cli.jobs;
	return rc;
}

/* One record between its work (any thread) and its commit (in order). */
struct check_rec {
	char *err;                /* why it could not be read; NULL when it was */
	const struct config *cfg; /* its configuration; NULL when that failed */
	struct diags dq;          /* its findings, configuration and waivers applied */
	struct record *r;         /* until the collection has its summary */
	struct strlist cfg_said;  /* what loading its configuration said */
	struct strlist said;      /* what --verbose says of it */
	int looked;               /* its configuration is known (or not needed) */
};

/* A directory whose configuration a record in it has looked up. */
struct check_dir {
	char *dir; /* owned */
	const struct config *cfg;
};

struct check_run {
	const struct check_opts *o;
	struct input *in;
	const struct config *cfg; /* the run's */
	struct config_set *cs;    /* NULL: --config, the run's for every file */
	const struct load_limits *lim;
	struct date today;
	/* Records between their work and their commit: record i in
	 * recs[i % nrecs], more than par_run works ahead, each emptied
	 * (under cfg_mu) once committed. */
	struct check_rec *recs;
	size_t nrecs;
	/* A directory's configuration is looked up first in input order, as
	 * on one thread: which record a configuration's problems come with
	 * never depends on the threads.  Later records of a directory take
	 * what it found without waiting. */
	pthread_mutex_t cfg_mu;
	pthread_cond_t cfg_cv;
	size_t cfg_turn; /* the first record whose configuration is not known */
	size_t n;        /* records */
	struct check_dir *dirs;
	size_t ndirs, capdirs;
	struct collection *coll;
	struct held *held;        /* the run's findings */
	const struct by_name *bn; /* the inputs by name */
	struct strlist *errors;   /* the run's unreadable files */
	int io_failed, no_office;
	size_t nread;
};

/* The configuration of record i, looked up in input order (see
 * check_run); NULL when it failed or the record was not read (read 0). */
static const struct config *
check_config(struct check_run *run, size_t i, int read)
{
	const struct input *in = &run->in[i];
	struct check_rec *rec = &run->recs[i % run->nrecs];
	const struct config *fc = run->cfg;
	pthread_mutex_lock(&run->cfg_mu);
	if (read && run->cs && strcmp(in->path, "-")) {
		const char *slash = strrchr(in->path, '/');
		char *dir =
		    slash ? xstrndup(in->path, (size_t)(slash - in->path) + (slash == in->path))
		          : xstrdup(".");
		size_t k = run->ndirs; /* records come directory by directory */
		while (k > 0 && strcmp(run->dirs[k - 1].dir, dir))
			k--;
		if (k > 0) {
			fc = run->dirs[k - 1].cfg;
			free(dir);
		} else {
			/* Records are handed out in order, so every one before
			 * this is being read or looked up: the turn always comes.
			 * A configuration's own findings and messages go with the
			 * first record read that meets it, before that record's. */
			while (run->cfg_turn != i)
				pthread_cond_wait(&run->cfg_cv, &run->cfg_mu);
			config_set_say_into(run->cs, &rec->cfg_said);
			fc = config_set_for(run->cs, in->path, run->o->lang, &rec->dq);
			config_set_say_into(run->cs, NULL);
			run->dirs =
			    xgrow(run->dirs, &run->capdirs, run->ndirs + 1, sizeof *run->dirs);
			run->dirs[run->ndirs++] = (struct check_dir){dir, fc};
		}
	}
	rec->looked = 1;
	while (run->cfg_turn < run->n && run->recs[run->cfg_turn % run->nrecs].looked)
		run->cfg_turn++;
	pthread_cond_broadcast(&run->cfg_cv);
	pthread_mutex_unlock(&run->cfg_mu);
	return read ? fc : NULL;
}

/* Record i's bytes are read: its configuration, before it is loaded. */
struct check_one {
	struct check_run *run;
	size_t i;
	size_t from; /* its findings from here on are the record's own */
};

static int
check_before(void *vc, const char *data, size_t len, struct record **r, struct diags *dq)
{
	struct check_one *c = vc;
	struct check_rec *rec = &c->run->recs[c->i % c->run->nrecs];
	rec->cfg = check_config(c->run, c->i, 1);
	c->from = rec->dq.n;
	return rec->cfg != NULL;
}

/* Read, load and check record i; nothing is said or kept run-wide here. */
static void
check_work(void *vrun, size_t i)
{
	struct check_run *run = vrun;
	const struct check_opts *o = run->o;
	struct input *in = &run->in[i];
	struct check_rec *rec = &run->recs[i % run->nrecs];
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct check_one c = {run, i, 0};
	struct schema_src src = {.path = in->path,
	                         .name = in->name,
	                         .lim = run->lim,
	                         .today = run->today,
	                         .lang = o->lang,
	                         .before = check_before,
	                         .ctx = &c};
	struct record *r;
	if (in->unread) { /* reported as any file that cannot be read */
		rec->err = xstrdup(in->unread);
		check_config(run, i, 0);
		return;
	}
	int got = schema_file(&src, &r, &rec->dq, &rec->err);
	if (got < 0)
		check_config(run, i, 0);
	if (got <= 0)
		return;
	const struct config *fc = rec->cfg;
	if (o->verbose)
		strlist_push(&rec->said, config_name(fc, o->lang));
	struct check_ctx fctx = {run->today, o->lang, fc};
	if (r)
		rules_check(r, &fctx, &rec->dq);
	rules_apply(&rec->dq, c.from, r, fc);
	rec->r = r;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	in->secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* A record in input order: its messages, findings and summary. */
static void
commit_rec(struct check_run *run, struct input *in, struct check_rec *rec)
{
	if (rec->err) {
		escape_eprintf("debrief: %s: %s\n", in->name, rec->err);
		strlist_push(run->errors, rec->err);
		in->error = (unsigned)run->errors->n;
		free(rec->err);
		run->io_failed = 1;
		return;
	}
	for (size_t k = 0; k < rec->cfg_said.n; k++)
		escape_eprintf("%s", rec->cfg_said.v[k]);
	strlist_free(&rec->cfg_said);
	held_record(run->held, run->bn, in, &rec->dq);
	if (!rec->cfg) { /* not checked: a failure of the file in every format */
		const char *why =
		    L(run->o->lang,
		      "chưa được kiểm tra: không đọc được tệp cấu hình (.debrief.yaml) áp dụng cho "
		      "tệp này",
		      "not checked: the configuration (.debrief.yaml) that applies to it cannot be "
		      "read");
		/* named on standard error, as a file that cannot be read is */
		escape_eprintf("debrief: %s: %s\n", in->name, why);
		strlist_push(run->errors, why);
		in->error = (unsigned)run->errors->n;
		run->io_failed = 1;
		return;
	}
	for (size_t k = 0; k < rec->said.n; k++)
		escape_eprintf("debrief: %s: %s %s\n", in->name,
		               L(run->o->lang, "cấu hình", "configuration"), rec->said.v[k]);
	strlist_free(&rec->said);
	in->cfg = rec->cfg;
	run->no_office |= !rec->cfg->office.given;
	run->nread++;
	struct record *r = rec->r;
	/* The collection keeps a summary; the record goes now, so memory
	 * does not grow with the records of a large repository.  The file
	 * is named by the input's name, which lives as long as the run. */
	if (r)
		r->file = in->name;
	collection_add(run->coll, r);
	for (size_t w = 0; r && w < r->nwaivers; w++)
		if (r->waivers[w].rule.s) {
			if (!in->waived)
				in->waived = xcalloc(1, sizeof *in->waived);
			strlist_push(in->waived, r->waivers[w].rule.s);
		}
	record_free(r);
	rec->r = NULL;
}

static void
check_commit(void *vrun, size_t i)
{
	struct check_run *run = vrun;
	struct check_rec *rec = &run->recs[i % run->nrecs];
	commit_rec(run, &run->in[i], rec);
	/* its place is record i + nrecs's; check_config reads it meanwhile */
	pthread_mutex_lock(&run->cfg_mu);
	memset(rec, 0, sizeof *rec);
	pthread_mutex_unlock(&run->cfg_mu);
}

/* An editor that pipes its buffer under the file's name, beside a
 * directory that holds the file ("--stdin-filename records/a.yaml -
 * records/"), checks the buffer within the collection: the copy on disk,
 * older than the buffer, is left out instead of read as a second record
 * (which would have the buffer's id, "already used by" itself).  A file
 * that could not be read stays, to be reported. */
static void
drop_piped_file(struct strlist *files, const struct fs_unread *unread, const char *name)
{
	struct stat want, st;
	int piped = 0;
	for (size_t i = 0; i < files->n; i++)
		piped |= !strcmp(files->v[i], "-");
	if (!piped || !name || stat(name, &want) != 0 || !S_ISREG(want.st_mode))
		return;
	size_t k = 0;
	for (size_t i = 0; i < files->n; i++) {
		int unreadable = 0;
		for (size_t u = 0; u < unread->path.n && !unreadable; u++)
			unreadable = !strcmp(unread->path.v[u], files->v[i]);
		if (strcmp(files->v[i], "-") && !unreadable && stat(files->v[i], &st) == 0 &&
		    st.st_dev == want.st_dev && st.st_ino == want.st_ino) {
			free(files->v[i]);
			continue;
		}
		files->v[k++] = files->v[i];
	}
	files->n = k;
}

int
cmd_check(int argc, char **argv)
{
	struct check_opts o;
	int pr = parse_opts(argc, argv, &o);
	if (pr >= 0)
		return pr;
	fs_set_lang(o.lang);

	int rc = EXIT_USAGE, io_failed = 0;
	int no_office = 0; /* some record has no office profile (office:) */
	struct diags dq = DIAGS_INIT, cq = DIAGS_INIT;
	struct held held = {.min = o.min_severity, .fail = o.fail_on};
	struct held_out ho = {&held, NULL, NULL, 0};
	struct strlist files = {0};
	struct input *in = NULL;
	struct by_name bn = {NULL, 0};
	struct collection *coll = NULL;
	size_t nread = 0;
	struct out_file *outfiles = NULL;
	struct strlist errors = {0};          /* why each unreadable file could not be read */
	struct fs_unread unread = {{0}, {0}}; /* what the walks could not read */
	struct buf out = BUF_INIT;
	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	struct config_set *cs = NULL;

	struct date today;
	if (!cli_today(&o.cli, &today))
		goto out;
	/* Standard input given a name is looked up as that file would be. */
	const char *first = argv[o.cli.next];
	if (!strcmp(first, "-") && o.stdin_name)
		first = o.stdin_name;
	struct strlist cfg_said = {0};
	if (!config_for_said(o.config, first, o.lang, &cfg, &dq, &cfg_said)) {
		/* Given with --config, or when standard input is read (which
		 * takes the run's), it is the run's: nothing can be checked.
		 * Found beside the records, it is theirs: each says so in
		 * every format, as for any other directory's (commit_rec), and
		 * the other records are checked. */
		int run_wide = o.config != NULL;
		for (int k = o.cli.next; k < argc; k++)
			run_wide |= !strcmp(argv[k], "-");
		if (run_wide) {
			for (size_t k = 0; k < cfg_said.n; k++)
				escape_eprintf("%s", cfg_said.v[k]);
			strlist_free(&cfg_said);
			goto out;
		}
		diags_free(&dq);
		dq = (struct diags)DIAGS_INIT;
		config_free(&cfg);
		memset(&cfg, 0, sizeof cfg);
		config_default(&cfg);
	}
	strlist_free(&cfg_said);
	struct check_ctx ctx = {today, o.lang, &cfg};
	struct load_limits lim;
	load_limits_default(&lim);
	/* without --config, each file gets the configuration nearest to it */
	cs = o.config ? NULL : config_set_new(&cfg);

	io_failed = cli_files(&o.cli, argc, argv, &files, &unread) > 0;
	drop_piped_file(&files, &unread, o.stdin_name);
	in = xcalloc(files.n ? files.n : 1, sizeof *in);
	coll = collection_new(&ctx);
	for (size_t i = 0; i < files.n; i++) {
		in[i].path = files.v[i];
		in[i].name = strcmp(files.v[i], "-") ? files.v[i]
		             : o.stdin_name          ? o.stdin_name
		                                     : "<stdin>";
		in[i].index = i;
	}
	for (size_t i = 0, k = 0; i < files.n && k < unread.path.n; i++)
		if (!strcmp(files.v[i], unread.path.v[k]))
			in[i].unread = unread.why.v[k++];
	bn.v = xcalloc(files.n ? files.n : 1, sizeof *bn.v);
	for (size_t i = 0; i < files.n; i++)
		bn.v[bn.n++] = &in[i];
	qsort(bn.v, bn.n, sizeof *bn.v, cmp_input_name);
	/* The configuration's own findings come first. */
	held.cfg = cfg.path;
	for (size_t i = 0; i < dq.n; i++)
		held_other(&held, &bn, dq.v[i]);
	free(dq.v);
	dq = (struct diags)DIAGS_INIT;
	struct check_run run = {.o = &o,
	                        .in = in,
	                        .cfg = &cfg,
	                        .cs = cs,
	                        .lim = &lim,
	                        .today = today,
	                        .cfg_mu = PTHREAD_MUTEX_INITIALIZER,
	                        .cfg_cv = PTHREAD_COND_INITIALIZER,
	                        .n = files.n,
	                        .coll = coll,
	                        .held = &held,
	                        .bn = &bn,
	                        .errors = &errors};
	size_t ahead = par_ahead(o.jobs, PAR_AHEAD_SMALL);
	run.nrecs = 2 * ahead;
	run.recs = xcalloc(run.nrecs, sizeof *run.recs);
	par_run(files.n, o.jobs, ahead, &run, check_work, check_commit);
	pthread_mutex_destroy(&run.cfg_mu);
	pthread_cond_destroy(&run.cfg_cv);
	for (size_t i = 0; i < run.ndirs; i++)
		free(run.dirs[i].dir);
	free(run.dirs);
	free(run.recs);
	io_failed |= run.io_failed;
	no_office = run.no_office;
	nread = run.nread;

	/* Collection findings get the waivers of the record they are about. */
	/* docs/rules.md: the collection rules are for check "over several files". */
	if (nread > 1)
		collection_finish(coll, &cq);
	/* Its findings own their strings: what it kept of every record can
	 * go before the findings are written. */
	collection_free(coll);
	coll = NULL;
	for (size_t i = 0; i < cq.n; i++) {
		struct diags one = DIAGS_INIT;
		one.v = xcalloc(1, sizeof *one.v);
		one.v[0] = cq.v[i];
		one.n = one.cap = 1;
		const struct input *owner = input_find(&bn, cq.v[i].file);
		rules_apply_waived(&one, 0, owner && owner->waived ? owner->waived->v : NULL,
		                   owner && owner->waived ? owner->waived->n : 0,
		                   owner && owner->cfg ? owner->cfg : &cfg);
		for (size_t j = 0; j < one.n; j++)
			held_other(&held, &bn, one.v[j]);
		free(one.v);
	}
	free(cq.v);
	cq = (struct diags)DIAGS_INIT;

	/* Files in output order, for formats with one entry per file. */
	outfiles = xcalloc(files.n + 1, sizeof *outfiles);
	size_t nout = 0;
	if (held.cfg_said)
		outfiles[nout++] = (struct out_file){cfg.path, 0, NULL};
	for (size_t i = 0; i < files.n; i++)
		outfiles[nout++] = (struct out_file){
		    in[i].name, in[i].secs, in[i].error ? errors.v[in[i].error - 1] : NULL};

	ho.in = in;
	held_groups(&ho, files.n);
	struct diag_groups groups = {ho.n, held_name, held_get, &ho};
	struct out_opts oo = {o.format, o.lang,         0, o.fail_on, nread, outfiles,
	                      nout,     o.min_severity, 0};
	oo.color = o.format == OUT_TEXT && out_color_wanted(STDOUT_FILENO);
	diag_out_groups(&out, &groups, &oo, stdout);
	if (fwrite(out.data ? out.data : "", 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "debrief: %s: %s\n",
		        L(o.lang, "không ghi được kết quả", "cannot write output"),
		        fs_strerror(errno));
		goto out;
	}

	if (no_office) /* what report will leave blank; not a finding of any record */
		fputs(
		    L(o.lang,
		      "debrief: chưa có hồ sơ cơ quan (office: trong .debrief.yaml): báo cáo sẽ để "
		      "trống tên cơ quan, số, địa danh và người ký\n",
		      "debrief: no office profile (office: in .debrief.yaml): reports will leave "
		      "the issuing body, number, place and signer blank\n"),
		    stderr);
	rc = held.fails ? EXIT_FINDINGS : EXIT_OK;
	if (io_failed)
		rc = EXIT_USAGE;
out:
	buf_free(&out);
	free(outfiles);
	free(bn.v);
	if (in)
		for (size_t i = 0; i < files.n; i++)
			if (in[i].waived) {
				strlist_free(in[i].waived);
				free(in[i].waived);
			}
	free(in);
	collection_free(coll);
	config_set_free(cs);
	strlist_free(&files);
	strlist_free(&errors);
	fs_unread_free(&unread);
	diags_free(&dq);
	diags_free(&cq);
	free(ho.g);
	held_free(&held);
	config_free(&cfg);
	return rc;
}
