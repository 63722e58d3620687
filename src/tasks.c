/*
 * tasks.c: `debrief tasks`: the tasks of a collection that are overdue or
 * fall due within a number of days, by locality and owner department, as
 * text, Markdown or JSON (localities under the provincial-level unit in
 * force, owners merged by case and spacing and by the configuration's
 * owner_aliases, and named as the archive's register names them): the
 * regular check on implementation that G8 asks of the local government,
 * ready for a weekly job or a mail.  It reads records and lists; it
 * decides no finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#include "provinces.h"
#include "rules.h"
#include "schema.h"
#include "strlist.h"
#include "strmap.h"
#include "text.h"
#include "xalloc.h"

static void
usage(FILE *f)
{
	fputs("usage: debrief tasks [--due-within DAYS] [--owner NAME] [--format text|json|md]\n"
	      "                     [--today YYYY-MM-DD] [--config FILE] [--lang vi|en] PATH...\n"
	      "       debrief tasks --help\n",
	      f);
}

/* One task to list, copied out of its record. */
struct due_task {
	char *locality, *owner, *task, *id, *record, *file;
	char *written;     /* the owner as written (JSON); owner: its group's name */
	char *lkey, *okey; /* folded locality and owner: the groups */
	unsigned line;
	char due[11];      /* YYYY-MM-DD (JSON) */
	char shown[32];    /* as the language writes it in a table (date_short) */
	long days;         /* from today to the due date's last day; < 0: overdue */
	long lmost, omost; /* the fewest days of its locality's, its owner's tasks */
	enum task_status status;
	int status_unknown; /* the record's status was rejected: neither open nor done */
};

/* How an open task's record writes its department, under the department's
 * fold (okey): a department is shown in the spelling the collection writes
 * most often, as the archive's register shows it. */
struct spelling {
	char *okey, *text; /* text squeezed */
	size_t n;
};

/* A locality no provincial-level unit has, as a record writes it: shown
 * as the earliest record writes it, as in the archive. */
struct locname {
	char *lkey, *name, *id;
	struct date start, end; /* zero when unusable */
};

struct due_list {
	struct due_task *v;
	size_t n, cap;
	struct spelling *sp; /* every open task's, listed or not */
	size_t nsp, capsp;
	struct locname *ln; /* every record's whose locality is no unit */
	size_t nln, capln;
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
	long today, within;       /* days since 1970; days ahead */
	const char *owner_key;    /* folded --owner, or NULL for every owner */
	const struct config *cfg; /* owner_aliases */
	char **alias_from;        /* its aliases, folded */
	char **alias_key;         /* the departments they name, folded */
	enum lang lang;
};

/* The fold of owner, after owner_aliases: its department; *to, when not
 * NULL, the alias it was given, else NULL. */
static char *
owner_key_of(const char *owner, const struct want *w, const char **to)
{
	char *okey = text_fold(owner);
	if (to)
		*to = NULL;
	for (size_t a = 0; a < w->cfg->nowner_alias; a++)
		if (!strcmp(w->alias_from[a], okey)) {
			free(okey);
			if (to)
				*to = w->cfg->owner_alias_to[a];
			return text_fold(w->cfg->owner_alias_to[a]);
		}
	return okey;
}

/* The tasks of r that are open and due by today + within days. */
static void
collect(struct due_list *l, const struct record *r, const char *file, const struct want *w)
{
	/* Localities under the provincial-level unit in force (since 1 July
	 * 2025), former_name honoured, and a name no unit has by its key
	 * ("Tỉnh X" and "X" one), as the archive groups them. */
	const char *loc = r->locality_name.s ? r->locality_name.s : "", *then;
	int unit =
	    province_said(loc, r->locality_former_name.s, r->start.set ? &r->start.d : NULL, &then);
	char *lkey = unit >= 0 ? xstrdup(province_units[unit].key) : province_key(loc);
	if (unit >= 0) {
		loc = province_units[unit].name;
	} else {
		loc = *loc ? loc : "?";
		struct date none = {0};
		l->ln = xgrow(l->ln, &l->capln, l->nln + 1, sizeof *l->ln);
		l->ln[l->nln++] = (struct locname){
		    xstrdup(lkey), xstrdup(loc), xstrdup(r->id.s ? r->id.s : ""),
		    r->start.set ? r->start.d : none, r->end.set ? r->end.d : none};
	}
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct task *t = &r->tasks[i];
		if (t->status == TASK_DONE || t->status == TASK_DROPPED)
			continue;
		if (!rules_owner_vague(t->owner.s, w->cfg)) {
			l->sp = xgrow(l->sp, &l->capsp, l->nsp + 1, sizeof *l->sp);
			l->sp[l->nsp++] =
			    (struct spelling){owner_key_of(t->owner.s ? t->owner.s : "", w, NULL),
			                      text_squeeze(t->owner.s ? t->owner.s : ""), 1};
		}
		if (!t->due.set)
			continue;
		/* A month-precision deadline runs to the month's last day. */
		long days = date_days(t->due.d, 1) - w->today;
		if (days > w->within)
			continue;
		/* Another name of a department counts as its own (owner_aliases);
		 * --owner finds the task by either name, and the JSON keeps the
		 * one written. */
		const char *written = t->owner.s ? t->owner.s : "", *owner = written, *to;
		char *wkey = text_fold(written), *okey = owner_key_of(written, w, &to);
		int wanted = !w->owner_key || strstr(wkey, w->owner_key);
		free(wkey);
		if (to)
			owner = to;
		if (!wanted && !strstr(okey, w->owner_key)) {
			free(okey);
			continue;
		}
		/* a vague owner ("TBD") is no department: one group of its
		 * locality's, named as the archive's register names it */
		if (rules_owner_vague(t->owner.s, w->cfg)) {
			free(okey);
			okey = xstrdup("");
			owner = arc_no_department(w->lang);
		}
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
		struct due_task *d = &l->v[l->n++];
		*d = (struct due_task){xstrdup(loc),
		                       xstrdup(owner),
		                       xstrdup(t->task.s ? t->task.s : ""),
		                       xstrdup(t->id.s ? t->id.s : ""),
		                       xstrdup(r->id.s ? r->id.s : ""),
		                       xstrdup(file),
		                       xstrdup(written),
		                       xstrdup(lkey),
		                       okey,
		                       t->mark.line,
		                       "",
		                       "",
		                       days,
		                       days,
		                       days,
		                       t->status,
		                       record_reported(r, t->mark, "status")};
		date_iso(t->due.d, d->due);
		date_short(t->due.d, w->lang, d->shown, sizeof d->shown);
	}
	free(lkey);
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
	for (size_t i = 0; i < l->nsp; i++) {
		free(l->sp[i].okey);
		free(l->sp[i].text);
	}
	free(l->sp);
	for (size_t i = 0; i < l->nln; i++) {
		free(l->ln[i].lkey);
		free(l->ln[i].name);
		free(l->ln[i].id);
	}
	free(l->ln);
}

static int
cmp_locname(const void *a, const void *b)
{
	const struct locname *x = a, *y = b;
	int c = strcmp(x->lkey, y->lkey);
	if (!c)
		c = date_cmp(x->start, y->start);
	if (!c)
		c = date_cmp(x->end, y->end);
	return c ? c : strcmp(x->id, y->id);
}

/* Each locality no unit has by the name its earliest record writes, as
 * the archive shows it. */
static void
name_localities(struct due_list *l)
{
	if (!l->nln)
		return;
	if (l->nln > 1)
		qsort(l->ln, l->nln, sizeof *l->ln, cmp_locname);
	for (size_t i = 0; i < l->n; i++) {
		struct due_task *d = &l->v[i];
		size_t lo = 0, hi = l->nln; /* the earliest record of d's locality */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(l->ln[mid].lkey, d->lkey) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < l->nln && !strcmp(l->ln[lo].lkey, d->lkey)) {
			free(d->locality);
			d->locality = xstrdup(l->ln[lo].name);
		}
	}
}

static int
cmp_spelling(const void *a, const void *b)
{
	const struct spelling *x = a, *y = b;
	int c = strcmp(x->okey, y->okey);
	return c ? c : strcmp(x->text, y->text);
}

/* Each department listed by the name the archive's register gives it: as
 * owner_aliases writes it when it names it, else in the spelling the
 * collection's open tasks write most often, whichever locality's (ties to
 * the smallest bytes). */
static void
name_owners(struct due_list *l, const struct want *w)
{
	if (l->nsp > 1)
		qsort(l->sp, l->nsp, sizeof *l->sp, cmp_spelling);
	size_t n = 0; /* each spelling once, with its count */
	for (size_t i = 0, j; i < l->nsp; i = j) {
		for (j = i + 1; j < l->nsp && !cmp_spelling(&l->sp[i], &l->sp[j]); j++) {
			l->sp[i].n += l->sp[j].n;
			free(l->sp[j].okey);
			free(l->sp[j].text);
		}
		l->sp[n++] = l->sp[i];
	}
	l->nsp = n;
	for (size_t i = 0; i < l->n; i++) {
		struct due_task *d = &l->v[i];
		if (!*d->okey) /* no specific department */
			continue;
		char *name = NULL;
		for (size_t a = 0; a < w->cfg->nowner_alias && !name; a++)
			if (!strcmp(w->alias_key[a], d->okey))
				name = text_squeeze(w->cfg->owner_alias_to[a]);
		size_t lo = 0, hi = l->nsp; /* the first spelling of d's department */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(l->sp[mid].okey, d->okey) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		const struct spelling *best = NULL;
		for (; !name && lo < l->nsp && !strcmp(l->sp[lo].okey, d->okey); lo++)
			if (!best || l->sp[lo].n > best->n)
				best = &l->sp[lo];
		if (!name && best)
			name = xstrdup(best->text);
		if (name) {
			free(d->owner);
			d->owner = name;
		}
	}
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
	for (size_t i = 0; i < l->n; i++) {
		over += overdue(&l->v[i]);
		soon += l->v[i].days >= 0;
	}
	size_t unknown = l->n - over - soon; /* past the deadline, status miswritten */
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
		buf_printf(b, " (%s %s): %s [%s %s, %s] %s:%u\n", L(lang, "hạn", "deadline"),
		           d->shown, d->task, d->record, d->id, status_word(d, lang), d->file,
		           d->line);
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
	for (size_t i = 0; i < l->n; i++) {
		const struct due_task *d = &l->v[i];
		over += overdue(d);
		soon += d->days >= 0;
		buf_puts(b, i ? ",\n    {" : "\n    {");
		json_field(b, "locality", d->locality, 0);
		json_field(b, "owner", d->written, 0);
		json_field(b, "task", d->task, 0);
		json_field(b, "id", d->id, 0);
		json_field(b, "record", d->record, 0);
		json_field(b, "file", d->file, 0);
		buf_printf(b, "\"line\": %u, ", d->line);
		json_field(b, "due", d->due, 0);
		buf_printf(b, "\"days\": %ld, \"overdue\": %s, ", d->days,
		           overdue(d) ? "true" : "false");
		if (d->status_unknown) /* as archive.json says it */
			buf_puts(b, "\"status\": null");
		else
			json_field(b, "status", task_status_words[d->status], 1);
		buf_putc(b, '}');
	}
	buf_puts(b, l->n ? "\n  ],\n" : "],\n");
	buf_printf(b, "  \"summary\": {\"overdue\": %zu, \"due_soon\": %zu}\n}\n", over, soon);
}

/* The record ids met so far, each with the file of its first record. */
struct seen_ids {
	struct strmap map; /* id → index in ids and files */
	struct strlist ids, files;
};

/* One file: its open tasks into l; 0 when it cannot be read or loaded
 * (the reasons on standard error), or when an earlier record has its id:
 * refused with the words of check, archive and report. */
static int
read_one(struct due_list *l, const char *path, struct date today, enum lang lang,
         const struct want *w, struct seen_ids *seen)
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
	int ok = r != NULL;
	const size_t *first = r && r->id.s ? strmap_get(&seen->map, r->id.s) : NULL;
	if (first) {
		struct diags dd = DIAGS_INIT;
		collection_duplicate(&dd, name, r->id.mark, r->id.s, seen->files.v[*first], lang);
		diag_eprint(&dd, 1);
		diags_free(&dd);
		ok = 0;
	} else if (r) {
		if (r->id.s) {
			strlist_push(&seen->ids, r->id.s);
			strlist_push(&seen->files, name);
			strmap_put(&seen->map, seen->ids.v[seen->ids.n - 1], seen->ids.n - 1);
		}
		collect(l, r, name, w);
	} else {
		diag_eprint(&dq, 1);
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
	if (cli_files(&c, argc, argv, &files))
		rc = EXIT_USAGE;
	struct want w = {date_days(today, 0), within, NULL, &cfg, NULL, NULL, c.lang};
	char *owner_key = owner ? text_fold(owner) : NULL;
	w.owner_key = owner_key;
	w.alias_from = xcalloc(cfg.nowner_alias + 1, sizeof *w.alias_from);
	w.alias_key = xcalloc(cfg.nowner_alias + 1, sizeof *w.alias_key);
	for (size_t a = 0; a < cfg.nowner_alias; a++) {
		w.alias_from[a] = text_fold(cfg.owner_alias_from[a]);
		w.alias_key[a] = text_fold(cfg.owner_alias_to[a]);
	}
	struct due_list l = {NULL, 0, 0, NULL, 0, 0, NULL, 0, 0};
	struct seen_ids seen = {{0}, {0}, {0}};
	for (size_t i = 0; i < files.n; i++)
		if (!read_one(&l, files.v[i], today, lang, &w, &seen))
			rc = EXIT_USAGE;
	strmap_free(&seen.map);
	strlist_free(&seen.ids);
	strlist_free(&seen.files);
	name_owners(&l, &w);
	name_localities(&l);
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
	for (size_t a = 0; a < cfg.nowner_alias; a++) {
		free(w.alias_from[a]);
		free(w.alias_key[a]);
	}
	free(w.alias_from);
	free(w.alias_key);
	config_free(&cfg);
	strlist_free(&files);
	return rc;
}
