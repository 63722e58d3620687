/*
 * tasks.c: `debrief tasks`: the tasks of a collection that are overdue or
 * fall due within a number of days, by locality and owner department, as
 * text, Markdown or JSON (localities under the provincial-level unit in
 * force, owners merged by case and spacing and by the configuration's
 * owner_aliases, and named as the archive's register names them): the
 * regular check on implementation that G8 asks of the local government,
 * ready for a weekly job or a mail.  It reads the records into the
 * archive's model (archive.c), where localities, departments and open
 * tasks are worked out for every output, and lists from it; it decides no
 * finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "archive_pages.h"
#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "collection.h"
#include "date.h"
#include "diag_out.h"
#include "escape.h"
#include "fsutil.h"
#include "load.h"
#include "md_escape.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

static const char usage[] =
    "usage: debrief tasks [--due-within DAYS] [--owner NAME] [--format text|json|md]\n"
    "                     [--today YYYY-MM-DD] [--config FILE] [--lang vi|en] PATH...\n"
    "       debrief tasks --help\n";

/* One task to list, copied out of its record. */
struct due_task {
	char *locality, *owner, *task, *id, *record, *file;
	char *written;      /* the owner as written (JSON); owner: its group's name */
	char *lkey, *okey;  /* folded locality and owner: the groups */
	unsigned line, col; /* where the task starts in its file */
	char due[11];       /* YYYY-MM-DD (JSON) */
	char shown[32];     /* as the language writes it in a table (date_short) */
	long days;          /* from today to the due date's last day; < 0: overdue */
	long lmost, omost;  /* the fewest days of its locality's, its owner's tasks */
	enum task_status status;
	int status_unknown; /* the record's status was rejected: neither open nor done */
	int again;          /* the task listed already under another of its departments */
};

struct due_list {
	struct due_task *v;
	size_t n, cap;
};

/* The groups: by locality, then owner, then the most overdue first. */
static int
cmp_group(const void *a, const void *b)
{
	const struct due_task *x = a, *y = b;
	int c = strcmp(x->lkey, y->lkey);
	if (!c)
		c = strcmp(x->okey, y->okey);
	if (!c && x->days != y->days)
		return x->days < y->days ? -1 : 1;
	if (!c)
		c = strcmp(x->record, y->record);
	return c ? c : strcmp(x->id, y->id);
}

/* The list: the locality with the most overdue task first, in it the
 * department with the most overdue task first, in it the most overdue
 * task first (as the archive's register puts the most overdue work
 * first); ties by name. */
static int
cmp_due(const void *a, const void *b)
{
	const struct due_task *x = a, *y = b;
	if (x->lmost != y->lmost)
		return x->lmost < y->lmost ? -1 : 1;
	int c = strcmp(x->lkey, y->lkey);
	if (c)
		return c;
	if (x->omost != y->omost)
		return x->omost < y->omost ? -1 : 1;
	return cmp_group(a, b);
}

/* Sort l: its groups found first, each task given its groups' most
 * overdue. */
static void
sort_due(struct due_list *l)
{
	if (l->n < 2)
		return;
	qsort(l->v, l->n, sizeof *l->v, cmp_group);
	for (size_t i = 0, j; i < l->n; i = j) { /* the groups are runs now */
		long most = l->v[i].days;        /* the first of a run is its most overdue */
		for (j = i; j < l->n && !strcmp(l->v[j].lkey, l->v[i].lkey); j++) {
			if (j == i || strcmp(l->v[j].okey, l->v[j - 1].okey))
				l->v[j].omost = l->v[j].days;
			else
				l->v[j].omost = l->v[j - 1].omost;
			if (l->v[j].omost < most)
				most = l->v[j].omost;
		}
		for (size_t k = i; k < j; k++)
			l->v[k].lmost = most;
	}
	qsort(l->v, l->n, sizeof *l->v, cmp_due);
}

/* What to list. */
struct want {
	long today, within;    /* days since 1970; days ahead */
	const char *owner_key; /* folded --owner, or NULL for every owner */
	const char *canon_key; /* folded department owner_aliases makes of it, or NULL */
	enum lang lang;
};

/* Task t under its k-th department, when --owner wants it there; 1 when
 * listed.  again: listed already under another of its departments. */
static int
due_add(struct due_list *l, const struct archive *a, const struct want *w, const struct arc_task *t,
        size_t k, long days, int again)
{
	const struct arc_rec *r = &a->recs[t->rec];
	const struct arc_owner *o = &a->owners[t->owner[k]];
	const struct arc_loc *loc = &a->locs[r->loc];
	const char *written = t->owner_written ? t->owner_written : "";
	/* --owner finds a task by the name written (of that department) or by
	 * its department's (another name of it, owner_aliases), and, typed as
	 * another name of a department, every task of that department; the
	 * JSON keeps the one written */
	if (w->owner_key) {
		const char *body = t->owner_body[k] ? t->owner_body[k] : "";
		char *wkey = text_fold(body), *okey = text_fold(o->vague ? "" : o->dept);
		int wanted = strstr(wkey, w->owner_key) || (*okey && strstr(okey, w->owner_key)) ||
		             (*okey && w->canon_key && strstr(okey, w->canon_key));
		free(wkey);
		free(okey);
		if (!wanted)
			return 0;
	}
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	struct due_task *d = &l->v[l->n++];
	/* a vague owner ("TBD") is no department: one group of its
	 * locality's, named as the archive's register names it */
	*d = (struct due_task){
	    xstrdup(arc_loc_shown(loc, w->lang)),
	    xstrdup(o->vague ? arc_no_department(w->lang) : L(w->lang, o->dept, o->dept_en)),
	    xstrdup(t->text),
	    xstrdup(t->id ? t->id : ""),
	    xstrdup(r->id),
	    xstrdup(r->file),
	    xstrdup(written),
	    xstrdup(loc->key),
	    xstrdup(o->vague ? "" : o->key),
	    t->mark.line,
	    t->mark.col,
	    "",
	    "",
	    days,
	    days,
	    days,
	    t->status,
	    t->status_unknown,
	    again};
	date_iso(t->due.d, d->due);
	date_short(t->due.d, w->lang, d->shown, sizeof d->shown);
	return 1;
}

/* The open tasks of the collection due by today + within days, as the
 * archive's model has them: a locality, a department (owner_aliases
 * applied, named as the register names it) and an open task are what the
 * archive says they are, worked out in one place; a task under each of
 * its departments ("Sở Nội vụ, Sở Y tế": both), as the register lists it. */
static void
collect(struct due_list *l, const struct archive *a, const struct want *w)
{
	for (size_t i = 0; i < a->ntasks; i++) {
		const struct arc_task *t = &a->tasks[i];
		if (!t->due.set)
			continue;
		/* A month-precision deadline runs to the month's last day. */
		long days = date_days(t->due.d, 1) - w->today;
		if (days > w->within)
			continue;
		int again = 0;
		for (size_t k = 0; k < t->nowner; k++)
			again |= due_add(l, a, w, t, k, days, again);
	}
}

static void
due_list_free(struct due_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct due_task *d = &l->v[i];
		free(d->locality);
		free(d->owner);
		free(d->written);
		free(d->task);
		free(d->id);
		free(d->record);
		free(d->file);
		free(d->lkey);
		free(d->okey);
	}
	free(l->v);
}

/* Overdue: past its deadline and not done, as far as the record says; a
 * task whose status the record got wrong is not said to be (as in the
 * archive's register). */
static int
overdue(const struct due_task *d)
{
	return d->days < 0 && !d->status_unknown;
}

static const char *
status_word(const struct due_task *d, enum lang lang)
{
	return d->status_unknown ? L(lang, "chưa rõ (hồ sơ ghi sai)", "unknown (miswritten)")
	                         : arc_task_status_word(d->status, lang);
}

/* "quá hạn 30 ngày", "overdue by 30 days", "còn 4 ngày", "due in 4 days";
 * past the deadline with a miswritten status, "hạn đã qua 30 ngày",
 * "deadline passed 30 days ago". */
static void
when(struct buf *b, const struct due_task *d, enum lang lang)
{
	long days = d->days;
	if (days < 0 && d->status_unknown && lang == LANG_VI)
		buf_printf(b, "hạn đã qua %ld ngày", -days);
	else if (days < 0 && d->status_unknown)
		buf_printf(b, "deadline passed %ld %s ago", -days, days == -1 ? "day" : "days");
	else if (days < 0 && lang == LANG_VI)
		buf_printf(b, "quá hạn %ld ngày", -days);
	else if (days < 0)
		buf_printf(b, "overdue by %ld %s", -days, days == -1 ? "day" : "days");
	else if (days == 0)
		buf_puts(b, L(lang, "đến hạn hôm nay", "due today"));
	else if (lang == LANG_VI)
		buf_printf(b, "còn %ld ngày", days);
	else
		buf_printf(b, "due in %ld %s", days, days == 1 ? "day" : "days");
}

static void
summary(struct buf *b, const struct due_list *l, long within, const char *today, enum lang lang)
{
	size_t over = 0, soon = 0;
	size_t n = 0; /* each task once, though it be under two departments */
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].again)
			continue;
		n++;
		over += overdue(&l->v[i]);
		soon += l->v[i].days >= 0;
	}
	size_t unknown = n - over - soon; /* past the deadline, status miswritten */
	char more[128] = "";
	if (unknown)
		snprintf(more, sizeof more,
		         L(lang, ", %zu nhiệm vụ đã qua hạn nhưng hồ sơ ghi sai trạng thái",
		           ", %zu past the deadline with a miswritten status"),
		         unknown);
	if (!l->n)
		buf_printf(b,
		           L(lang,
		             "Tính đến %s, không có nhiệm vụ nào quá hạn hoặc đến hạn trong %ld "
		             "ngày tới.\n",
		             "As of %s, no task is overdue or due within %ld days.\n"),
		           today, within);
	else if (lang == LANG_VI)
		buf_printf(b,
		           "Tính đến %s: %zu nhiệm vụ quá hạn, %zu nhiệm vụ đến hạn trong %ld ngày "
		           "tới%s.\n",
		           today, over, soon, within, more);
	else
		buf_printf(b, "As of %s: %zu %s overdue, %zu due within %ld days%s.\n", today, over,
		           over == 1 ? "task" : "tasks", soon, within, more);
}

static void
out_text(struct buf *b, const struct due_list *l, enum lang lang)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct due_task *d = &l->v[i];
		if (!i || strcmp(d->lkey, l->v[i - 1].lkey))
			buf_printf(b, "%s%s\n", i ? "\n" : "", d->locality);
		if (!i || strcmp(d->lkey, l->v[i - 1].lkey) || strcmp(d->okey, l->v[i - 1].okey))
			buf_printf(b, "  %s\n", d->owner);
		buf_puts(b, "    ");
		when(b, d, lang);
		buf_printf(b, " (%s %s): %s [%s %s, %s] %s:%u:%u\n", L(lang, "hạn", "deadline"),
		           d->shown, d->task, d->record, d->id, status_word(d, lang), d->file,
		           d->line, d->col);
	}
	if (l->n)
		buf_putc(b, '\n');
}

static void
md_cell(struct buf *b, const char *s)
{
	buf_puts(b, " ");
	md_escape_in(b, MD_CELL, s, strlen(s));
	buf_puts(b, " |");
}

/* The summary goes first, under the title: a mail is read from the top. */
static void
out_md(struct buf *b, const struct due_list *l, enum lang lang, const char *sum)
{
	buf_puts(b, L(lang, "# Nhiệm vụ quá hạn và sắp đến hạn\n\n",
	              "# Tasks overdue and due soon\n\n"));
	md_escape_in(b, MD_BLOCK, sum, strcspn(sum, "\n"));
	buf_putc(b, '\n');
	for (size_t i = 0; i < l->n; i++) {
		const struct due_task *d = &l->v[i];
		int newloc = !i || strcmp(d->lkey, l->v[i - 1].lkey);
		if (newloc) {
			buf_puts(b, "\n## ");
			md_escape_in(b, MD_HEADING, d->locality, strlen(d->locality));
			buf_puts(b, "\n");
		}
		if (newloc || strcmp(d->okey, l->v[i - 1].okey)) {
			buf_puts(b, "\n### ");
			md_escape_in(b, MD_HEADING, d->owner, strlen(d->owner));
			buf_puts(
			    b,
			    L(lang,
			      "\n\n| Nhiệm vụ | Hạn | Tình hình | Trạng thái | Chuyến công tác |\n",
			      "\n\n| Task | Due | Timing | Status | Visit |\n"));
			buf_puts(b, "|---|---|---|---|---|\n");
		}
		buf_puts(b, "|");
		md_cell(b, d->task);
		md_cell(b, d->shown);
		struct buf w = BUF_INIT;
		when(&w, d, lang);
		md_cell(b, buf_cstr(&w));
		buf_free(&w);
		md_cell(b, status_word(d, lang));
		md_cell(b, d->record);
		buf_putc(b, '\n');
	}
}

static void
json_field(struct buf *b, const char *key, const char *v, int last)
{
	buf_printf(b, "\"%s\": ", key);
	escape_json_str(b, v);
	buf_puts(b, last ? "" : ", ");
}

static void
out_json(struct buf *b, const struct due_list *l, long within, const char *today)
{
	size_t over = 0, soon = 0;
	buf_printf(b, "{\n  \"version\": %d,\n  \"today\": \"%s\",\n  \"due_within\": %ld,\n",
	           JSON_FORMAT_VERSION, today, within);
	buf_puts(b, "  \"tasks\": [");
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct due_task *d = &l->v[i];
		if (d->again) /* one object a task, its owner as written */
			continue;
		over += overdue(d);
		soon += d->days >= 0;
		buf_puts(b, n++ ? ",\n    {" : "\n    {");
		json_field(b, "locality", d->locality, 0);
		json_field(b, "owner", d->written, 0);
		json_field(b, "task", d->task, 0);
		json_field(b, "id", d->id, 0);
		json_field(b, "record", d->record, 0);
		json_field(b, "file", d->file, 0);
		buf_printf(b, "\"line\": %u, \"column\": %u, ", d->line, d->col);
		json_field(b, "due", d->due, 0);
		buf_printf(b, "\"days\": %ld, \"overdue\": %s, ", d->days,
		           overdue(d) ? "true" : "false");
		if (d->status_unknown) /* as archive.json says it */
			buf_puts(b, "\"status\": null");
		else
			json_field(b, "status", task_status_words[d->status], 1);
		buf_putc(b, '}');
	}
	buf_puts(b, n ? "\n  ],\n" : "],\n");
	buf_printf(b, "  \"summary\": {\"overdue\": %zu, \"due_soon\": %zu}\n}\n", over, soon);
}

/* One file into the archive's model; 0 when it cannot be read or loaded
 * (message printed), when it has no id, or when an earlier record has its
 * id (told as check and archive tell it): its tasks are not listed, as the
 * archive's register leaves them out; -1 when it is listed without the
 * values it gives wrongly (named); 1 when it is listed whole. */
static int
read_one(struct archive *a, const char *path, struct date today, enum lang lang)
{
	const char *name = fs_shown(path);
	struct load_limits lim;
	load_limits_default(&lim);
	struct schema_src src = {
	    .path = path, .name = name, .lim = &lim, .today = today, .lang = lang};
	struct diags dq = DIAGS_INIT;
	struct record *r;
	char *err = NULL;
	if (schema_file(&src, &r, &dq, &err) < 0) {
		escape_eprintf("debrief: %s: %s\n", name, err);
		free(err);
		return 0;
	}
	int ok = r && r->id.s;
	if (r && !r->file)
		r->file = name;
	if (!r) {
		diag_eprint(&dq, 1);
	} else if (!r->id.s) {
		/* its own findings (the id's among them) at their lines, as check
		 * gives them, then what the list makes of it, as archive says */
		struct diags dd = DIAGS_INIT;
		schema_unread(&dq, &dd);
		diags_sort(&dd);
		diag_eprint(&dd, 1);
		diags_free(&dd);
		escape_eprintf("debrief: %s: %s\n", name,
		               L(lang,
		                 "hồ sơ không có mã (id) hợp lệ nên các nhiệm vụ của hồ sơ không "
		                 "được liệt kê",
		                 "the record has no valid id, so its tasks are not listed"));
	} else if (!archive_add(a, r)) {
		struct diags dd = DIAGS_INIT;
		collection_duplicate(&dd, name, r->id.mark, r->id.s, archive_file_of_id(a, r->id.s),
		                     lang);
		diag_eprint(&dd, 1);
		diags_free(&dd);
		ok = 0;
	} else {
		/* a value the record gives wrongly (an owner under a misspelt
		 * key, a due date no calendar has): named as check names it, not
		 * listed in silence as if the record had none */
		struct diags unread = DIAGS_INIT;
		if (schema_unread(&dq, &unread)) {
			diags_sort(&unread);
			diag_eprint(&unread, 1);
			escape_eprintf("debrief: %s: %s\n", name,
			               L(lang,
			                 "danh sách nhiệm vụ không có những giá trị ghi sai nêu "
			                 "trên của hồ sơ",
			                 "the task list leaves out the values above, which the "
			                 "record gives wrongly"));
			ok = -1;
		}
		diags_free(&unread);
	}
	record_free(r);
	diags_free(&dq);
	return ok;
}

/* --due-within DAYS: 0 to 36500. */
static int
days_ok(const char *v, void *dst)
{
	char *end;
	long *within = dst;
	*within = strtol(v, &end, 10);
	return end != v && !*end && *within >= 0 && *within <= 36500;
}

int
cmd_tasks(int argc, char **argv)
{
	long within = 14;
	const char *owner = NULL;
	const struct cli_opt own[] = {
	    {"due-within", 0, 0, &within, days_ok,
	     "--due-within cần một số ngày từ 0 đến 36500, không phải '%s'",
	     "--due-within wants a number of days from 0 to 36500, not '%s'"},
	    {"owner", 0, 0, &owner, NULL, NULL, NULL},
	    {NULL, 0, 0, NULL, NULL, NULL, NULL}};
	struct cli c = {.cmd = "tasks",
	                .usage = usage,
	                .common = CLI_FORMAT | CLI_TODAY | CLI_CONFIG | CLI_LANG,
	                .formats = "text, json, md",
	                .own = own};
	int rc = cli_parse(&c, argc, argv);
	if (rc < 0)
		rc = cli_paths(&c, argc);
	if (rc >= 0)
		return rc;
	enum lang lang = c.lang;
	fs_set_lang(lang); /* what cannot be read is said in it, as by the others */
	const char *format = c.format ? c.format : "text", *config = c.config;
	struct date today;
	if (!cli_today(&c, &today))
		return EXIT_USAGE;

	/* The configuration, as check and archive find it: owner_aliases. */
	struct config cfg;
	memset(&cfg, 0, sizeof cfg);
	struct diags cq = DIAGS_INIT;
	int cfg_ok = config_for(config, argv[c.next], lang, &cfg, &cq);
	diag_eprint(&cq, 1);
	diags_free(&cq);
	if (!cfg_ok) {
		config_free(&cfg);
		return EXIT_USAGE;
	}

	rc = EXIT_OK;
	struct strlist files = {0};
	if (cli_files(&c, argc, argv, &files, NULL))
		rc = EXIT_USAGE;
	struct want w = {date_days(today, 0), within, NULL, NULL, c.lang};
	char *owner_key = owner ? text_fold(owner) : NULL;
	const char *canon = owner ? config_owner_name(&cfg, owner, NULL) : NULL;
	char *canon_key = canon && canon != owner ? text_fold(canon) : NULL;
	w.owner_key = owner_key;
	w.canon_key = canon_key;
	struct archive *a = archive_new(today, &cfg);
	int partial = 0;
	for (size_t i = 0; i < files.n; i++) {
		int got = read_one(a, files.v[i], today, lang);
		if (!got)
			rc = EXIT_USAGE;
		partial |= got < 0;
	}
	if (partial && rc == EXIT_OK)
		rc = EXIT_FINDINGS;
	archive_finish(a, 1);
	struct due_list l = {NULL, 0, 0};
	collect(&l, a, &w);
	archive_free(a);
	sort_due(&l);

	char iso[11];
	date_iso(today, iso);
	struct buf b = BUF_INIT;
	if (!strcmp(format, "json")) {
		out_json(&b, &l, within, iso);
	} else {
		char human[64];
		date_human(today, lang, human, sizeof human);
		struct buf sum = BUF_INIT;
		summary(&sum, &l, within, human, lang);
		if (!strcmp(format, "md")) {
			out_md(&b, &l, lang, buf_cstr(&sum));
		} else {
			out_text(&b, &l, lang);
			buf_puts(&b, buf_cstr(&sum));
		}
		buf_free(&sum);
	}
	if (fwrite(b.data ? b.data : "", 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		fprintf(stderr, "debrief: %s\n",
		        L(lang, "không ghi được kết quả", "cannot write output"));
		rc = EXIT_USAGE;
	}
	buf_free(&b);
	due_list_free(&l);
	free(owner_key);
	free(canon_key);
	config_free(&cfg);
	strlist_free(&files);
	return rc;
}
