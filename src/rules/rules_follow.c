/*
 * rules_follow.c: the rules of a completed visit and its follow-up
 * (visit-*, follow-*, memory-* of docs/rules.md): tasks with one owner and a
 * date, the report and its feedback, reviews, plan and institutional
 * memory.  Only reads the record; findings go through rules_emit.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "memo.h"
#include "rules_int.h"
#include "strlist.h"
#include "strmap.h"
#include "text.h"
#include "xalloc.h"

/* ---- vague owners ---- */

/* Folded phrases that name no one in particular.  The configuration
 * (vague_owners) adds to them. */
static const char *const vague_phrases[] = {
    "cac so",
    "cac nganh",
    "cac don vi",
    "cac co quan",
    "cac ban nganh",
    "cac dia phuong",
    "so nganh",
    "don vi lien quan",
    "co quan lien quan",
    "chua xac dinh",
    "chua phan cong",
    "tbd",
    "to be determined",
    "all departments",
    "all agencies",
    "relevant agencies",
    "relevant departments",
    "relevant units",
    "n a",
};

/* Folded first words of a body: a part of the owner that starts with one
 * of them after " và ", ",", "/", … is a second body. */
static const char *const body_heads[] = {
    "so",          "ubnd",      "uy ban",     "ban",          "bo",
    "van phong",   "trung tam", "phong",      "cuc",          "chi cuc",
    "hiep hoi",    "hoi",       "truong",     "dai hoc",      "vien",
    "cong an",     "tinh doan", "thanh doan", "lien minh",    "lien doan",
    "lien hiep",   "mat tran",  "cong ty",    "tong cong ty", "tap doan",
    "ngan hang",   "benh vien", "kho bac",    "department",   "dept",
    "office",      "ministry",  "agency",     "committee",    "people s committee",
    "centre",      "center",    "bureau",     "board",        "council",
    "association", "institute", "university", "police",       "chamber",
    "embassy",     "consulate", "doit",       "dofa",
};
/* Heads that begin an ordinary phrase, not a body ("phòng chống"). */
static const char *const body_head_exceptions[] = {"phong chong", "ban hanh", "bo sung"};

/* The folded text starts with the phrase (whole words). */
static int
starts_with_phrase(const char *folded, const char *phrase)
{
	size_t n = strlen(phrase);
	return !strncmp(folded, phrase, n) && (folded[n] == '\0' || folded[n] == ' ');
}

static int
body_head(const char *part)
{
	char *f = text_fold(part);
	int hit = 0;
	for (size_t i = 0; !hit && i < sizeof body_heads / sizeof body_heads[0]; i++)
		hit = starts_with_phrase(f, body_heads[i]);
	for (size_t i = 0; hit && i < sizeof body_head_exceptions / sizeof body_head_exceptions[0];
	     i++)
		if (starts_with_phrase(f, body_head_exceptions[i]))
			hit = 0;
	free(f);
	return hit;
}

/* A unit named with the body it is part of after a comma, as Vietnamese
 * writes it: "Cục Lãnh sự, Bộ Ngoại giao", "Phòng Hợp tác quốc tế, Sở
 * Ngoại vụ", "Consular Department, Ministry of Foreign Affairs".  The
 * folded heads of the unit and of the body it is under. */
static const char *const unit_of[][2] = {
    {"cuc", "bo"},
    {"vu", "bo"},
    {"tong cuc", "bo"},
    {"cuc", "ministry"},
    {"vu", "ministry"},
    {"tong cuc", "ministry"},
    {"department", "ministry"},
    {"phong", "so"},
};

/* 1 when next, after a comma, names the body the part from start is a unit
 * of: one body, not two. */
static int
unit_and_its_body(const char *start, const char *next)
{
	char *a = text_fold(start), *b = text_fold(next);
	int hit = 0;
	for (size_t i = 0; !hit && i < sizeof unit_of / sizeof unit_of[0]; i++)
		hit = starts_with_phrase(a, unit_of[i][0]) && starts_with_phrase(b, unit_of[i][1]);
	free(a);
	free(b);
	return hit;
}

/* What joins two bodies in one owner. */
static const char *const seps[] = {" và ", " and ", ",", ";", "/", "&", "+", " với ", " cùng "};

/* The separator at p, when the name of a second body follows it (the
 * part before it started at start): its length, else 0. */
static size_t
body_sep(const char *start, const char *p)
{
	switch (*p) { /* most bytes start no separator: the first bytes of seps */
	case ' ':
	case ',':
	case ';':
	case '/':
	case '&':
	case '+': break;
	default: return 0;
	}
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		if (*p != *seps[i])
			continue;
		size_t n = strlen(seps[i]);
		if (strncmp(p, seps[i], n) || !body_head(p + n))
			continue;
		if (*seps[i] == ',' && unit_and_its_body(start, p + n))
			continue;
		return n;
	}
	return 0;
}

/* Several bodies in one: a separator followed by the name of a body. */
static int
several_bodies(const char *owner)
{
	for (const char *p = owner; *p; p++)
		if (body_sep(owner, p))
			return 1;
	return 0;
}

/* As vague_owner, with the built-in phrases alone: depends on the text
 * only. */
static int
vague_builtin(const char *owner)
{
	char *f = text_fold(owner);
	int v = 0;
	for (size_t i = 0; !v && i < sizeof vague_phrases / sizeof vague_phrases[0]; i++)
		v = rules_has_phrase(f, vague_phrases[i]);
	free(f);
	return v ? 1 : several_bodies(owner) ? 2 : 0;
}

/* The answers of vague_builtin for the owners seen lately (memo.h):
 * folding and scanning each owner again was a tenth of check's time. */
static struct memo vmemo = MEMO_INIT;

static int
vague_builtin_memo(const char *owner)
{
	size_t n = strlen(owner);
	int v;
	if (!memo_find(&vmemo, owner, n, NULL, &v)) {
		v = vague_builtin(owner);
		memo_keep(&vmemo, owner, n, NULL, v);
	}
	return v;
}

/* 0: one body; 1: vague words; 2: several bodies. */
static int
vague_owner(const char *owner, const struct config *cfg)
{
	int v = vague_builtin_memo(owner);
	if (v == 1 || !cfg || !cfg->nvague_owners)
		return v;
	char *f = text_fold(owner);
	int cv = 0;
	for (size_t i = 0; !cv && i < cfg->nvague_owners; i++)
		cv = rules_has_phrase(f, cfg->vague_owners[i]);
	free(f);
	return cv ? 1 : v;
}

static void
push_part(struct strlist *out, const char *s, size_t n)
{
	char *raw = xstrndup(s, n), *part = text_squeeze(raw);
	free(raw);
	if (*part)
		strlist_take(out, part);
	else
		free(part);
}

void
rules_owner_bodies(const char *owner, struct strlist *out)
{
	const char *start = owner, *p = owner;
	for (; *p; p++) {
		size_t n = body_sep(start, p);
		if (!n)
			continue;
		push_part(out, start, (size_t)(p - start));
		start = p + n;
		p = start - 1;
	}
	push_part(out, start, (size_t)(p - start));
}

/* The part [s, e) with owner_aliases' name for it, the spaces around it
 * kept; 1 when it was renamed. */
static int
put_aliased(struct buf *b, const char *s, const char *e, const struct config *cfg,
            const char *locality)
{
	const char *a = s, *z = e;
	while (a < z && (*a == ' ' || *a == '\t'))
		a++;
	while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
		z--;
	char *part = xstrndup(a, (size_t)(z - a));
	const char *to = config_owner_name(cfg, part, locality);
	int renamed = to != part;
	buf_put(b, s, (size_t)(a - s));
	buf_puts(b, renamed ? to : part);
	buf_put(b, z, (size_t)(e - z));
	free(part);
	return renamed;
}

char *
rules_owner_aliased(const char *owner, const struct config *cfg, const char *locality)
{
	if (!owner || !cfg || !cfg->nowner_alias)
		return NULL;
	const char *whole = config_owner_name(cfg, owner, locality);
	if (whole != owner)
		return xstrdup(whole);
	struct buf b = {0};
	int renamed = 0;
	const char *start = owner, *p = owner;
	for (; *p; p++) {
		size_t n = body_sep(start, p);
		if (!n)
			continue;
		renamed |= put_aliased(&b, start, p, cfg, locality);
		buf_put(&b, p, n);
		start = p + n;
		p = start - 1;
	}
	renamed |= put_aliased(&b, start, p, cfg, locality);
	if (!renamed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int
rules_owner_vague(const char *owner, const struct config *cfg)
{
	return !owner || text_blank(owner) || vague_owner(owner, cfg) == 1;
}

/* ---- the rules ---- */

static void
visit_courtesy_only(struct rctx *c)
{
	const struct record *r = c->r;
	if (!r->nmeetings)
		return;
	for (size_t i = 0; i < r->nmeetings; i++)
		if (r->meetings[i].kind != MEET_COURTESY)
			return;
	if (r->nmeetings == 1)
		rules_emit(c, rules_mark(c, r->meetings_mark, r->meetings_mark),
		           "visit-courtesy-only", SEV_WARNING, "%s",
		           L(c->ctx->lang,
		             "cuộc gặp duy nhất chỉ là chào xã giao: cần buổi làm việc thực chất",
		             "the only meeting is a courtesy call: hold real working sessions"));
	else if (r->nmeetings == 2 && c->ctx->lang == LANG_EN)
		rules_emit(c, rules_mark(c, r->meetings_mark, r->meetings_mark),
		           "visit-courtesy-only", SEV_WARNING, "%s",
		           "both meetings are courtesy calls: hold real working sessions");
	else
		rules_emit(c, rules_mark(c, r->meetings_mark, r->meetings_mark),
		           "visit-courtesy-only", SEV_WARNING,
		           L(c->ctx->lang,
		             "cả %zu cuộc gặp đều chỉ là chào xã giao: cần buổi làm việc thực chất",
		             "all %zu meetings are courtesy calls: hold real working sessions"),
		           r->nmeetings);
}

/* rules_told for a field of follow_up, or follow_up itself. */
static int
told_follow(const struct rctx *c, const char *field)
{
	return rules_told_top(c, "follow_up") ||
	       (c->r->has_follow_up && rules_told(c, c->r->follow_up_mark, field));
}

static void
follow_tasks(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->ntasks || rules_told_top(c, "tasks"))
		return;
	rules_emit(c, rules_mark(c, r->tasks_mark, r->tasks_mark), "follow-tasks", SEV_ERROR, "%s",
	           L(c->ctx->lang, "chuyến đi đã kết thúc mà chưa phân công nhiệm vụ nào (tasks)",
	             "the visit is over and no task is assigned (tasks)"));
}

static int
task_closed(const struct task *t)
{
	return t->status == TASK_DONE || t->status == TASK_DROPPED;
}

/* A task's status as a sentence says it, not as the record writes it. */
static const char *
status_said(enum task_status s, enum lang lang)
{
	static const char *const vi[] = {"chưa thực hiện", "đang thực hiện", "đã hoàn thành",
	                                 "đang vướng mắc", "đã dừng"};
	static const char *const en[] = {"open", "in progress", "done", "blocked", "dropped"};
	return (unsigned)s < sizeof vi / sizeof vi[0] ? L(lang, vi, en)[s] : "?";
}

static void
task_owner(struct rctx *c, const struct task *t, const char *name)
{
	if (text_blank(t->owner.s)) {
		if (rules_told(c, t->mark, "owner"))
			return; /* the schema's finding says it */
		rules_emit(c, rules_mark(c, t->mark, t->mark), "follow-task-owner", SEV_ERROR,
		           L(c->ctx->lang, "nhiệm vụ '%s' chưa có đơn vị chủ trì (owner)",
		             "task '%s' has no owner"),
		           name);
		return;
	}
	int v = vague_owner(t->owner.s, c->ctx->cfg);
	if (!v)
		return;
	char *o = rules_short(t->owner.s);
	if (v == 2)
		rules_emit(
		    c, rules_mark(c, t->owner.mark, t->mark), "follow-task-owner", SEV_WARNING,
		    L(c->ctx->lang,
		      "đơn vị chủ trì '%s' của nhiệm vụ '%s' gồm nhiều cơ quan: giao cho một "
		      "đơn vị, các đơn vị khác ghi vào 'support'",
		      "owner '%s' of task '%s' names several bodies: give it to one, put "
		      "the others under 'support'"),
		    o, name);
	else
		rules_emit(
		    c, rules_mark(c, t->owner.mark, t->mark), "follow-task-owner", SEV_WARNING,
		    L(c->ctx->lang,
		      "đơn vị chủ trì '%s' của nhiệm vụ '%s' không rõ ràng: cần giao cho một "
		      "Sở, ngành cụ thể",
		      "owner '%s' of task '%s' is vague: name one responsible department"),
		    o, name);
	free(o);
}

static void
task_due(struct rctx *c, const struct task *t, const char *name)
{
	if (task_closed(t))
		return;
	if (!t->due.set) {
		if (rules_told(c, t->mark, "due"))
			return; /* the schema's finding says it */
		rules_emit(c, rules_mark(c, t->mark, t->mark), "follow-task-due", SEV_WARNING,
		           L(c->ctx->lang, "nhiệm vụ '%s' chưa có thời hạn (due)",
		             "task '%s' has no due date"),
		           name);
		return;
	}
	/* A month-precision deadline runs to the month's last day.  A status
	 * the schema rejected is not "still open": its finding says enough. */
	if (date_days(t->due.d, 1) >= c->today || rules_told(c, t->mark, "status"))
		return;
	char d[11];
	date_iso(t->due.d, d);
	rules_emit(c, rules_mark(c, t->due.mark, t->mark), "follow-task-overdue", SEV_WARNING,
	           L(c->ctx->lang, "nhiệm vụ '%s' đã quá hạn (%s) mà vẫn %s",
	             "task '%s' was due %s and is still %s"),
	           name, d, status_said(t->status, c->ctx->lang));
}

static void
task_stale(struct rctx *c, const struct task *t, const char *name)
{
	if ((t->status != TASK_OPEN && t->status != TASK_IN_PROGRESS) ||
	    rules_told(c, t->mark, "status"))
		return;
	long last = -1;
	struct mark m = t->mark;
	for (size_t i = 0; i < t->nupdates; i++) {
		const struct update *u = &t->updates[i];
		if (u->date.set && date_days(u->date.d, 0) >= last) {
			last = date_days(u->date.d, 0);
			m = u->mark;
		}
	}
	int since_end = last < 0;
	if (since_end) {
		if (!c->r->end.set)
			return;
		last = date_days(c->r->end.d, 0);
	}
	long days = c->today - last;
	if (days <= c->ctx->cfg->stale_days)
		return;
	char d[11];
	date_iso(date_from_days(last), d);
	if (since_end)
		rules_emit(
		    c, rules_mark(c, m, t->mark), "follow-task-stale", SEV_INFO,
		    L(c->ctx->lang,
		      "nhiệm vụ '%s' chưa có cập nhật nào từ khi chuyến đi kết thúc (%s, %ld "
		      "ngày)",
		      "task '%s' has had no update since the visit ended (%s, %ld days)"),
		    name, d, days);
	else
		rules_emit(c, rules_mark(c, m, t->mark), "follow-task-stale", SEV_INFO,
		           L(c->ctx->lang, "nhiệm vụ '%s' không được cập nhật từ %s (%ld ngày)",
		             "task '%s' has had no update since %s (%ld days)"),
		           name, d, days);
}

/* A task given twice to the same owner, as a line pasted twice: the
 * later one, naming the line of the first.  Text and owner compare
 * folded (case, accents, spacing and punctuation aside), an owner by the
 * name owner_aliases gives it; a task without
 * its text or owner has the schema's or follow-task-owner's finding, and
 * one whose id repeats an earlier task's the schema's. */
static void
task_duplicates(struct rctx *c)
{
	const struct record *r = c->r;
	if (r->ntasks < 2)
		return;
	struct strmap seen = {0};
	char **keys = xcalloc(r->ntasks, sizeof *keys);
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct task *t = &r->tasks[i];
		if (text_blank(t->task.s) || text_blank(t->owner.s))
			continue;
		char *ft = text_fold(t->task.s);
		char *fo =
		    text_fold(config_owner_name(c->ctx->cfg, t->owner.s, c->r->locality_name.s));
		keys[i] = xasprintf("%s\x1f%s", ft, fo);
		free(ft);
		free(fo);
		size_t *first = strmap_get(&seen, keys[i]);
		if (!first) {
			strmap_put(&seen, keys[i], i);
			continue;
		}
		if (rules_told(c, t->mark, "id"))
			continue; /* its id repeats the first's too: the schema said it */
		char *name = rules_short(t->task.s), *o = rules_short(t->owner.s);
		rules_emit(c, rules_mark(c, t->mark, t->mark), "follow-task-duplicate", SEV_WARNING,
		           L(c->ctx->lang,
		             "nhiệm vụ '%s' giao cho '%s' trùng với nhiệm vụ ở dòng %u: bỏ bớt một "
		             "nhiệm vụ, hoặc ghi rõ hai nhiệm vụ khác nhau ở điểm nào",
		             "task '%s' for '%s' repeats the task on line %u: remove one, or say "
		             "in the text how the two differ"),
		           name, o, r->tasks[*first].mark.line);
		free(name);
		free(o);
	}
	strmap_free(&seen);
	for (size_t i = 0; i < r->ntasks; i++)
		free(keys[i]);
	free(keys);
}

/* Each task's owner and whether it repeats another; and, once the visit
 * is over (after), its deadline and its updates. */
static void
task_each(struct rctx *c, int after)
{
	task_duplicates(c);
	for (size_t i = 0; i < c->r->ntasks; i++) {
		const struct task *t = &c->r->tasks[i];
		char *name = rules_short(t->task.s ? t->task.s : t->id.s);
		task_owner(c, t, name);
		if (after) {
			task_due(c, t, name);
			task_stale(c, t, name);
		}
		free(name);
	}
}

void
rules_task_owners(struct rctx *c)
{
	task_each(c, 0);
}

/* Days since the visit ended, or -1 when the end is unknown. */
static long
days_since_end(const struct rctx *c)
{
	if (!c->r->end.set)
		return -1;
	return c->today - date_days(c->r->end.d, 0);
}

static struct mark
follow_up_mark(const struct rctx *c)
{
	return rules_mark(c, c->r->follow_up_mark, c->r->follow_up_mark);
}

static void
follow_report(struct rctx *c)
{
	long days = days_since_end(c);
	const struct rdate *rd = &c->r->report_date;
	/* the report of a visit that is over, dated before it was: the date
	 * printed on the document to sign is wrong */
	if (c->r->has_report && rd->set && rd->d.d && c->r->end.set &&
	    date_cmp(rd->d, c->r->end.d) < 0) {
		char a[11], b[11];
		date_iso(rd->d, a);
		date_iso(c->r->end.d, b);
		rules_emit(
		    c, rules_mark(c, rd->mark, follow_up_mark(c)), "follow-report", SEV_WARNING,
		    L(c->ctx->lang,
		      "báo cáo sau chuyến đi đề ngày %s (follow_up.report.date), trước khi "
		      "chuyến đi kết thúc (%s)",
		      "the post-visit report is dated %s (follow_up.report.date), before the "
		      "visit ended (%s)"),
		    a, b);
	}
	if (c->r->has_report || days <= c->ctx->cfg->report_days || told_follow(c, "report"))
		return;
	rules_emit(c, follow_up_mark(c), "follow-report", SEV_WARNING,
	           L(c->ctx->lang,
	             "chưa có báo cáo sau chuyến đi (follow_up.report) dù chuyến đi đã kết thúc "
	             "được %ld ngày",
	             "no post-visit report (follow_up.report) %ld days after the visit ended"),
	           days);
}

static void
follow_feedback(struct rctx *c)
{
	/* the records of a representative agency itself: no agency to send to */
	const struct office *of = &c->ctx->cfg->office;
	if (of->given && of->at == OFFICE_ABROAD)
		return;
	/* a visit no representative agency supported (an inbound delegation
	 * that came directly): none to report back to */
	if (!c->r->has_agency)
		return;
	if (c->r->feedback_to_agency.set || told_follow(c, "feedback_to_agency"))
		return;
	rules_emit(c, follow_up_mark(c), "follow-feedback", SEV_WARNING, "%s",
	           L(c->ctx->lang,
	             "chưa ghi ngày gửi báo cáo, thông tin lại cho cơ quan đại diện "
	             "(follow_up.feedback_to_agency)",
	             "no record of the report going back to the representative agency "
	             "(follow_up.feedback_to_agency)"));
}

static void
follow_plan(struct rctx *c)
{
	if (c->r->has_plan || told_follow(c, "plan"))
		return;
	rules_emit(c, follow_up_mark(c), "follow-plan", SEV_WARNING, "%s",
	           L(c->ctx->lang,
	             "chưa có chương trình, kế hoạch dài hạn với đối tác (follow_up.plan)",
	             "no long-term programme with the partner (follow_up.plan)"));
}

static void
follow_reviews(struct rctx *c)
{
	long days = days_since_end(c);
	if (c->r->nreviews || days <= c->ctx->cfg->review_days || told_follow(c, "reviews"))
		return;
	rules_emit(
	    c, follow_up_mark(c), "follow-reviews", SEV_INFO,
	    L(c->ctx->lang,
	      "chưa có lần rà soát tình hình triển khai nào (follow_up.reviews) sau %ld ngày "
	      "kể từ khi chuyến đi kết thúc",
	      "no implementation review (follow_up.reviews) %ld days after the visit"),
	    days);
}

static void
follow_accomplishment_heavy(struct rctx *c)
{
	const struct record *r = c->r;
	if (!r->outcomes.n)
		return;
	struct mark m = rules_mark(c, r->outcomes.mark, r->outcomes.mark);
	if (r->outcomes.n > r->ntasks) {
		rules_emit(c, m, "follow-accomplishment-heavy", SEV_WARNING,
		           L(c->ctx->lang,
		             "%zu kết quả nhưng chỉ %zu nhiệm vụ%s: báo cáo nặng về thành tích hơn "
		             "phân công nhiệm vụ",
		             "%zu outcomes but only %zu %s: the record is heavier on results than "
		             "on tasks"),
		           r->outcomes.n, r->ntasks,
		           L(c->ctx->lang, "", PL(r->ntasks, "task", "tasks")));
		return;
	}
	size_t out = 0, task = 0;
	for (size_t i = 0; i < r->outcomes.n; i++)
		out += r->outcomes.v[i].s ? text_codepoints(r->outcomes.v[i].s) : 0;
	for (size_t i = 0; i < r->ntasks; i++)
		task += r->tasks[i].task.s ? text_codepoints(r->tasks[i].task.s) : 0;
	if (out <= task)
		return;
	rules_emit(c, m, "follow-accomplishment-heavy", SEV_WARNING,
	           L(c->ctx->lang,
	             "phần kết quả (%zu ký tự) dài hơn phần nhiệm vụ (%zu ký tự): báo cáo nặng về "
	             "thành tích",
	             "outcome text (%zu characters) is longer than task text (%zu): the record is "
	             "heavier on results"),
	           out, task);
}

static void
follow_reciprocal(struct rctx *c)
{
	if (c->r->direction != DIR_OUTBOUND || c->r->has_reciprocal ||
	    told_follow(c, "reciprocal_visit"))
		return;
	rules_emit(c, follow_up_mark(c), "follow-reciprocal", SEV_INFO, "%s",
	           L(c->ctx->lang,
	             "chưa ghi chuyến thăm đáp lễ của đối tác (follow_up.reciprocal_visit)",
	             "no return visit by the partner recorded (follow_up.reciprocal_visit)"));
}

static void
follow_alternative(struct rctx *c)
{
	const struct record *r = c->r;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct partner *p = &r->partners[i];
		if (p->response != RESP_DECLINED)
			continue;
		size_t j;
		for (j = 0; j < r->npartners; j++)
			if (j != i && r->partners[j].alternative == p)
				break;
		if (j < r->npartners)
			continue;
		rules_emit(c, rules_mark(c, p->mark, p->mark), "follow-alternative", SEV_WARNING,
		           L(c->ctx->lang,
		             "đối tác '%s' đã từ chối mà chưa có đối tác thay thế nào "
		             "(alternative_to)",
		             "partner '%s' declined and no other partner is recorded as an "
		             "alternative (alternative_to)"),
		           p->name.s ? p->name.s : "?");
	}
}

static void
memory_contacts(struct rctx *c)
{
	const struct record *r = c->r;
	for (size_t i = 0; i < r->ncontacts; i++)
		if (r->contacts[i].side == SIDE_PARTNER)
			return;
	if (rules_told_top(c, "contacts"))
		return;
	rules_emit(c, rules_mark(c, r->contacts_mark, r->contacts_mark), "memory-contacts",
	           SEV_WARNING, "%s",
	           L(c->ctx->lang,
	             "chưa lưu người liên hệ nào phía đối tác (contacts, side: partner)",
	             "no partner-side contact recorded (contacts, side: partner)"));
}

static void
memory_handover(struct rctx *c)
{
	if (!text_blank(c->r->handover.s) || rules_told_top(c, "handover"))
		return;
	rules_emit(c, rules_mark(c, c->r->handover.mark, c->r->handover.mark), "memory-handover",
	           SEV_INFO, "%s",
	           L(c->ctx->lang,
	             "chưa có ghi chú bàn giao (handover) cho người tiếp nhận quan hệ",
	             "no handover notes (handover) for whoever takes over the relationship"));
}

void
rules_follow(struct rctx *c)
{
	visit_courtesy_only(c);
	follow_tasks(c);
	task_each(c, 1);
	follow_report(c);
	follow_feedback(c);
	follow_plan(c);
	follow_reviews(c);
	follow_accomplishment_heavy(c);
	follow_reciprocal(c);
	follow_alternative(c);
	memory_contacts(c);
	memory_handover(c);
}
