/*
 * report_view.c: one record and its findings → the data tree a report
 * template reads.  It decides what a post-visit report says and in which
 * order (docs/outputs.md section 1): tasks grouped by owner, the busiest
 * department first, overdue tasks first; results capped at five.  It
 * writes no Markdown: wording of the page is the template's, escaping is
 * md_escape's.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "countries.h"
#include "provinces.h"
#include "rules.h"
#include "strlist.h"
#include "text.h"
#include "xalloc.h"

/* Outcomes shown in full; the rest are counted (G19: not heavy on results). */
#define REPORT_MAX_OUTCOMES 5

struct view {
	struct arena *a;
	enum lang lang;
	struct date today;
	const char *number; /* the report's number as its header writes it */
	int by_agency;      /* written by a representative agency (report_view) */
	const struct config *cfg;
	const char *locality; /* the record's: its people's committee */
};

static const char *const task_status_vi[] = {"Chưa thực hiện", "Đang thực hiện", "Hoàn thành",
                                             "Vướng mắc", "Dừng"};
static const char *const task_status_en[] = {"Open", "In progress", "Done", "Blocked", "Dropped"};

/* Every key is always present, empty when the record has no value:
 * Mustache looks a missing name up in the enclosing contexts, so a head
 * of delegation without a title would otherwise show the report's title. */
static void
put_str(struct view *v, struct node *map, const char *key, const char *s)
{
	node_map_put(v->a, map, key, node_new_scalar(v->a, s ? s : ""));
}

static void
put_bool(struct view *v, struct node *map, const char *key, int b)
{
	node_map_put(v->a, map, key, node_new_bool(v->a, b));
}

/* A count, and KEY_one when it is 1: templates in languages with a
 * plural ("1 task", "2 tasks") choose the noun with it. */
static void
put_num(struct view *v, struct node *map, const char *key, long n)
{
	/* written out by hand: a report has some eighty counts, and
	 * printf's cost was most of theirs */
	char num[24], *p = num + sizeof num;
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (n < 0)
		*--p = '-';
	struct node *s = node_new_scalarn(v->a, p, (size_t)(num + sizeof num - p));
	s->plain = 1;
	node_map_put(v->a, map, key, s);
	size_t k = strlen(key);
	char *one = arena_alloc(v->a, k + sizeof "_one");
	memcpy(one, key, k);
	memcpy(one + k, "_one", sizeof "_one");
	node_map_put(v->a, map, one, node_new_bool(v->a, n == 1));
}

/* Table cells want short dates (date_short). */
static const char *
short_date(struct view *v, const struct rdate *d)
{
	if (!d->set)
		return NULL;
	char buf[32];
	date_short(d->d, v->lang, buf, sizeof buf);
	return arena_strdup(v->a, buf);
}

static const char *
human(struct view *v, const struct rdate *d)
{
	if (!d->set)
		return NULL;
	char buf[64];
	date_human(d->d, v->lang, buf, sizeof buf);
	return arena_strdup(v->a, buf);
}

/* "10–14/7/2017"-style spans read badly in both languages; write them
 * out, what the two dates share said once ("từ ngày 10 đến ngày 14 tháng 7
 * năm 2017", "from 10 to 14 July 2017"). */
static const char *
span(struct view *v, const struct record *r)
{
	if (!r->start.set) /* a visit all the same: say the date is unknown */
		return L(v->lang, "chưa rõ (ngày ghi trong hồ sơ không dùng được)",
		         "unknown (the record's dates are unusable)");
	char a[128];
	if (!r->end.set || !date_cmp(r->start.d, r->end.d))
		date_human(r->start.d, v->lang, a, sizeof a);
	else
		date_span_human(r->start.d, r->end.d, v->lang, a, sizeof a);
	return arena_strdup(v->a, a);
}

/* A body's name in the report's language, in the arena (report_body_name). */
static const char *
body(struct view *v, const char *s)
{
	if (!s)
		return s;
	/* "Sở Công Thương, Sở Tài chính": each body by its own name, as the
	 * recipients name them; "Sở Văn hóa, Thể thao và Du lịch" is one; a
	 * people's committee without its province ("UBND tỉnh") is the
	 * locality's, named in full; a name none of this changes, as written */
	struct strlist bodies = {0};
	rules_owner_bodies(s, &bodies);
	struct buf b = BUF_INIT;
	int changed = 0;
	int home = v->locality ? province_lookup(v->locality) : -1;
	for (size_t i = 0; i < bodies.n || (!i && !bodies.n); i++) {
		const char *part = bodies.n ? bodies.v[i] : s;
		/* as the recipients name it: an office abroad names the
		 * locality's departments with it */
		char *full = report_body_recipient(part, v->by_agency ? home : -1, home);
		char *t = report_body_name(full, v->locality, v->lang);
		free(full);
		changed |= strcmp(t, part) != 0;
		buf_puts(&b, i ? ", " : "");
		buf_puts(&b, t);
		free(t);
	}
	strlist_free(&bodies);
	const char *r = changed ? arena_strdup(v->a, buf_cstr(&b)) : s;
	buf_free(&b);
	return r;
}

/* A person's title in the report's language, in the arena (report_title). */
static const char *
title(struct view *v, const char *s)
{
	if (!s || v->lang != LANG_EN)
		return s;
	char *t = report_title(s, v->locality, v->lang);
	const char *r = strcmp(t, s) ? arena_strdup(v->a, t) : s;
	free(t);
	return r;
}

/* An organisation a person is of: in English a body debrief names in
 * English (body()), else, and in Vietnamese, as written. */
static const char *
org(struct view *v, const char *s)
{
	return v->lang == LANG_EN ? body(v, s) : s;
}

/* The texts joined by sep; bodies: each a body's name (body()). */
static const char *
join_texts(struct view *v, const struct texts *t, const char *sep, int bodies)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < t->n; i++) {
		if (!t->v[i].s)
			continue;
		if (b.len)
			buf_puts(&b, sep);
		buf_puts(&b, bodies ? body(v, t->v[i].s) : t->v[i].s);
	}
	const char *s = b.len ? arena_strdup(v->a, b.data) : NULL;
	buf_free(&b);
	return s;
}

static int
task_is_open(const struct task *t)
{
	return t->status != TASK_DONE && t->status != TASK_DROPPED;
}

/* Overdue: open and past its deadline; a status the record got wrong
 * (rejected by the schema) may be "done", so it is never called overdue. */
static int
task_is_overdue(const struct record *r, const struct task *t, struct date today)
{
	return task_is_open(t) && t->due.set && date_days(t->due.d, 1) < date_days(today, 0) &&
	       !record_reported(r, t->mark, "status");
}

struct dept {
	char *key;         /* folded owner, owned */
	const char *owner; /* first spelling seen */
	size_t *tasks;     /* indexes into r->tasks, owned */
	size_t n, cap;
	size_t open, overdue, dropped;
	size_t first; /* position of its first task, the last tie-break */
};

static int
cmp_dept(const void *pa, const void *pb)
{
	const struct dept *a = pa, *b = pb;
	if (a->open != b->open)
		return a->open > b->open ? -1 : 1;
	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* Sort context for tasks inside one department (qsort has none), per
 * thread: reports are rendered on several threads at once. */
static _Thread_local const struct record *sort_rec;
static _Thread_local struct date sort_today;

static long
due_key(const struct task *t)
{
	return t->due.set ? date_days(t->due.d, 1) : 0x7fffffffL;
}

static int
cmp_task(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	const struct task *a = &sort_rec->tasks[ia], *b = &sort_rec->tasks[ib];
	int oa = task_is_open(a), ob = task_is_open(b);
	if (oa != ob)
		return oa ? -1 : 1;
	int da = task_is_overdue(sort_rec, a, sort_today),
	    db = task_is_overdue(sort_rec, b, sort_today);
	if (da != db)
		return da ? -1 : 1;
	long ka = due_key(a), kb = due_key(b);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	return ia < ib ? -1 : ia > ib;
}

static struct node *
task_view(struct view *v, const struct record *r, const struct task *t)
{
	struct node *m = node_new_map(v->a);
	put_str(v, m, "id", t->id.s);
	put_str(v, m, "task", t->task.s);
	const char *partner =
	    t->partner ? report_partner_name(t->partner, v->lang) : t->partner_ref.s;
	if (partner && v->lang != LANG_EN) {
		/* inside the cell, after "đối tác:": "tỉnh Savannakhet",
		 * "tỉnh Kagawa" for "Kagawa Prefecture" */
		struct buf b = BUF_INIT;
		if (t->partner)
			report_partner_in_sentence(&b, t->partner);
		else
			report_name_in_sentence(&b, partner);
		partner = arena_strdup(v->a, buf_cstr(&b));
		buf_free(&b);
	}
	put_str(v, m, "partner", partner);
	put_str(v, m, "support", join_texts(v, &t->support, "; ", 1));
	if (t->due.set) {
		char iso[11];
		date_iso(t->due.d, iso);
		put_str(v, m, "due", arena_strdup(v->a, iso));
		put_str(v, m, "due_text", human(v, &t->due));
		put_str(v, m, "due_short", short_date(v, &t->due));
	}
	put_str(v, m, "status",
	        record_reported(r, t->mark, "status")
	            ? L(v->lang, "Chưa rõ (hồ sơ ghi sai)", "Unknown (miswritten)")
	            : L(v->lang, task_status_vi, task_status_en)[t->status]);
	put_bool(v, m, "overdue", task_is_overdue(r, t, v->today));
	put_bool(v, m, "done", !task_is_open(t));
	/* the latest update by its date, as the rules and the archive take
	 * it, whatever the order the record lists them in; of one day, the
	 * last listed */
	const struct update *u = NULL;
	for (size_t i = 0; i < t->nupdates; i++) {
		const struct update *w = &t->updates[i];
		if (!u || !u->date.set || (w->date.set && date_cmp(w->date.d, u->date.d) >= 0))
			u = w;
	}
	if (u) {
		put_str(v, m, "update_date", short_date(v, &u->date));
		put_str(v, m, "update", u->note.s);
	}
	return m;
}

/* Tasks grouped by owner department: the heart of the report (G19). */
static void
put_departments(struct view *v, struct node *root, const struct record *r)
{
	struct dept *d = NULL;
	size_t nd = 0, cap = 0;
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct task *t = &r->tasks[i];
		/* vague owners ("TBD") and missing ones are no department: one group */
		int vague = rules_owner_vague(t->owner.s, v->cfg);
		/* one department however written: with the record's own
		 * locality or without ("Sở Tài chính tỉnh Cà Mau"), a people's
		 * committee with its province or without */
		char *key = vague ? xstrdup("") : report_body_key(t->owner.s, r->locality_name.s);
		size_t j;
		for (j = 0; j < nd; j++)
			if (!strcmp(d[j].key, key))
				break;
		if (j == nd) {
			d = xgrow(d, &cap, nd + 1, sizeof *d);
			memset(&d[nd], 0, sizeof *d);
			d[nd].key = key;
			d[nd].owner = vague ? NULL : t->owner.s;
			d[nd].first = i;
			nd++;
		} else {
			free(key);
		}
		d[j].tasks = xgrow(d[j].tasks, &d[j].cap, d[j].n + 1, sizeof *d[j].tasks);
		d[j].tasks[d[j].n++] = i;
		d[j].open += task_is_open(t);
		d[j].overdue += task_is_overdue(r, t, v->today);
		d[j].dropped += t->status == TASK_DROPPED;
	}
	if (nd > 1) /* qsort(NULL, 0) is undefined */
		qsort(d, nd, sizeof *d, cmp_dept);

	/* the departments in charge, as the recipients count them: an owner
	 * naming two bodies ("Sở Xây dựng, Sở Tài chính") is a table of its
	 * own, and two departments */
	struct strlist seen = {0}; /* their keys (report_body_key) */
	for (size_t j = 0; j < nd; j++) {
		if (!d[j].owner)
			continue;
		struct strlist bodies = {0};
		rules_owner_bodies(d[j].owner, &bodies);
		for (size_t i = 0; i < bodies.n; i++) { /* an owner not vague names one */
			char *key = report_body_key(bodies.v[i], r->locality_name.s);
			size_t k = 0;
			while (k < seen.n && strcmp(seen.v[k], key))
				k++;
			if (k == seen.n)
				strlist_take(&seen, key);
			else
				free(key);
		}
		strlist_free(&bodies);
	}
	size_t ndepts = seen.n;
	strlist_free(&seen);

	struct node *depts = node_new_seq(v->a);
	size_t open = 0, overdue = 0, nvague = 0;
	for (size_t j = 0; j < nd; j++) {
		sort_rec = r;
		sort_today = v->today;
		qsort(d[j].tasks, d[j].n, sizeof *d[j].tasks, cmp_task);
		struct node *m = node_new_map(v->a);
		put_str(v, m, "owner",
		        d[j].owner ? body(v, d[j].owner)
		                   : L(v->lang, "(chưa giao cho một đơn vị cụ thể)",
		                       "(no specific department)"));
		if (!d[j].owner)
			nvague = d[j].n;
		put_num(v, m, "number", (long)j + 1);
		put_num(v, m, "open", (long)d[j].open);
		put_bool(v, m, "has_open", d[j].open > 0);
		put_num(v, m, "overdue", (long)d[j].overdue);
		put_bool(v, m, "has_overdue", d[j].overdue > 0);
		/* none open: all done, or some dropped, which is not done */
		put_bool(v, m, "all_done", !d[j].open && !d[j].dropped);
		put_num(v, m, "done", (long)(d[j].n - d[j].open - d[j].dropped));
		put_bool(v, m, "has_done", d[j].n > d[j].open + d[j].dropped);
		put_num(v, m, "dropped", (long)d[j].dropped);
		struct node *ts = node_new_seq(v->a);
		for (size_t k = 0; k < d[j].n; k++) {
			struct node *tv = task_view(v, r, &r->tasks[d[j].tasks[k]]);
			put_num(v, tv, "n", (long)k + 1); /* the "no." column */
			node_seq_push(v->a, ts, tv);
		}
		node_map_put(v->a, m, "tasks", ts);
		node_seq_push(v->a, depts, m);
		open += d[j].open;
		overdue += d[j].overdue;
		free(d[j].key);
		free(d[j].tasks);
	}
	free(d);
	node_map_put(v->a, root, "departments", depts);
	put_bool(v, root, "has_tasks", r->ntasks > 0);
	/* tasks given to a department, and those given to none in particular */
	put_num(v, root, "task_count", (long)(r->ntasks - nvague));
	put_num(v, root, "department_count", (long)ndepts);
	put_bool(v, root, "has_assigned", r->ntasks > nvague);
	put_num(v, root, "unassigned_count", (long)nvague);
	put_bool(v, root, "has_unassigned", nvague > 0);
	put_num(v, root, "open_count", (long)open);
	put_bool(v, root, "has_open", open > 0);
	put_num(v, root, "overdue_count", (long)overdue);
	put_bool(v, root, "has_overdue", overdue > 0);
}

/* Follow-up steps as a checklist, in date order where dated (G7, G8, G17, G22). */
/* A follow-up step; "items" is always there so that a step without any
 * never shows the items of another. */
static void
push_step(struct view *v, struct node *steps, struct node *m)
{
	if (!node_get_key(m, "items"))
		node_map_put(v->a, m, "items", node_new_seq(v->a));
	node_seq_push(v->a, steps, m);
}

/* Who wrote the report or held a review, after its step: in English by
 * the body's English name ("Sở Ngoại vụ" → "Department of Foreign
 * Affairs", "UBND tỉnh" → "Cao Bang Provincial People's Committee"), as
 * the recipients and the task tables name it; in Vietnamese as written,
 * but for an embassy or consulate or a department a record in English
 * names in English ("Consulate General of Viet Nam in Osaka" → "Tổng Lãnh
 * sự quán Việt Nam tại Osaka", "Department of Foreign Affairs" → "Sở
 * Ngoại vụ") or one typed in small letters, as the recipients name it.  An embassy's or consulate's
 * report names them in either language as its task tables do (body()):
 * "UBND tỉnh" is "Ủy ban nhân dân tỉnh Nghệ An", "Sở Ngoại vụ" "Sở Ngoại vụ
 * tỉnh Nghệ An", since the office abroad is not of that province. */
static const char *
step_body(struct view *v, const struct record *r, const char *s)
{
	if (!s)
		return s;
	if (v->by_agency)
		return body(v, s);
	char *t = report_body_name(s, v->lang == LANG_EN ? r->locality_name.s : NULL, v->lang);
	if (!t)
		return s;
	const char *u = arena_strdup(v->a, t);
	free(t);
	return u;
}

/* 1 when d is a day after today. */
static int
after_today(const struct view *v, const struct rdate *d)
{
	return d->set && date_cmp(d->d, v->today) > 0;
}

static void
put_timeline(struct view *v, struct node *root, const struct record *r)
{
	struct node *items = node_new_seq(v->a);
	struct node *m;

	m = node_new_map(v->a);
	put_bool(v, m, "done", r->has_report);
	if (r->has_report) {
		const char *when = human(v, &r->report_date);
		const char *num = r->report_number.s ? v->number : NULL;
		put_str(v, m, "what",
		        arena_printf(v->a, "%s%s%s%s%s",
		                     L(v->lang, "Báo cáo sau chuyến đi", "Post-visit report"),
		                     num ? L(v->lang, " số ", " no. ") : "", num ? num : "",
		                     when ? L(v->lang, ", ", ", dated ") : "", when ? when : ""));
		put_str(v, m, "by", step_body(v, r, r->report_author.s));
	} else {
		put_str(v, m, "what",
		        L(v->lang, "Báo cáo sau chuyến đi: chưa có",
		          "Post-visit report: not yet written"));
	}
	push_step(v, items, m);

	/* a step dated after today has not been taken: it is what is planned;
	 * an agency's own report has no agency to send feedback to, nor has
	 * a visit no agency supported, unless the record says it was sent */
	if (!v->by_agency && (r->has_agency || r->feedback_to_agency.set)) {
		m = node_new_map(v->a);
		int sent = r->feedback_to_agency.set && !after_today(v, &r->feedback_to_agency);
		put_bool(v, m, "done", sent);
		if (r->feedback_to_agency.set)
			put_str(
			    v, m, "what",
			    arena_printf(
			        v->a, "%s %s",
			        sent ? L(v->lang, "Đã gửi báo cáo, phản hồi cho Cơ quan đại diện",
			                 "Report and feedback sent to the representative agency on")
			             : L(v->lang,
			                 "Gửi báo cáo, phản hồi cho Cơ quan đại diện: dự kiến",
			                 "Report and feedback to the representative agency: "
			                 "planned for"),
			        human(v, &r->feedback_to_agency)));
		else
			put_str(
			    v, m, "what",
			    L(v->lang, "Gửi báo cáo, phản hồi cho Cơ quan đại diện: chưa thực hiện",
			      "Report and feedback to the representative agency: not yet sent"));
		push_step(v, items, m);
	}

	for (size_t i = 0; i < r->nreviews; i++) {
		const struct review *rv = &r->reviews[i];
		m = node_new_map(v->a);
		int later = after_today(v, &rv->date);
		put_bool(v, m, "done", !later);
		const char *when = human(v, &rv->date);
		put_str(v, m, "what",
		        arena_printf(
		            v->a, "%s%s%s%s%s",
		            L(v->lang, "Kiểm tra tình hình triển khai", "Implementation review"),
		            !when   ? ""
		            : later ? L(v->lang, " dự kiến ", " planned for ")
		                    : L(v->lang, " ", " on "),
		            when ? when : "", rv->note.s ? ": " : "",
		            rv->note.s ? rv->note.s : ""));
		put_str(v, m, "by", step_body(v, r, rv->by.s));
		push_step(v, items, m);
	}

	m = node_new_map(v->a);
	put_bool(v, m, "done", r->has_plan);
	/* The plan's items belong under the plan's line, nowhere else. */
	struct node *pi = node_new_seq(v->a);
	for (size_t i = 0; r->has_plan && i < r->plan_items.n; i++)
		if (r->plan_items.v[i].s)
			node_seq_push(v->a, pi, node_new_scalar(v->a, r->plan_items.v[i].s));
	node_map_put(v->a, m, "items", pi);
	if (r->has_plan) {
		const char *title =
		    r->plan_title.s ? r->plan_title.s : L(v->lang, "(không tên)", "(untitled)");
		put_str(v, m, "what",
		        arena_printf(v->a, "%s: %s%s%s%s",
		                     L(v->lang, "Chương trình dài hạn", "Long-term programme"),
		                     title, r->plan_horizon.s ? " (" : "",
		                     r->plan_horizon.s ? r->plan_horizon.s : "",
		                     r->plan_horizon.s ? ")" : ""));
	} else {
		put_str(v, m, "what",
		        L(v->lang, "Chương trình, kế hoạch hợp tác dài hạn: chưa có",
		          "Long-term cooperation programme: none yet"));
	}
	push_step(v, items, m);

	if (r->has_reciprocal || r->direction == DIR_OUTBOUND) {
		m = node_new_map(v->a);
		put_bool(v, m, "done", r->reciprocal_status == RECIP_DONE);
		static const char *const vi[] = {"chưa đề cập", "đã đề xuất", "đã thống nhất",
		                                 "đã diễn ra", "không dự kiến"};
		static const char *const en[] = {"not yet raised", "proposed", "agreed",
		                                 "took place", "not planned"};
		const char *when = human(v, &r->reciprocal_expected);
		put_str(v, m, "what",
		        arena_printf(
		            v->a, "%s: %s%s%s",
		            L(v->lang, "Chuyến thăm đáp lễ của đối tác", "Partner's return visit"),
		            L(v->lang, vi, en)[r->reciprocal_status],
		            /* a visit that took place is no longer "expected" */
		            !when ? ""
		            : r->reciprocal_status == RECIP_DONE
		                ? ", "
		                : L(v->lang, ", dự kiến ", ", expected "),
		            when ? when : ""));
		push_step(v, items, m);
	}
	node_map_put(v->a, root, "timeline", items);
}

/* Gaps, errors first; within a severity, in the order of the record. */
static void
put_findings(struct view *v, struct node *root, const struct record *r, const struct diag *f,
             size_t nf)
{
	struct node *seq = node_new_seq(v->a);
	size_t counts[3] = {0, 0, 0};
	for (int sev = SEV_ERROR; sev >= SEV_INFO; sev--)
		for (size_t i = 0; i < nf; i++) {
			if (f[i].sev != (enum sev)sev)
				continue;
			struct node *m = node_new_map(v->a);
			put_str(v, m, "rule", f[i].rule);
			put_str(v, m, "severity", sev_name(f[i].sev));
			static const char *const vi[] = {"Thông tin", "Cảnh báo", "Lỗi"};
			static const char *const en[] = {"Note", "Warning", "Error"};
			put_str(v, m, "severity_text", L(v->lang, vi, en)[f[i].sev]);
			put_str(v, m, "message", f[i].msg);
			put_str(v, m, "guidance", f[i].guidance);
			if (f[i].mark.line)
				put_str(v, m, "where",
				        arena_printf(v->a, "%u:%u", f[i].mark.line, f[i].mark.col));
			node_seq_push(v->a, seq, m);
			counts[f[i].sev]++;
		}
	node_map_put(v->a, root, "findings", seq);
	put_bool(v, root, "has_findings", nf > 0);
	put_num(v, root, "error_count", (long)counts[SEV_ERROR]);
	put_num(v, root, "warning_count", (long)counts[SEV_WARNING]);
	put_num(v, root, "info_count", (long)counts[SEV_INFO]);

	/* The waivers in force: one naming no rule (missing, or no rule id,
	 * which the findings above report) switches nothing off and is not
	 * listed; one without its reason is, with nothing after the rule. */
	struct node *ws = node_new_seq(v->a);
	size_t nw = 0;
	for (size_t i = 0; i < r->nwaivers; i++) {
		const struct waiver *w = &r->waivers[i];
		if (!w->rule.s || !*w->rule.s)
			continue;
		struct node *m = node_new_map(v->a);
		put_str(v, m, "rule", w->rule.s);
		put_str(v, m, "reason", w->reason.s);
		put_bool(v, m, "has_reason", w->reason.s && *w->reason.s);
		node_seq_push(v->a, ws, m);
		nw++;
	}
	node_map_put(v->a, root, "waivers", ws);
	put_bool(v, root, "has_waivers", nw > 0);
}

static void
put_results(struct view *v, struct node *root, const struct record *r)
{
	static const char *const kind_vi[] = {"Văn kiện", "Bản ghi nhớ (MOU)", "Thỏa thuận",
	                                      "Kế hoạch", "Thư ý định"};
	static const char *const kind_en[] = {"Document", "Memorandum of understanding",
	                                      "Agreement", "Plan", "Letter of intent"};
	struct node *ag = node_new_seq(v->a);
	for (size_t i = 0; i < r->nagreements; i++) {
		const struct agreement *a = &r->agreements[i];
		struct node *m = node_new_map(v->a);
		put_str(v, m, "kind", L(v->lang, kind_vi, kind_en)[a->kind]);
		put_str(v, m, "title", a->title.s);
		put_str(v, m, "signed", human(v, &a->signed_on));
		put_str(v, m, "parties", join_texts(v, &a->parties, "; ", 0));
		node_seq_push(v->a, ag, m);
	}
	node_map_put(v->a, root, "agreements", ag);
	put_bool(v, root, "has_agreements", r->nagreements > 0);

	struct node *oc = node_new_seq(v->a);
	size_t shown = 0;
	for (size_t i = 0; i < r->outcomes.n && shown < REPORT_MAX_OUTCOMES; i++)
		if (r->outcomes.v[i].s) {
			node_seq_push(v->a, oc, node_new_scalar(v->a, r->outcomes.v[i].s));
			shown++;
		}
	size_t total = 0;
	for (size_t i = 0; i < r->outcomes.n; i++)
		total += r->outcomes.v[i].s != NULL;
	node_map_put(v->a, root, "outcomes", oc);
	put_bool(v, root, "has_outcomes", total > 0);
	put_bool(v, root, "has_results", total > 0 || r->nagreements > 0);
	if (total > shown) {
		put_num(v, root, "outcomes_more", (long)(total - shown));
		put_bool(v, root, "has_outcomes_more", 1);
	}
}

static void
put_contacts(struct view *v, struct node *root, const struct record *r)
{
	static const char *const side_vi[] = {"", "Phía đối tác", "Cơ quan đại diện", "Phía ta"};
	static const char *const side_en[] = {"", "Partner", "Representative agency", "Our side"};
	struct node *seq = node_new_seq(v->a);
	for (size_t i = 0; i < r->ncontacts; i++) {
		const struct contact *c = &r->contacts[i];
		/* one of the agency's staff: what the contact leaves out, the
		 * staff entry says */
		const struct person *st = record_staff_named(r, c->name.s);
		struct node *m = node_new_map(v->a);
		put_str(v, m, "name", c->name.s);
		put_str(v, m, "title", title(v, c->title.s || !st ? c->title.s : st->title.s));
		put_str(v, m, "org",
		        org(v, c->org.s || !st ? c->org.s
		               : st->org.s     ? st->org.s
		                               : r->agency_name.s));
		put_str(v, m, "side", L(v->lang, side_vi, side_en)[c->side]);
		put_str(v, m, "email", c->email.s);
		put_str(v, m, "phone", c->phone.s);
		put_str(v, m, "since", human(v, &c->since));
		put_str(v, m, "notes", c->notes.s);
		node_seq_push(v->a, seq, m);
	}
	for (size_t i = 0; i < r->nagency_staff; i++) {
		const struct person *p = &r->agency_staff[i];
		if (record_contact_named(r, p->name.s))
			continue; /* the same person, once, among the contacts */
		struct node *m = node_new_map(v->a);
		put_str(v, m, "name", p->name.s);
		put_str(v, m, "title", title(v, p->title.s));
		put_str(v, m, "org", org(v, p->org.s ? p->org.s : r->agency_name.s));
		put_str(v, m, "side", L(v->lang, side_vi, side_en)[SIDE_AGENCY]);
		node_seq_push(v->a, seq, m);
	}
	node_map_put(v->a, root, "contacts", seq);
	put_bool(v, root, "has_contacts", node_count(seq) > 0);
	put_str(v, root, "handover", r->handover.s);
	put_bool(v, root, "has_memory", node_count(seq) > 0 || r->handover.s);
}

/* A visit that has not taken place: one not begun by today, whatever its
 * status says (check calls that an error), else one not completed as the
 * rules count it (record_completed).  A record whose dates are unusable
 * and that gives no status is a visit all the same, as everywhere else. */
static int
visit_planned(const struct record *r, struct date today)
{
	if (r->start.set && date_cmp(r->start.d, today) > 0)
		return 1;
	return (r->status_given || r->end.set) && !record_completed(r, today);
}

/* A visit under way: one the record gives no status, begun by today and
 * not ended before it.  It is not to be announced as planned. */
static int
visit_ongoing(const struct record *r, struct date today)
{
	return !r->status_given && r->start.set && r->end.set && date_cmp(r->start.d, today) <= 0 &&
	       !record_completed(r, today);
}

static void
put_title_block(struct view *v, struct node *root, const struct record *r)
{
	/* the report never says done what has not happened: a planned visit
	 * is written as the preparations for it, one under way as under way
	 * (the template's wording) */
	int ongoing = visit_ongoing(r, v->today), planned = !ongoing && visit_planned(r, v->today);
	put_bool(v, root, "visit_planned", planned);
	put_bool(v, root, "visit_ongoing", ongoing);
	put_bool(v, root, "visit_done", !planned && !ongoing);
	put_str(v, root, "id", r->id.s);
	put_str(v, root, "title", r->title.s ? r->title.s : r->id.s);
	put_str(v, root, "dates", span(v, r));
	/* the opening sentence's time: the span, or what is known of it */
	int one_day = r->start.set && (!r->end.set || !date_cmp(r->start.d, r->end.d));
	put_str(v, root, "dates_clause",
	        !r->start.set
	            ? L(v->lang, "(thời gian chưa rõ, vì ngày ghi trong hồ sơ không dùng được)",
	                "on dates that are not known (the record's dates are unusable)")
	        /* "... in Chiba on 6 June 2025", where Vietnamese has its "ngày" */
	        : one_day && v->lang == LANG_EN ? arena_printf(v->a, "on %s", span(v, r))
	                                        : span(v, r));
	const char *dir =
	    r->direction == DIR_INBOUND ? L(v->lang, "Đón đoàn nước ngoài (đoàn vào)",
	                                    "Foreign delegation received (inbound)")
	    : r->direction == DIR_OUTBOUND
	        ? L(v->lang, "Đoàn công tác nước ngoài (đoàn ra)", "Delegation abroad (outbound)")
	        : NULL;
	const char *when = planned   ? L(v->lang, "dự kiến", "planned")
	                   : ongoing ? L(v->lang, "đang diễn ra", "under way")
	                             : NULL;
	put_str(v, root, "direction", dir && when ? arena_printf(v->a, "%s, %s", dir, when) : dir);
	/* The locality as it was at the time of the visit: before 1 July 2025
	 * the unit as then named, with the unit it is part of now; after it
	 * the current unit (provinces.h). */
	const char *then;
	int u = province_said(r->locality_name.s, r->locality_former_name.s,
	                      r->start.set ? &r->start.d : NULL, &then);
	if (then) {
		char *s = province_then_now(then, u, v->lang);
		put_str(v, root, "locality", arena_strdup(v->a, s));
		free(s);
	} else {
		put_str(v, root, "locality", u >= 0 ? province_units[u].name : r->locality_name.s);
	}
	put_str(v, root, "locality_former", NULL); /* said in "locality" */
	struct node *ps = node_new_seq(v->a);
	for (size_t i = 0; i < r->npartners; i++) {
		const struct partner *p = &r->partners[i];
		struct node *m = node_new_map(v->a);
		put_str(v, m, "name", report_partner_name(p, v->lang));
		put_str(v, m, "local_name", p->local_name.s);
		/* The country by name; an organisation (EU) is named by its own name. */
		const char *cn = country_name(p->country.s, v->lang);
		put_str(v, m, "country",
		        country_is_org(p->country.s) ? NULL
		        : cn                         ? cn
		                                     : p->country.s);
		put_bool(v, m, "declined", p->response == RESP_DECLINED);
		put_bool(v, m, "last", i + 1 == r->npartners);
		node_seq_push(v->a, ps, m);
	}
	node_map_put(v->a, root, "partners", ps);
	if (r->has_head && r->head.name.s) {
		struct node *h = node_new_map(v->a);
		/* a head the record names by office alone ("Phó Chủ tịch UBND
		 * tỉnh Cà Mau") is said in English as a title is */
		put_str(v, h, "name", r->head.title.s ? r->head.name.s : title(v, r->head.name.s));
		put_str(v, h, "title", title(v, r->head.title.s));
		node_map_put(v->a, root, "head", h);
	}
	put_str(v, root, "agency", r->agency_name.s);
	put_str(v, root, "report_number", r->report_number.s ? v->number : NULL);
	put_str(v, root, "report_date", short_date(v, &r->report_date)); /* after "Ngày báo cáo:" */
	put_str(v, root, "report_author", r->report_author.s);
	char buf[64];
	date_human(v->today, v->lang, buf, sizeof buf);
	put_str(v, root, "today", arena_strdup(v->a, buf));
	put_str(v, root, "lang", v->lang == LANG_EN ? "en" : "vi");
}

struct node *
report_view(struct arena *a, const struct record *r, const struct diag *findings, size_t nfindings,
            struct date today, enum lang lang, const char *number, int by_agency,
            const struct config *cfg)
{
	struct view v = {a, lang, today, number, by_agency, cfg, r->locality_name.s};
	struct node *root = node_new_map(a);
	put_title_block(&v, root, r);
	put_departments(&v, root, r);
	put_timeline(&v, root, r);
	put_findings(&v, root, r, findings, nfindings);
	put_results(&v, root, r);
	put_contacts(&v, root, r);
	return root;
}
