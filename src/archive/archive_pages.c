/*
 * archive_pages.c: the archive's Markdown pages (index, partner dossiers,
 * open-task register, agency handover dossiers), built from the model in
 * archive.h, in Vietnamese or English.  Record text goes through the
 * Markdown escapers; links are relative so they work in a git host's view
 * and, rewritten to .pdf, in the PDFs.  Never touches the file system.
 */
#include "archive_pages.h"

#include "countries.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "md_escape.h"
#include "provinces.h"
#include "text.h"
#include "xalloc.h"

/* ==== escaping record text ==== */

/* Record text goes where the page has got to: the line so far (table
 * row, link text, heading, list item) tells md_escape_auto the context
 * it escapes for, so no value can change the page's structure.  What it
 * scanned of the line is kept between calls (a row names dozens of
 * values), for the one page being made on this thread: each page
 * function starts it afresh (page_start), and writes to its page only
 * by appending. */
static _Thread_local struct md_auto page_scan;

static void
page_start(void)
{
	memset(&page_scan, 0, sizeof page_scan);
}

static void
md_put(struct buf *b, const char *s)
{
	if (!s || !*s)
		return;
	md_escape_auto(&page_scan, b, s, strlen(s));
}

/* ==== words ==== */

/* The country's name in prose, never a bare code; an unknown code is
 * shown as written. */
const char *
arc_country_name(const char *code, enum lang lang)
{
	const char *n = country_name(code, lang);
	return n ? n : code;
}

static const char *
dir_word(enum direction d, enum lang lang)
{
	/* the report's terms: đoàn ra / đoàn vào */
	return d == DIR_INBOUND    ? L(lang, "đoàn vào", "inbound")
	       : d == DIR_OUTBOUND ? L(lang, "đoàn ra", "outbound")
	                           : L(lang, "chưa rõ", "unknown");
}

static const char *
stage_word(enum stage s, enum lang lang)
{
	switch (s) {
	case STAGE_PROSPECT: return L(lang, "tiềm năng", "prospect");
	case STAGE_EXPLORING: return L(lang, "đang tìm hiểu", "exploring");
	case STAGE_MOU: return L(lang, "đã ký MOU", "MOU signed");
	case STAGE_SISTER: return L(lang, "kết nghĩa", "sister relationship");
	case STAGE_DECLINED: return L(lang, "đã từ chối", "declined");
	default: return "";
	}
}

const char *
arc_task_status_word(enum task_status s, enum lang lang)
{
	switch (s) {
	case TASK_OPEN: return L(lang, "chưa thực hiện", "open");
	case TASK_IN_PROGRESS: return L(lang, "đang thực hiện", "in progress");
	case TASK_BLOCKED: return L(lang, "vướng mắc", "blocked");
	case TASK_DONE: return L(lang, "đã xong", "done");
	case TASK_DROPPED: return L(lang, "đã hủy", "dropped");
	}
	return "";
}

static const char *
agr_word(enum agreement_kind k, enum lang lang)
{
	switch (k) {
	case AGR_MOU: return L(lang, "Bản ghi nhớ (MOU)", "Memorandum of understanding");
	case AGR_AGREEMENT: return L(lang, "Thỏa thuận hợp tác", "Agreement");
	case AGR_PLAN: return L(lang, "Kế hoạch hợp tác", "Cooperation plan");
	case AGR_LETTER_OF_INTENT: return L(lang, "Thư ý định", "Letter of intent");
	default: return L(lang, "Chưa rõ loại", "Kind not given");
	}
}

static const char *
partner_kind_word(enum partner_kind k, enum lang lang)
{
	switch (k) {
	case PK_PREFECTURE: return L(lang, "tỉnh", "prefecture");
	case PK_REGION: return L(lang, "vùng", "region");
	case PK_PROVINCE: return L(lang, "tỉnh", "province");
	case PK_STATE: return L(lang, "bang", "state");
	case PK_CITY: return L(lang, "thành phố", "city");
	case PK_DEPARTMENT: return L(lang, "tỉnh", "department"); /* a French département */
	case PK_ORGANIZATION: return L(lang, "tổ chức", "organization");
	case PK_BUSINESS: return L(lang, "doanh nghiệp", "business");
	case PK_UNIVERSITY: return L(lang, "trường đại học", "university");
	default: return "";
	}
}

/* The kind of agency as a common noun, in small letters as the kind of a
 * partner is ("Loại: tỉnh"): Vietnamese capitalises "Đại sứ quán" only in
 * an agency's name. */
static const char *
agency_kind_word(enum agency_kind k, enum lang lang)
{
	switch (k) {
	case AGENCY_EMBASSY: return L(lang, "đại sứ quán", "embassy");
	case AGENCY_CONSULATE: return L(lang, "tổng lãnh sự quán", "consulate");
	case AGENCY_MISSION: return L(lang, "phái đoàn", "mission");
	default: return "";
	}
}

/* ==== pieces ==== */

static void
put_date(struct buf *b, struct date d, enum lang lang)
{
	char s[32];
	if (!d.y) { /* the record's dates are unusable */
		buf_puts(b, "—");
		return;
	}
	date_short(d, lang, s, sizeof s); /* as the reports' tables write it */
	buf_puts(b, s);
}

static void
put_odate(struct buf *b, struct odate d, enum lang lang)
{
	if (d.set)
		put_date(b, d.d, lang);
}

static void
put_range(struct buf *b, struct date s, struct date e, enum lang lang)
{
	put_date(b, s, lang);
	if (date_cmp(s, e)) {
		buf_puts(b, " – ");
		put_date(b, e, lang);
	}
}

/* The date of that visit, marked when it is a return visit. */
static void
put_last(struct buf *b, const struct archive *a, size_t k, enum lang lang)
{
	long ret;
	struct date d = archive_partner_last(a, k, &ret);
	if (ret >= 0) {
		put_date(b, d, lang);
		buf_printf(b, " (%s)", L(lang, "đáp lễ", "return visit"));
	} else if (a->partners[k].last_visit >= 0) {
		put_date(b, d, lang);
	}
}

static void
put_link(struct buf *b, const char *text, const char *up, const char *dir, const char *slug)
{
	buf_putc(b, '[');
	md_put(b, text);
	buf_printf(b, "](%s%s%s.md)", up, dir, slug);
}

char *
arc_agency_name(const struct arc_agency *ag, enum lang lang)
{
	char *t = lang == LANG_EN ? agency_name_en(ag->name) : agency_name_vi(ag->name);
	return t ? t : xstrdup(ag->name);
}

/* Visits of an agency's records that have not taken place. */
static size_t
agency_nplanned(const struct archive *a, const struct arc_agency *ag)
{
	size_t n = 0;
	for (size_t i = 0; i < ag->nrecs; i++)
		n += a->recs[ag->recs[i]].status != STATUS_COMPLETED;
	return n;
}

static void
put_agency_link(struct buf *b, const struct arc_agency *ag, const char *up, enum lang lang)
{
	char *t = arc_agency_name(ag, lang);
	put_link(b, t, up, "agencies/", ag->slug);
	free(t);
}

/* A partner as a page of the language names it: in English a place that
 * Vietnamese transcribes by its English name ("Vân Nam" → "Yunnan"), or
 * names with the Vietnamese word of its unit ("Tỉnh Savannakhet" →
 * "Savannakhet"), as the report names it; any other as its records write
 * it. */
static const char *
partner_shown(const struct arc_partner *p, enum lang lang)
{
	if (lang != LANG_EN || p->kind == PK_ORGANIZATION || p->kind == PK_BUSINESS ||
	    p->kind == PK_UNIVERSITY || country_code_by_name(p->name))
		return p->name;
	const char *en = place_name_en(p->name);
	return en ? en : p->name;
}

static void
put_partner_link(struct buf *b, const struct archive *a, size_t p, const char *up, enum lang lang)
{
	const struct arc_partner *pp = &a->partners[p];
	put_link(b, partner_shown(pp, lang), up, "partners/", pp->slug);
}

/* The locality of a record: current unit, and the name used when it differs. */
static void
put_locality(struct buf *b, const struct archive *a, const struct arc_rec *r, enum lang lang)
{
	const struct arc_loc *l = &a->locs[r->loc];
	if (r->loc_used && l->unit >= 0) { /* a visit before 1 July 2025 */
		char *s = province_then_now(r->loc_used, l->unit, lang);
		md_put(b, s);
		free(s);
		return;
	}
	md_put(b, arc_loc_shown(l, lang));
	if (r->loc_used) {
		buf_puts(b, L(lang, " (hồ sơ ghi: ", " (record says: "));
		md_put(b, r->loc_used);
		buf_putc(b, ')');
	}
}

/* The distinct partners of a record, linked, in record order; one that
 * declined the visit said so. */
static void
put_rec_partners(struct buf *b, const struct archive *a, size_t ri, const char *up, enum lang lang)
{
	const struct arc_rec *r = &a->recs[ri];
	int first = 1;
	for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++) {
		size_t p = a->occs[o].partner, dup = 0;
		for (size_t q = r->occ0; q < o; q++)
			dup |= a->occs[q].partner == p;
		if (dup)
			continue;
		if (!first)
			buf_puts(b, ", ");
		first = 0;
		put_partner_link(b, a, p, up, lang);
		if (!archive_rec_visits_partner(a, ri, p))
			buf_printf(b, " (%s)", L(lang, "đã từ chối", "declined"));
	}
}

static void
table_head(struct buf *b, const char *const *cols, size_t n)
{
	buf_puts(b, "|");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, " %s |", cols[i]);
	buf_puts(b, "\n|");
	for (size_t i = 0; i < n; i++)
		buf_puts(b, " --- |");
	buf_putc(b, '\n');
}

#define TABLE(b, ...)                                                                              \
	do {                                                                                       \
		const char *const cols_[] = {__VA_ARGS__};                                         \
		table_head(b, cols_, sizeof cols_ / sizeof cols_[0]);                              \
	} while (0)

static void
nav(struct buf *b, const char *up, enum lang lang)
{
	buf_printf(b, "[%s](%sindex.md) · [%s](%stasks.md)\n\n", L(lang, "Mục lục", "Index"), up,
	           L(lang, "Sổ theo dõi nhiệm vụ", "Open-task register"), up);
}

/* One row of a visits table: dates, direction, locality, partners, title. */
static void
visit_row(struct buf *b, const struct archive *a, size_t ri, const char *up, enum lang lang)
{
	const struct arc_rec *r = &a->recs[ri];
	buf_puts(b, "| ");
	put_range(b, r->start, r->end, lang);
	buf_printf(b, " | %s", dir_word(r->dir, lang));
	if (r->status != STATUS_COMPLETED)
		buf_printf(b, " (%s)", L(lang, "dự kiến", "planned"));
	buf_puts(b, " | ");
	put_locality(b, a, r, lang);
	buf_puts(b, " | ");
	put_rec_partners(b, a, ri, up, lang);
	buf_puts(b, " | ");
	md_put(b, r->title);
	buf_printf(b, " | %s |\n", r->id);
}

/* A department as the page's language names it; the vague owners' entry
 * as "no specific department". */
static const char *
owner_title(const struct arc_owner *w, enum lang lang)
{
	return !w->name[0] ? arc_no_department(lang) : lang == LANG_EN ? w->name_en : w->name;
}

static void
task_row(struct buf *b, const struct archive *a, const struct arc_task *t, int owner_col,
         int partner_col, const char *up, enum lang lang)
{
	const struct arc_rec *r = &a->recs[t->rec];
	buf_puts(b, "| ");
	if (t->overdue)
		buf_printf(b, "**%s** ", L(lang, "QUÁ HẠN", "OVERDUE"));
	put_odate(b, t->due, lang);
	if (!t->due.set)
		buf_puts(b, L(lang, "chưa có hạn", "no deadline"));
	buf_puts(b, " | ");
	md_put(b, t->text);
	if (owner_col) {
		buf_puts(b, " | ");
		if (!a->owners[t->owner[0]].vague) {
			for (size_t k = 0; k < t->nowner; k++) {
				buf_puts(b, k ? "; " : "");
				md_put(b, owner_title(&a->owners[t->owner[k]], lang));
			}
		} else if (t->owner_written && *t->owner_written) { /* "TBD": said, and why */
			md_put(b, t->owner_written);
			buf_puts(b, L(lang, " (chưa phải một đơn vị cụ thể)",
			              " (no specific department)"));
		} else {
			buf_puts(b, L(lang, "(chưa giao)", "(none)"));
		}
	}
	if (partner_col) {
		buf_puts(b, " | ");
		if (t->occ >= 0)
			put_partner_link(b, a, a->occs[t->occ].partner, up, lang);
	}
	buf_printf(b, " | %s",
	           t->status_unknown ? L(lang, "chưa rõ (hồ sơ ghi sai)", "unknown (miswritten)")
	                             : arc_task_status_word(t->status, lang));
	buf_puts(b, " | ");
	if (t->upd.set || t->upd_note) {
		put_odate(b, t->upd, lang);
		if (t->upd_note) {
			buf_puts(b, t->upd.set ? ": " : "");
			md_put(b, t->upd_note);
		}
	}
	buf_printf(b, " | %s", r->id);
	if (t->id)
		buf_printf(b, " / ");
	if (t->id)
		md_put(b, t->id);
	buf_puts(b, " |\n");
}

/* An agency dossier lists its area's most urgent open tasks, and the
 * handover notes of the latest visits; the rest are on the register's
 * pages and in the records, so the dossier stays what a newly posted
 * officer can read, whatever the size of the collection. */
enum { AGENCY_TASKS = 100, HANDOVER_NOTES = 30, AGENCY_CONTACTS = 100 };

/* Handover notes of some records, newest first (the newest
 * HANDOVER_NOTES; how many earlier ones there are is said). */
static void
put_handover(struct buf *b, const struct archive *a, const size_t *recs, size_t n, enum lang lang)
{
	size_t nh = 0;
	for (size_t i = n; i-- > 0;) {
		const struct arc_rec *r = &a->recs[recs[i]];
		if (!r->handover)
			continue;
		if (nh++ >= HANDOVER_NOTES)
			continue;
		if (nh == 1)
			buf_printf(b, "## %s\n\n", L(lang, "Ghi chú bàn giao", "Handover notes"));
		buf_puts(b, "- ");
		put_date(b, r->start, lang);
		buf_printf(b, " (%s): ", r->id);
		md_put(b, r->handover);
		buf_putc(b, '\n');
	}
	if (nh > HANDOVER_NOTES)
		buf_printf(b,
		           L(lang,
		             "\n%zu ghi chú bàn giao%s trước đó có trong hồ sơ của từng đoàn.\n",
		             "\n%zu earlier handover %s in the records themselves.\n"),
		           nh - HANDOVER_NOTES,
		           L(lang, "", PL(nh - HANDOVER_NOTES, "note is", "notes are")));
	if (nh)
		buf_putc(b, '\n');
}

/* Open tasks of some records, overdue first, then by due date: those
 * involving partner p (p >= 0), or those in the area of agency g (g >= 0):
 * the tasks of the records it supported, and those of any record that
 * involve a partner of its area (area[partner] set), as a delegation
 * received at home is often recorded without the agency, and the table
 * of relationships counts its tasks; the first max of them are listed, and
 * how many there are is returned. */
static _Thread_local const struct archive *order_a; /* pages are made on threads */

static int
cmp_order(const void *x, const void *y)
{
	size_t p = order_a->tasks[*(const size_t *)x].order;
	size_t q = order_a->tasks[*(const size_t *)y].order;
	return p < q ? -1 : p > q;
}

/* Into out[0..m), the first (at most max) of some elements of size bytes
 * in cmp's order, in which no two are equal, in that order: x put among
 * them when it is one of them, the last dropped when out is full; how
 * many out holds then.  A dossier lists the first hundred of thousands:
 * they are picked, not all sorted. */
static size_t
keep_first(void *out, size_t m, size_t max, size_t size, const void *x,
           int (*cmp)(const void *, const void *))
{
	char *v = out;
	if (!max || (m == max && cmp(x, v + (m - 1) * size) >= 0))
		return m;
	size_t lo = 0, hi = m; /* where it goes */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp(v + mid * size, x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t k = m < max ? m++ : m - 1; /* the last goes when out is full */
	memmove(v + (lo + 1) * size, v + lo * size, (k - lo) * size);
	memcpy(v + lo * size, x, size);
	return m;
}

/* The first max of the tasks v[n] by their order (a rank, no two the
 * same), in that order at the start of v; how many that is.  An agency's
 * area has thousands of open tasks, of which its dossier lists a hundred:
 * they are picked, not all sorted. */
static size_t
first_by_order(const struct archive *a, size_t *v, size_t n, size_t max)
{
	if (n <= max) {
		order_a = a;
		qsort(v, n, sizeof *v, cmp_order);
		return n;
	}
	order_a = a;
	size_t m = 0; /* v[0..m) the first so far, in order: never past v[i] */
	for (size_t i = 0; i < n; i++) {
		size_t t = v[i];
		m = keep_first(v, m, max, sizeof *v, &t, cmp_order);
	}
	return m;
}

static size_t
put_tasks(struct buf *b, const struct archive *a, const size_t *recs, size_t nrecs, long p, long g,
          const unsigned char *area, size_t max, const char *up, enum lang lang)
{
	size_t n = 0;
	for (size_t i = 0; i < nrecs; i++)
		n += a->recs[recs[i]].ntask;
	size_t *v = xcalloc(n ? n : 1, sizeof *v);
	n = 0;
	for (size_t i = 0; i < nrecs; i++) {
		const struct arc_rec *r = &a->recs[recs[i]];
		for (size_t t = r->task0; t < r->task0 + r->ntask; t++) {
			const struct arc_task *k = &a->tasks[t];
			if (g >= 0 && r->agency != g &&
			    !(area && k->occ >= 0 && area[a->occs[k->occ].partner]))
				continue;
			if (p < 0 || archive_task_involves(a, k, (size_t)p))
				v[n++] = t;
		}
	}
	size_t shown = first_by_order(a, v, n, max);
	if (n) {
		if (p >= 0)
			TABLE(b, L(lang, "Hạn", "Due"), L(lang, "Nhiệm vụ", "Task"),
			      L(lang, "Đơn vị chủ trì", "Owner"), L(lang, "Trạng thái", "Status"),
			      L(lang, "Cập nhật gần nhất", "Latest update"),
			      L(lang, "Hồ sơ", "Record"));
		else
			TABLE(b, L(lang, "Hạn", "Due"), L(lang, "Nhiệm vụ", "Task"),
			      L(lang, "Đơn vị chủ trì", "Owner"), L(lang, "Đối tác", "Partner"),
			      L(lang, "Trạng thái", "Status"),
			      L(lang, "Cập nhật gần nhất", "Latest update"),
			      L(lang, "Hồ sơ", "Record"));
	}
	for (size_t i = 0; i < shown; i++)
		task_row(b, a, &a->tasks[v[i]], 1, p < 0, up, lang);
	free(v);
	return n;
}

/* ==== lists cut into parts ==== */

/* A long list (a year's visits, a department's tasks) is cut into pages
 * of ARC_PART_ROWS rows: "visits/2024.md", then "visits/2024.2.md" (a
 * slug has no '.', so no name of a part is another list's). */
size_t
arc_nparts(size_t rows)
{
	return rows ? (rows + ARC_PART_ROWS - 1) / ARC_PART_ROWS : 1;
}

static char *
part_name(const char *dir, const char *slug, size_t part)
{
	return part ? xasprintf("%s%s.%zu.md", dir, slug, part + 1)
	            : xasprintf("%s%s.md", dir, slug);
}

static char *
part_title(char *t, const struct arc_part *pt, enum lang lang)
{
	if (pt->nparts < 2)
		return t;
	char *r = xasprintf(L(lang, "%s (phần %zu/%zu)", "%s (part %zu of %zu)"), t, pt->part + 1,
	                    pt->nparts);
	free(t);
	return r;
}

/* A link to part (0-based) of a list, its number as the text. */
static void
put_part_link(struct buf *b, const char *dir, const char *slug, size_t part, enum lang lang)
{
	char *name = part_name(dir, slug, part);
	buf_printf(b, "[%s %zu](%s)", L(lang, "phần", "part"), part + 1, name);
	free(name);
}

/* The end of a list page's heading and, under the links back, the parts
 * of the list when there are several. */
static void
put_part_head(struct buf *b, const char *slug, const struct arc_part *pt, enum lang lang)
{
	if (pt->nparts > 1)
		buf_printf(b, L(lang, " (phần %zu/%zu)", " (part %zu of %zu)"), pt->part + 1,
		           pt->nparts);
	buf_puts(b, "\n\n");
	nav(b, "../", lang);
	if (pt->nparts < 2)
		return;
	buf_printf(b, "%s: ", L(lang, "Các phần", "Parts"));
	for (size_t k = 0; k < pt->nparts; k++) {
		buf_puts(b, k ? " · " : "");
		if (k == pt->part)
			buf_printf(b, "**%zu**", k + 1);
		else {
			char *name = part_name("", slug, k);
			buf_printf(b, "[%zu](%s)", k + 1, name);
			free(name);
		}
	}
	buf_puts(b, "\n\n");
}

/* The pages of n lists of rows(a, k) rows each (a list without rows has
 * none), and which list and part page i of them is. */
typedef size_t rows_fn(const struct archive *a, size_t k);

static size_t
count_parts(const struct archive *a, size_t n, rows_fn *rows)
{
	size_t np = 0;
	for (size_t k = 0; k < n; k++)
		np += rows(a, k) ? arc_nparts(rows(a, k)) : 0;
	return np;
}

static struct arc_part
part_at(const struct archive *a, size_t i, size_t n, rows_fn *rows)
{
	struct arc_part pt = {0, 0, 1};
	for (size_t k = 0; k < n; k++) {
		size_t r = rows(a, k), np = r ? arc_nparts(r) : 0;
		if (i < np)
			return (struct arc_part){k, i, np};
		i -= np;
	}
	return pt;
}

/* Year k of the index (k == nyears: the records of unknown date), its
 * number of visits and its slug. */
static size_t
year_rows(const struct archive *a, size_t k)
{
	if (k < a->nyears)
		return a->years[k].outbound + a->years[k].inbound + a->years[k].undirected +
		       a->years[k].planned;
	size_t dated = 0;
	for (size_t y = 0; y < a->nyears; y++)
		dated += a->years[y].outbound + a->years[y].inbound + a->years[y].undirected +
		         a->years[y].planned;
	return a->nrecs - dated;
}

static void
year_slug(const struct archive *a, size_t k, char *out, size_t cap)
{
	if (k < a->nyears)
		snprintf(out, cap, "%d", a->years[k].year);
	else
		snprintf(out, cap, "undated");
}

/* ==== index ==== */

static void
stats_countries(struct buf *b, const struct archive *a, enum lang lang)
{
	buf_printf(b, "### %s\n\n", L(lang, "Hợp tác theo quốc gia", "Cooperation by country"));
	if (!a->ncountries) {
		buf_printf(b, "%s\n\n", L(lang, "Chưa có đối tác nào.", "No partners yet."));
		return;
	}
	buf_printf(b, "%s\n\n",
	           L(lang,
	             "Hợp tác: quan hệ ở giai đoạn MOU hoặc kết nghĩa theo hồ sơ gần nhất của từng "
	             "cặp địa phương. Địa phương đối tác: đối tác không phải tổ chức, doanh nghiệp "
	             "hay trường học. Đoàn: chuyến thăm đã diễn ra, không tính đoàn dự kiến và "
	             "đối tác đã từ chối.",
	             "Cooperating: the latest record of each pair of localities puts the "
	             "relationship at MOU or sister stage. Partner localities: partners other than "
	             "organisations, businesses and universities. Visits: those that took place, "
	             "neither planned ones nor those a partner declined."));
	size_t norg = 0;
	for (size_t c = 0; c < a->ncountries; c++) {
		const struct arc_country *ct = &a->countries[c];
		const char *cn = arc_country_name(ct->country, lang);
		const char *of = country_name_after_of(ct->country, lang);
		if (!of)
			of = cn;
		if (country_is_org(ct->country)) {
			norg++; /* not a country: it has no localities (below) */
			continue;
		}
		/* partners whose country the records give wrongly: their
		 * localities are not "of (country unknown)" */
		int unknown = !strcmp(ct->country, "ZZ");
		if (lang == LANG_EN)
			buf_printf(b,
			           "- **%s**: %zu Vietnamese %s with %zu %s%s%s; %zu %s "
			           "delegation records with %zu partner %s (%zu %s).\n",
			           cn, ct->coop_locs,
			           ct->coop_locs == 1 ? "locality cooperates"
			                              : "localities cooperate",
			           ct->coop_partners,
			           unknown ? (ct->coop_partners == 1 ? "partner locality"
			                                             : "partner localities")
			                   : (ct->coop_partners == 1 ? "locality" : "localities"),
			           unknown ? "" : " of ", unknown ? "" : of, ct->locs,
			           ct->locs == 1 ? "locality has" : "localities have", ct->partners,
			           ct->partners == 1 ? "locality" : "localities", ct->visits,
			           ct->visits == 1 ? "visit" : "visits");
		else
			buf_printf(
			    b,
			    "- **%s**: %zu tỉnh/thành Việt Nam có quan hệ hợp tác với %zu địa "
			    "phương %s%s; %zu tỉnh/thành có đoàn công tác với %zu địa "
			    "phương đối tác (%zu đoàn).\n",
			    cn, ct->coop_locs, ct->coop_partners, unknown ? "đối tác" : "của ",
			    unknown ? "" : cn, ct->locs, ct->partners, ct->visits);
	}
	if (norg)
		buf_printf(b, "\n%s\n\n",
		           L(lang, "Tổ chức quốc tế:", "International organisations:"));
	for (size_t c = 0; norg && c < a->ncountries; c++) {
		const struct arc_country *ct = &a->countries[c];
		if (!country_is_org(ct->country))
			continue;
		if (lang == LANG_EN)
			buf_printf(b, "- **%s**: %zu %s, from %zu Vietnamese %s.\n",
			           arc_country_name(ct->country, lang), ct->visits,
			           PL(ct->visits, "delegation record", "delegation records"),
			           ct->locs, PL(ct->locs, "locality", "localities"));
		else
			buf_printf(b, "- **%s**: %zu đoàn công tác của %zu tỉnh/thành Việt Nam.\n",
			           arc_country_name(ct->country, lang), ct->visits, ct->locs);
	}
	buf_putc(b, '\n');
}

static void
stats_agreements(struct buf *b, const struct archive *a, enum lang lang)
{
	buf_printf(b, "### %s\n\n", L(lang, "Văn kiện đã ký", "Agreements signed"));
	TABLE(b, L(lang, "Loại", "Kind"), L(lang, "Số lượng", "Number"));
	size_t total = 0;
	for (int k = AGR_MOU; k <= AGR_LETTER_OF_INTENT; k++) {
		buf_printf(b, "| %s | %zu |\n", agr_word((enum agreement_kind)k, lang),
		           a->agr_by_kind[k]);
		total += a->agr_by_kind[k];
	}
	if (a->agr_by_kind[0])
		buf_printf(b, "| %s | %zu |\n", agr_word(AGR_NONE, lang), a->agr_by_kind[0]);
	total += a->agr_by_kind[0];
	buf_printf(b, "| **%s** | **%zu** |\n\n", L(lang, "Tổng", "Total"), total);
}

/* The records of unknown date counted as a year's are: planned, or
 * completed by direction. */
static struct arc_year
undated_year(const struct archive *a)
{
	struct arc_year u = {0};
	for (size_t i = 0; i < a->nrecs; i++) {
		const struct arc_rec *rr = &a->recs[i];
		if (rr->start.y)
			continue;
		if (rr->status != STATUS_COMPLETED)
			u.planned++;
		else if (rr->dir == DIR_INBOUND)
			u.inbound++;
		else if (rr->dir == DIR_OUTBOUND)
			u.outbound++;
		else
			u.undirected++;
	}
	return u;
}

static void
stats_year_row(struct buf *b, const struct arc_year *yr, int undirected, enum lang lang)
{
	if (yr->year)
		buf_printf(b, "| %d", yr->year);
	else
		buf_printf(b, "| %s", L(lang, "Ngày chưa rõ", "Date unknown"));
	buf_printf(b, " | %zu | %zu | ", yr->outbound, yr->inbound);
	if (undirected)
		buf_printf(b, "%zu | ", yr->undirected);
	buf_printf(b, "%zu | %zu |\n", yr->outbound + yr->inbound + yr->undirected, yr->planned);
}

static void
stats_years(struct buf *b, const struct archive *a, enum lang lang)
{
	buf_printf(b, "### %s\n\n", L(lang, "Số đoàn theo năm", "Delegations per year"));
	/* the records of unknown date in a row of their own, so that the
	 * table adds up to the visits the index counts */
	struct arc_year u = undated_year(a);
	/* a completed visit whose record gets its direction wrong is in
	 * neither column, but in a column of its own, only when there is one */
	int undirected = u.undirected > 0;
	for (size_t y = 0; y < a->nyears; y++)
		undirected |= a->years[y].undirected > 0;
	if (undirected)
		TABLE(b, L(lang, "Năm", "Year"), L(lang, "Đoàn ra", "Outbound"),
		      L(lang, "Đoàn vào", "Inbound"), L(lang, "Chưa rõ chiều", "Direction unknown"),
		      L(lang, "Tổng", "Total"),
		      L(lang, "Dự kiến (chưa tính)", "Planned (not counted)"));
	else
		TABLE(b, L(lang, "Năm", "Year"), L(lang, "Đoàn ra", "Outbound"),
		      L(lang, "Đoàn vào", "Inbound"), L(lang, "Tổng", "Total"),
		      L(lang, "Dự kiến (chưa tính)", "Planned (not counted)"));
	for (size_t y = 0; y < a->nyears; y++)
		stats_year_row(b, &a->years[y], undirected, lang);
	if (u.outbound + u.inbound + u.undirected + u.planned)
		stats_year_row(b, &u, undirected, lang);
	buf_putc(b, '\n');
}

/* The files that gave the archive no record, each with why: whoever reads
 * the archive knows what it lacks, not only whoever built it. */
static void
put_left_out(struct buf *b, const struct archive *a, enum lang lang)
{
	if (!a->nleft)
		return;
	buf_printf(b, "## %s\n\n",
	           L(lang, "Tệp chưa đưa vào lưu trữ", "Files left out of the archive"));
	if (lang == LANG_EN)
		buf_printf(b,
		           "%zu %s gave this archive no record; correct what is said below and "
		           "build the archive again:\n\n",
		           a->nleft, PL(a->nleft, "file", "files"));
	else
		buf_printf(b,
		           "%zu tệp không đưa được vào lưu trữ này; sửa các lỗi dưới đây rồi lập "
		           "lại lưu trữ:\n\n",
		           a->nleft);
	for (size_t i = 0; i < a->nleft; i++) {
		const struct arc_left *l = &a->left[i];
		struct buf at = BUF_INIT;
		buf_puts(&at, l->file);
		if (l->mark.line)
			buf_printf(&at, ":%u:%u", l->mark.line, l->mark.col);
		buf_puts(b, "- ");
		md_put(b, buf_cstr(&at));
		buf_puts(b, ": ");
		md_put(b, l->msg);
		if (l->rule)
			buf_printf(b, " [%s]", l->rule);
		buf_putc(b, '\n');
		buf_free(&at);
	}
	buf_putc(b, '\n');
}

void
arc_page_index(struct buf *b, const struct archive *a, enum lang lang)
{
	page_start();
	char today[32];
	date_short(a->today, lang, today, sizeof today);
	buf_printf(b, "# %s\n\n",
	           L(lang, "Hồ sơ lưu trữ các đoàn công tác", "Archive of delegation visits"));
	/* the visits that took place, as the statistics below count them */
	size_t nplanned = 0;
	for (size_t i = 0; i < a->nrecs; i++)
		nplanned += a->recs[i].status != STATUS_COMPLETED;
	size_t nv = a->nrecs - nplanned;
	char planned[64] = "";
	if (nplanned)
		snprintf(planned, sizeof planned,
		         L(lang, " (chưa tính %zu đoàn dự kiến)", " (not counting %zu planned)"),
		         nplanned);
	if (lang == LANG_EN)
		buf_printf(b, "As of %s: %zu %s%s, %zu %s, %zu open %s (%zu overdue).\n\n", today,
		           nv, PL(nv, "visit", "visits"), planned, a->npartners,
		           PL(a->npartners, "partner", "partners"), a->nopen,
		           PL(a->nopen, "task", "tasks"), a->noverdue);
	else
		buf_printf(
		    b,
		    "Tính đến ngày %s: %zu đoàn%s, %zu đối tác, %zu nhiệm vụ còn mở (%zu quá "
		    "hạn).\n\n",
		    today, nv, planned, a->npartners, a->nopen, a->noverdue);
	buf_printf(b, "[%s](tasks.md)\n\n",
	           L(lang, "Sổ theo dõi nhiệm vụ còn mở", "Open-task register"));
	put_left_out(b, a, lang);

	buf_printf(b, "## %s\n\n", L(lang, "Số liệu", "Statistics"));
	stats_countries(b, a, lang);
	stats_agreements(b, a, lang);
	stats_years(b, a, lang);

	size_t ncold = 0;
	for (size_t k = 0; k < a->npartners; k++)
		ncold += a->partners[k].cold;
	if (ncold) {
		buf_printf(b, "## %s\n\n",
		           L(lang, "Quan hệ đang nguội", "Relationships gone cold"));
		for (size_t k = 0; k < a->npartners; k++) {
			const struct arc_partner *p = &a->partners[k];
			if (!p->cold)
				continue;
			buf_puts(b, "- ");
			put_partner_link(b, a, k, "", lang);
			buf_printf(b, " (%s): ", arc_country_name(p->country, lang));
			long ret;
			if (archive_partner_last(a, k, &ret).y || p->last_visit >= 0) {
				buf_puts(b, L(lang, "chuyến thăm gần nhất ", "last visit "));
				put_last(b, a, k, lang);
			} else {
				buf_puts(b, L(lang, "chưa có chuyến thăm", "no visit recorded"));
			}
			buf_puts(b, " [archive-cold-partner]\n");
		}
		buf_putc(b, '\n');
	}

	buf_printf(b, "## %s\n\n", L(lang, "Đối tác", "Partners"));
	if (a->npartners) {
		TABLE(b, L(lang, "Đối tác", "Partner"), L(lang, "Quốc gia", "Country"),
		      L(lang, "Giai đoạn", "Stage"), L(lang, "Chuyến thăm gần nhất", "Last visit"),
		      L(lang, "Số đoàn", "Visits"), L(lang, "Nhiệm vụ mở", "Open tasks"));
		for (size_t k = 0; k < a->npartners; k++) {
			const struct arc_partner *p = &a->partners[k];
			buf_puts(b, "| ");
			put_partner_link(b, a, k, "", lang);
			buf_printf(b, " | %s | %s", arc_country_name(p->country, lang),
			           stage_word(p->stage, lang));
			buf_puts(b, " | ");
			put_last(b, a, k, lang);
			buf_printf(b, " | %zu | %zu |\n", p->nvisits, p->nopen);
		}
		buf_putc(b, '\n');
	}

	if (a->nagencies) {
		buf_printf(b, "## %s\n\n", L(lang, "Cơ quan đại diện", "Representative agencies"));
		for (size_t g = 0; g < a->nagencies; g++) {
			const struct arc_agency *ag = &a->agencies[g];
			size_t gplanned = agency_nplanned(a, ag), gv = ag->nrecs - gplanned;
			buf_puts(b, "- ");
			put_agency_link(b, ag, "", lang);
			buf_printf(b, L(lang, " (%zu đoàn%s", " (%zu %s"), gv,
			           L(lang, "", PL(gv, "visit", "visits")));
			if (gplanned)
				buf_printf(b,
				           L(lang, ", chưa tính %zu đoàn dự kiến",
				             ", not counting %zu planned"),
				           gplanned);
			buf_puts(b, ")\n");
		}
		buf_putc(b, '\n');
	}

	buf_printf(b, "## %s\n\n", L(lang, "Các đoàn theo năm", "Visits by year"));
	if (!a->nrecs) {
		buf_printf(b, "%s\n", L(lang, "Chưa có hồ sơ nào.", "No records yet."));
		return;
	}
	struct arc_year u = undated_year(a);
	for (size_t k = 0; k < a->nyears + 1; k++) {
		size_t n = year_rows(a, k);
		if (k == a->nyears && !n)
			break; /* no record of unknown date */
		/* its page lists the planned visits too; counted apart, as the
		 * statistics count them */
		size_t np = k < a->nyears ? a->years[k].planned : u.planned, done = n - np;
		char slug[16];
		year_slug(a, k, slug, sizeof slug);
		buf_puts(b, "- ");
		put_link(b, k < a->nyears ? slug : L(lang, "Ngày chưa rõ", "Date unknown"), "",
		         "visits/", slug);
		for (size_t part = 1; part < arc_nparts(n); part++) {
			buf_puts(b, part == 1 ? " (" : ", ");
			put_part_link(b, "visits/", slug, part, lang);
			buf_puts(b, part + 1 == arc_nparts(n) ? ")" : "");
		}
		if (!done)
			buf_printf(b, L(lang, ": %zu đoàn dự kiến\n", ": %zu planned %s\n"), np,
			           L(lang, "", PL(np, "visit", "visits")));
		else if (np)
			buf_printf(b,
			           L(lang, ": %zu đoàn%s, chưa tính %zu đoàn dự kiến\n",
			             ": %zu %s, not counting %zu planned\n"),
			           done, L(lang, "", PL(done, "visit", "visits")), np);
		else
			buf_printf(b, L(lang, ": %zu đoàn\n", ": %zu %s\n"), done,
			           L(lang, "", PL(done, "visit", "visits")));
	}
	buf_putc(b, '\n');
}

/* ==== visits of one year ==== */

size_t
arc_visit_pages(const struct archive *a)
{
	return count_parts(a, a->nyears + 1, year_rows);
}

struct arc_part
arc_visit_page(const struct archive *a, size_t i)
{
	return part_at(a, i, a->nyears + 1, year_rows);
}

char *
arc_visit_page_name(const struct archive *a, const struct arc_part *pt)
{
	char slug[16];
	year_slug(a, pt->list, slug, sizeof slug);
	return part_name("visits/", slug, pt->part);
}

char *
arc_visit_page_title(const struct archive *a, const struct arc_part *pt, enum lang lang)
{
	char *t =
	    pt->list < a->nyears
	        ? xasprintf("%s %d", L(lang, "Các đoàn năm", "Visits in"), a->years[pt->list].year)
	        : xstrdup(L(lang, "Các đoàn chưa rõ ngày", "Visits of unknown date"));
	return part_title(t, pt, lang);
}

void
arc_page_visits(struct buf *b, const struct archive *a, const struct arc_part *pt, enum lang lang)
{
	page_start();
	int year = pt->list < a->nyears ? a->years[pt->list].year : 0;
	if (year)
		buf_printf(b, "# %s %d", L(lang, "Các đoàn năm", "Visits in"), year);
	else
		buf_printf(b, "# %s",
		           L(lang, "Các đoàn chưa rõ ngày (ngày ghi trong hồ sơ không dùng được)",
		             "Visits of unknown date (the record's dates are unusable)"));
	char slug[16];
	year_slug(a, pt->list, slug, sizeof slug);
	put_part_head(b, slug, pt, lang);
	size_t n = 0, first = pt->part * ARC_PART_ROWS;
	for (size_t i = 0; i < a->nrecs && n < first + ARC_PART_ROWS; i++) {
		size_t ri = a->by_date[i];
		if (a->recs[ri].start.y != year || n++ < first)
			continue;
		if (n == first + 1)
			TABLE(b, L(lang, "Ngày", "Dates"), L(lang, "Chiều", "Direction"),
			      L(lang, "Địa phương", "Locality"), L(lang, "Đối tác", "Partners"),
			      L(lang, "Tiêu đề", "Title"), L(lang, "Mã hồ sơ", "Record"));
		visit_row(b, a, ri, "../", lang);
	}
	if (n <= first)
		buf_printf(b, "%s\n", L(lang, "Không có.", "None."));
	else
		buf_putc(b, '\n');
}

/* ==== partner dossier ==== */

static int
cmp_contact_ptr(const void *x, const void *y)
{
	size_t p = (*(const struct arc_contact *const *)x)->rank;
	size_t q = (*(const struct arc_contact *const *)y)->rank;
	return p < q ? -1 : p > q;
}

/* v[n] by rank.  The ranks are the contacts' places in one order, each
 * below a->ncons and none twice: many contacts (an agency's area has
 * thousands) are put at their places rather than sorted. */
static void
sort_by_rank(const struct archive *a, const struct arc_contact **v, size_t n)
{
	if (n < 64 || n < a->ncons / 16) {
		qsort(v, n, sizeof *v, cmp_contact_ptr);
		return;
	}
	const struct arc_contact **at = xcalloc(a->ncons, sizeof *at);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i]->rank >= a->ncons || at[v[i]->rank]) { /* not such ranks: sorted */
			free(at);
			qsort(v, n, sizeof *v, cmp_contact_ptr);
			return;
		}
		at[v[i]->rank] = v[i];
	}
	for (size_t r = 0; r < a->ncons; r++)
		if (at[r])
			v[m++] = at[r];
	free(at);
}

size_t
arc_group_contacts(const struct archive *a, const struct arc_contact **v, size_t n,
                   struct arc_cgroup *g)
{
	sort_by_rank(a, v, n);
	size_t ng = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		struct arc_cgroup *x = &g[ng++];
		memset(x, 0, sizeof *x);
		x->first_rec = v[i]->rec;
		x->partner = -2;
		for (; j < n && !strcmp(v[j]->key, v[i]->key); j++) {
			x->c = v[j];
			x->last_rec = v[j]->rec;
			x->title = v[j]->title ? v[j]->title : x->title;
			x->org = v[j]->org ? v[j]->org : x->org;
			x->email = v[j]->email ? v[j]->email : x->email;
			x->phone = v[j]->phone ? v[j]->phone : x->phone;
			x->notes = v[j]->notes ? v[j]->notes : x->notes;
			if (v[j]->since.set &&
			    (!x->since.set || date_cmp(v[j]->since.d, x->since.d) < 0))
				x->since = v[j]->since;
			long p = v[j]->occ >= 0 ? (long)a->occs[v[j]->occ].partner : -1;
			x->partner = x->partner == -2 || x->partner == p ? p : -1;
		}
		i = j;
	}
	return ng;
}

/* Owners that are departments: vague ones ("TBD") are not. */
static size_t
ndepartments(const struct archive *a)
{
	size_t n = 0;
	for (size_t o = 0; o < a->nowners; o++)
		n += !a->owners[o].vague;
	return n;
}

/* A table of contacts; "In contact since": the earliest `since` a record
 * gives, else the start of the first visit that names the person (not
 * when they took up their post, which no record says). */
/* A contact's title or organisation as the page's language writes it:
 * in English a usual title ("Tổng Lãnh sự" → "Consul General"), one of Viet
 * Nam's representative agencies, a people's committee or one of the usual
 * bodies by its English name, as the reports name them; anything else as
 * written. */
static void
put_said(struct buf *b, const char *s, enum lang lang)
{
	if (!s || lang != LANG_EN) {
		md_put(b, s);
		return;
	}
	char *f = text_fold(s), *bf = body_fold(s), *ag = agency_name_en(s);
	if (!ag)
		ag = committee_name_en(s);
	const char *t = title_name_en(f);
	const struct body_name *bn = t || ag ? NULL : body_name_of(bf);
	md_put(b, ag ? ag : t ? t : bn ? bn->en : s);
	free(f);
	free(bf);
	free(ag);
}

static void
contacts_table(struct buf *b, const struct archive *a, const struct arc_cgroup *g, size_t n,
               int partner_col, const char *up, enum lang lang)
{
	if (partner_col)
		TABLE(b, L(lang, "Họ tên", "Name"), L(lang, "Chức vụ", "Title"),
		      L(lang, "Cơ quan", "Organisation"), L(lang, "Đối tác", "Partner"),
		      L(lang, "Liên hệ từ", "In contact since"),
		      L(lang, "Liên lạc", "Email / phone"), L(lang, "Ghi chú", "Notes"),
		      L(lang, "Hồ sơ gần nhất", "Latest record"));
	else
		TABLE(b, L(lang, "Họ tên", "Name"), L(lang, "Chức vụ", "Title"),
		      L(lang, "Cơ quan", "Organisation"), L(lang, "Liên hệ từ", "In contact since"),
		      L(lang, "Liên lạc", "Email / phone"), L(lang, "Ghi chú", "Notes"),
		      L(lang, "Hồ sơ gần nhất", "Latest record"));
	for (size_t i = 0; i < n; i++) {
		const struct arc_contact *c = g[i].c;
		buf_puts(b, "| ");
		md_put(b, c->name);
		buf_puts(b, " | ");
		put_said(b, g[i].title, lang);
		buf_puts(b, " | ");
		put_said(b, g[i].org, lang);
		if (partner_col) {
			buf_puts(b, " | ");
			if (g[i].partner >= 0)
				put_partner_link(b, a, (size_t)g[i].partner, up, lang);
		}
		buf_puts(b, " | ");
		if (g[i].since.set)
			put_odate(b, g[i].since, lang);
		else
			put_date(b, a->recs[g[i].first_rec].start, lang);
		buf_puts(b, " | ");
		md_put(b, g[i].email);
		if (g[i].email && g[i].phone)
			buf_puts(b, ", ");
		md_put(b, g[i].phone);
		buf_puts(b, " | ");
		md_put(b, g[i].notes);
		buf_printf(b, " | %s |\n", a->recs[g[i].last_rec].id);
	}
	buf_putc(b, '\n');
}

/* A contact group by the latest record it is in: newest first, then in
 * the order of the groups. */
struct crecent {
	const struct arc_rec *r;
	size_t i;
};

static int
cmp_crecent(const void *x, const void *y)
{
	const struct crecent *p = x, *q = y;
	int c = date_cmp(q->r->start, p->r->start);
	if (!c)
		c = strcmp(q->r->id, p->r->id);
	return c ? c : (p->i > q->i) - (p->i < q->i);
}

/* Keeps, in their order, the max groups of g[n] last met (by the latest
 * record each is in); returns how many are left.  An agency's dossier
 * lists its partner-side contacts so: every partner's dossier has them
 * all, and thousands of names are not what a newly posted officer reads
 * first. */
static size_t
keep_recent(const struct archive *a, struct arc_cgroup *g, size_t n, size_t max)
{
	if (n <= max)
		return n;
	/* the first max in cmp_crecent's order (which no two tie in), picked:
	 * v[0..nv) those so far, in order */
	struct crecent *v = xcalloc(max ? max : 1, sizeof *v);
	unsigned char *keep = xcalloc(n, 1);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++) {
		struct crecent c = {&a->recs[g[i].last_rec], i};
		nv = keep_first(v, nv, max, sizeof *v, &c, cmp_crecent);
	}
	for (size_t i = 0; i < nv; i++)
		keep[v[i].i] = 1;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (keep[i])
			g[m++] = g[i];
	free(keep);
	free(v);
	return m;
}

const struct arc_agreement *
arc_next_agreement(const struct archive *a, size_t k, size_t *i, size_t *g)
{
	const struct arc_partner *p = &a->partners[k];
	for (; *i < p->nrecs; ++*i, *g = 0) {
		const struct arc_rec *r = &a->recs[p->recs[*i]];
		while (*g < r->nagr) {
			const struct arc_agreement *x = &a->agrs[r->agr0 + (*g)++];
			if (x->occ < 0 || a->occs[x->occ].partner == k)
				return x;
		}
	}
	return NULL;
}

size_t
arc_gather_contacts(const struct archive *a, const size_t *recs, size_t nrecs, enum side side,
                    long p, const struct arc_contact ***out)
{
	size_t n = 0;
	for (size_t i = 0; i < nrecs; i++)
		n += a->recs[recs[i]].ncon;
	const struct arc_contact **v = xcalloc(n ? n : 1, sizeof *v);
	n = 0;
	for (size_t i = 0; i < nrecs; i++) {
		const struct arc_rec *r = &a->recs[recs[i]];
		for (size_t c = r->con0; c < r->con0 + r->ncon; c++) {
			const struct arc_contact *x = &a->cons[c];
			if (x->side == side &&
			    (p < 0 || x->occ < 0 || a->occs[x->occ].partner == (size_t)p))
				v[n++] = x;
		}
	}
	*out = v;
	return n;
}

size_t
arc_agency_contacts(const struct archive *a, size_t g, enum side side,
                    const struct arc_contact ***out)
{
	if (side != SIDE_PARTNER)
		return arc_gather_contacts(a, a->agencies[g].recs, a->agencies[g].nrecs, side, -1,
		                           out);
	unsigned char *area;
	size_t *recs, nrecs = archive_agency_area(a, g, &area, &recs);
	const struct arc_contact **v = NULL;
	size_t n = arc_gather_contacts(a, recs, nrecs, side, -1, &v), m = 0;
	for (size_t i = 0; i < n; i++)
		if (a->recs[v[i]->rec].agency == (long)g || v[i]->occ < 0 ||
		    area[a->occs[v[i]->occ].partner])
			v[m++] = v[i];
	free(recs);
	free(area);
	*out = v;
	return m;
}

void
arc_page_partner(struct buf *b, const struct archive *a, size_t k, enum lang lang)
{
	page_start();
	const struct arc_partner *p = &a->partners[k];
	const char *up = "../";
	buf_puts(b, "# ");
	md_put(b, partner_shown(p, lang));
	if (p->local_name) {
		buf_puts(b, " (");
		md_put(b, p->local_name);
		buf_puts(b, ")");
	}
	buf_puts(b, "\n\n");
	nav(b, up, lang);

	if (country_is_org(p->country))
		buf_printf(b, "- %s: %s\n",
		           L(lang, "Tổ chức quốc tế", "International organisation"),
		           arc_country_name(p->country, lang));
	else
		buf_printf(b, "- %s: %s (%s)\n", L(lang, "Quốc gia", "Country"),
		           arc_country_name(p->country, lang), p->country);
	if (p->kind != PK_NONE)
		buf_printf(b, "- %s: %s\n", L(lang, "Loại", "Kind"),
		           partner_kind_word(p->kind, lang));
	if (p->id) {
		buf_printf(b, "- %s: ", L(lang, "Mã", "Id"));
		md_put(b, p->id);
		buf_putc(b, '\n');
	}
	buf_printf(b, "- %s: ", L(lang, "Giai đoạn hiện tại", "Current stage"));
	if (p->stage != STAGE_NONE) {
		buf_puts(b, stage_word(p->stage, lang));
		if (p->stage_since.set) {
			buf_printf(b, " (%s ", L(lang, "từ", "since"));
			put_odate(b, p->stage_since, lang);
			buf_putc(b, ')');
		}
	} else {
		buf_puts(b, L(lang, "chưa ghi nhận", "not recorded"));
	}
	buf_printf(b, "\n- %s: ", L(lang, "Chuyến thăm gần nhất", "Last visit"));
	long ret;
	struct date last = archive_partner_last(a, k, &ret);
	if (ret >= 0) {
		put_date(b, last, lang);
		buf_printf(b,
		           L(lang, ", chuyến thăm đáp lễ (ghi trong hồ sơ %s)",
		             ", a return visit (recorded in %s)"),
		           a->recs[ret].id);
	} else if (p->last_visit >= 0) {
		const struct arc_rec *r = &a->recs[p->last_visit];
		put_range(b, r->start, r->end, lang);
		buf_printf(b, ", %s, ", dir_word(r->dir, lang));
		put_locality(b, a, r, lang);
		buf_printf(b, " (%s)", r->id);
	} else {
		buf_puts(b, L(lang, "chưa có", "none recorded"));
	}
	buf_printf(b, "\n- %s: %zu", L(lang, "Số đoàn", "Visits"), p->nvisits);
	if (p->nplanned)
		buf_printf(b,
		           L(lang, " (chưa tính %zu đoàn dự kiến)", " (not counting %zu planned)"),
		           p->nplanned);
	buf_putc(b, '\n');
	/* the visits it declined (G21): approached, not visited */
	for (size_t i = 0, n = 0; i < p->nrecs; i++) {
		const struct arc_rec *r = &a->recs[p->recs[i]];
		if (archive_rec_visits_partner(a, p->recs[i], k))
			continue;
		buf_puts(b,
		         n++ ? "; " : L(lang, "- Đã từ chối chuyến thăm: ", "- Visits declined: "));
		put_range(b, r->start, r->end, lang);
		buf_printf(b, ", %s, ", dir_word(r->dir, lang));
		put_locality(b, a, r, lang);
		buf_printf(b, " (%s)", r->id);
		/* the partners approached instead (G21) */
		for (size_t o = r->occ0, m = 0; o < r->occ0 + r->nocc; o++) {
			long alt = a->occs[o].alt;
			if (alt < 0 || a->occs[alt].partner != k || a->occs[o].partner == k)
				continue;
			buf_puts(b,
			         m++ ? ", "
			             : L(lang, ", đối tác thay thế: ", ", approached instead: "));
			put_partner_link(b, a, a->occs[o].partner, up, lang);
		}
		if (n == p->ndeclined)
			buf_putc(b, '\n');
	}
	/* the partners it was approached instead of, that declined (G21) */
	for (size_t i = 0; i < p->nrecs; i++) {
		const struct arc_rec *r = &a->recs[p->recs[i]];
		for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++) {
			long alt = a->occs[o].alt;
			if (a->occs[o].partner != k || alt < 0 || a->occs[alt].partner == k)
				continue;
			buf_puts(b,
			         L(lang, "- Đối tác thay thế cho: ", "- Approached instead of: "));
			put_partner_link(b, a, a->occs[alt].partner, up, lang);
			if (a->occs[alt].response == RESP_DECLINED)
				buf_printf(b, " (%s)", L(lang, "đã từ chối", "declined"));
			buf_puts(b, ", ");
			put_range(b, r->start, r->end, lang);
			buf_printf(b, " (%s)\n", r->id);
		}
	}
	/* agencies that supported its visits, each once, in agency order */
	size_t *ags = xcalloc(p->nrecs ? p->nrecs : 1, sizeof *ags), nag = 0;
	for (size_t i = 0; i < p->nrecs; i++)
		if (a->recs[p->recs[i]].agency >= 0)
			ags[nag++] = (size_t)a->recs[p->recs[i]].agency;
	qsort(ags, nag, sizeof *ags, archive_cmp_size);
	int any = 0;
	for (size_t i = 0; i < nag; i++) {
		if (i && ags[i] == ags[i - 1])
			continue;
		buf_printf(b, "%s",
		           any ? ", "
		               : L(lang, "- Cơ quan đại diện: ", "- Representative agency: "));
		put_agency_link(b, &a->agencies[ags[i]], up, lang);
		any = 1;
	}
	free(ags);
	if (any)
		buf_putc(b, '\n');
	buf_putc(b, '\n');

	if (p->cold) {
		long years = a->cfg && a->cfg->cold_years > 0 ? a->cfg->cold_years : 2;
		buf_printf(b, "> **%s** [archive-cold-partner]: ", L(lang, "Cảnh báo", "Warning"));
		if (last.y || p->last_visit >= 0) {
			buf_printf(b, L(lang, "không có chuyến thăm nào theo cả hai chiều từ ",
			                "no visit in either direction since "));
			put_date(b, last, lang);
		} else {
			buf_puts(b, L(lang, "chưa có chuyến thăm nào theo cả hai chiều",
			              "no visit in either direction recorded"));
		}
		buf_printf(
		    b,
		    L(lang,
		      " (quá %ld năm). Cần giữ kết nối và thúc đẩy thăm đáp lễ (G7, G22).\n\n",
		      " (more than %ld years). Keep in touch and encourage a return visit (G7, "
		      "G22).\n\n"),
		    years);
	}

	buf_printf(b, "## %s\n\n", L(lang, "Quan hệ qua các thời kỳ", "Relationship over time"));
	if (p->nstages) {
		TABLE(b, L(lang, "Ngày đoàn", "Visit date"), L(lang, "Địa phương", "Locality"),
		      L(lang, "Giai đoạn", "Stage"), L(lang, "Từ", "Since"),
		      L(lang, "Mã hồ sơ", "Record"));
		for (size_t i = 0; i < p->nstages; i++) {
			const struct arc_stage *s = &p->stages[i];
			const struct arc_rec *r = &a->recs[s->rec];
			buf_puts(b, "| ");
			put_date(b, r->start, lang);
			buf_puts(b, " | ");
			put_locality(b, a, r, lang);
			buf_printf(b, " | %s | ", stage_word(s->stage, lang));
			put_odate(b, s->since, lang);
			buf_printf(b, " | %s |\n", r->id);
		}
		buf_putc(b, '\n');
	} else {
		buf_printf(b, "%s\n\n",
		           L(lang, "Chưa có hồ sơ nào ghi giai đoạn quan hệ.",
		             "No record states the relationship's stage."));
	}

	buf_printf(b, "## %s\n\n",
	           L(lang, "Các chuyến thăm (cả hai chiều)", "Visits (both directions)"));
	if (p->nrecs > p->ndeclined) {
		TABLE(b, L(lang, "Ngày", "Dates"), L(lang, "Chiều", "Direction"),
		      L(lang, "Địa phương", "Locality"), L(lang, "Đối tác", "Partners"),
		      L(lang, "Tiêu đề", "Title"), L(lang, "Mã hồ sơ", "Record"));
		for (size_t i = 0; i < p->nrecs; i++)
			if (archive_rec_visits_partner(a, p->recs[i], k))
				visit_row(b, a, p->recs[i], up, lang);
	} else {
		buf_printf(b, "%s\n", L(lang, "Chưa có chuyến thăm nào.", "None recorded."));
	}
	buf_putc(b, '\n');

	buf_printf(b, "## %s\n\n", L(lang, "Văn kiện đã ký", "Agreements"));
	size_t nagr = 0, ai = 0, ag = 0;
	for (const struct arc_agreement *x; (x = arc_next_agreement(a, k, &ai, &ag));) {
		const struct arc_rec *r = &a->recs[p->recs[ai]];
		if (!nagr++)
			TABLE(b, L(lang, "Ngày ký", "Signed"), L(lang, "Loại", "Kind"),
			      L(lang, "Tên văn kiện", "Title"), L(lang, "Địa phương", "Locality"),
			      L(lang, "Các bên", "Parties"), L(lang, "Mã hồ sơ", "Record"));
		buf_puts(b, "| ");
		put_odate(b, x->signed_on, lang);
		buf_printf(b, " | %s | ", agr_word(x->kind, lang));
		md_put(b, x->title);
		buf_puts(b, " | ");
		put_locality(b, a, r, lang);
		buf_puts(b, " | ");
		md_put(b, x->parties);
		buf_printf(b, " | %s |\n", r->id);
	}
	buf_printf(b, "%s\n", nagr ? "" : L(lang, "Chưa có văn kiện nào.\n", "None recorded.\n"));

	buf_printf(b, "## %s\n\n", L(lang, "Người liên hệ phía đối tác", "Partner-side contacts"));
	const struct arc_contact **v = NULL;
	size_t nc = arc_gather_contacts(a, p->recs, p->nrecs, SIDE_PARTNER, (long)k, &v);
	if (nc) {
		struct arc_cgroup *g = xcalloc(nc, sizeof *g);
		size_t ng = arc_group_contacts(a, v, nc, g);
		contacts_table(b, a, g, ng, 0, up, lang);
		free(g);
	} else {
		buf_printf(b, "%s\n\n",
		           L(lang, "Chưa có người liên hệ phía đối tác (G17, G20).",
		             "No partner-side contact recorded (G17, G20)."));
	}
	free(v);

	buf_printf(b, "## %s\n\n", L(lang, "Thông tin cơ bản", "Profile"));
	if (p->profile_occ >= 0 || p->needs_occ >= 0) {
		const struct arc_occ *o = p->profile_occ >= 0 ? &a->occs[p->profile_occ] : NULL;
		if (o && o->strengths) {
			buf_printf(b, "- %s: ", L(lang, "Thế mạnh", "Strengths"));
			md_put(b, o->strengths);
			buf_putc(b, '\n');
		}
		if (o && o->priorities) {
			buf_printf(b, "- %s: ", L(lang, "Lĩnh vực quan tâm", "Priorities"));
			md_put(b, o->priorities);
			buf_putc(b, '\n');
		}
		if (o) {
			buf_printf(b, "- %s: ", L(lang, "Cập nhật", "Updated"));
			if (o->updated.set)
				put_odate(b, o->updated, lang);
			else
				buf_puts(b, L(lang, "không ghi ngày", "no date given"));
			buf_printf(b, " (%s)\n", a->recs[o->rec].id);
		}
		if (p->needs_occ >= 0) {
			const struct arc_occ *n = &a->occs[p->needs_occ];
			buf_printf(b, "- %s: ", L(lang, "Nhu cầu", "Needs"));
			md_put(b, n->needs);
			buf_printf(b, " (%s)\n", a->recs[n->rec].id);
		}
		buf_putc(b, '\n');
	} else {
		buf_printf(
		    b, "%s\n\n",
		    L(lang, "Chưa có thông tin cơ bản (G16).", "No profile recorded (G16)."));
	}

	buf_printf(b, "## %s\n\n", L(lang, "Nhiệm vụ còn mở", "Open tasks"));
	if (p->nopen) {
		put_tasks(b, a, p->recs, p->nrecs, (long)k, -1, NULL, SIZE_MAX, up, lang);
		buf_putc(b, '\n');
	} else {
		buf_printf(b, "%s\n\n", L(lang, "Không có.", "None."));
	}

	put_handover(b, a, p->recs, p->nrecs, lang);
}

/* ==== open-task register ==== */

/* The register is split the way an office reads it: the main page lists
 * the departments by locality (the provincial unit in force since 1 July
 * 2025), with their counts, and each department's tasks are a page of
 * their own (tasks/<slug>.md), so that no page grows with the whole
 * collection. */

static void
open_tasks_note(struct buf *b, const struct arc_owner *w, enum lang lang)
{
	buf_printf(b, "> **%s** [archive-open-tasks]: ", L(lang, "Thông tin", "Note"));
	md_put(b, owner_title(w, lang));
	buf_printf(b,
	           L(lang, " có %zu nhiệm vụ quá hạn từ %zu chuyến công tác khác nhau (G8).\n\n",
	             " holds %zu overdue tasks from %zu different visits (G8).\n\n"),
	           w->noverdue, w->nvisits_overdue);
}

const char *
arc_no_department(enum lang lang)
{
	return L(lang, "(chưa giao cho một đơn vị cụ thể)", "(no specific department)");
}

/* Localities holding departments, in register order: the most overdue
 * work first, then the most open tasks, then by name. */
struct tloc {
	long loc; /* index in a->locs; -1: no specific department */
	size_t ntasks, noverdue;
	const char *name;
};

static int
cmp_tloc(const void *x, const void *y)
{
	const struct tloc *p = x, *q = y;
	if ((p->loc < 0) != (q->loc < 0))
		return p->loc < 0 ? 1 : -1; /* "no specific department" last */
	if (p->noverdue != q->noverdue)
		return p->noverdue > q->noverdue ? -1 : 1;
	if (p->ntasks != q->ntasks)
		return p->ntasks > q->ntasks ? -1 : 1;
	int c = strcmp(p->name, q->name);
	return c ? c : (p->loc > q->loc) - (p->loc < q->loc);
}

void
arc_page_tasks(struct buf *b, const struct archive *a, enum lang lang)
{
	page_start();
	char today[32];
	date_short(a->today, lang, today, sizeof today);
	buf_printf(b, "# %s\n\n", L(lang, "Sổ theo dõi nhiệm vụ còn mở", "Open-task register"));
	buf_printf(b, "[%s](index.md)\n\n", L(lang, "Mục lục", "Index"));
	size_t nd = ndepartments(a);
	if (lang == LANG_EN)
		buf_printf(b,
		           "As of %s: %zu open %s, %zu overdue, %zu %s. Each department's tasks "
		           "are on a page of their own, overdue tasks first, then by due date. "
		           "Departments are listed by province or city, the one with the most "
		           "overdue work first.\n\n",
		           today, a->nopen, PL(a->nopen, "task", "tasks"), a->noverdue, nd,
		           PL(nd, "department in charge", "departments in charge"));
	else
		buf_printf(b,
		           "Tính đến ngày %s: %zu nhiệm vụ còn mở, %zu quá hạn, %zu đơn vị chủ "
		           "trì. Nhiệm vụ của mỗi đơn vị ở một trang riêng, việc quá hạn trước, "
		           "rồi theo hạn. Các đơn vị được xếp theo tỉnh, thành phố; đơn vị có "
		           "nhiều việc quá hạn nhất đứng trước.\n\n",
		           today, a->nopen, a->noverdue, nd);
	/* the rows then add up to more than the tasks: said */
	size_t shared = 0;
	for (size_t i = 0; i < a->ntasks; i++)
		shared += a->tasks[i].nowner > 1;
	if (shared)
		buf_printf(b,
		           L(lang,
		             "%zu nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho từng đơn "
		             "vị.\n\n",
		             "%zu %s given to several departments together %s under each of "
		             "them.\n\n"),
		           shared, L(lang, "", PL(shared, "task", "tasks")),
		           L(lang, "", PL(shared, "is counted", "are counted")));
	/* one note for the departments archive-open-tasks is about, marked
	 * in their rows; each one's page says it in full */
	size_t nflag = 0;
	for (size_t o = 0; o < a->nowners; o++)
		nflag += a->owners[o].flagged;
	if (nflag)
		buf_printf(
		    b,
		    L(lang,
		      "> **Thông tin** [archive-open-tasks]: %zu đơn vị%s có nhiệm vụ quá hạn "
		      "từ nhiều chuyến công tác khác nhau (G8), được đánh dấu "
		      "[archive-open-tasks] dưới đây.\n\n",
		      "> **Note** [archive-open-tasks]: %zu %s overdue tasks from several "
		      "different visits (G8), marked [archive-open-tasks] below.\n\n"),
		    nflag, L(lang, "", PL(nflag, "department holds", "departments hold")));
	if (!a->nowners) {
		buf_printf(b, "%s\n", L(lang, "Không có nhiệm vụ nào còn mở.", "No open task."));
		return;
	}
	/* the localities, with their totals */
	struct tloc *v = xcalloc(a->nowners, sizeof *v);
	size_t nl = 0;
	for (size_t o = 0; o < a->nowners; o++) {
		const struct arc_owner *w = &a->owners[o];
		size_t k;
		for (k = 0; k < nl && v[k].loc != w->loc; k++)
			;
		if (k == nl)
			v[nl++] =
			    (struct tloc){w->loc, 0, 0, w->loc >= 0 ? a->locs[w->loc].name : ""};
	}
	/* each task once, though it be two departments' ("Sở Nội vụ, Sở Y tế") */
	for (size_t i = 0; i < a->ntasks; i++) {
		const struct arc_task *t = &a->tasks[i];
		size_t k;
		for (k = 0; k < nl && v[k].loc != a->owners[t->owner[0]].loc; k++)
			;
		v[k].ntasks++;
		v[k].noverdue += t->overdue;
	}
	qsort(v, nl, sizeof *v, cmp_tloc);
	for (size_t k = 0; k < nl; k++) {
		buf_puts(b, "## ");
		if (v[k].loc >= 0)
			md_put(b, arc_loc_shown(&a->locs[v[k].loc], lang));
		else
			buf_puts(b, L(lang, "Chưa giao cho một đơn vị cụ thể",
			              "Not assigned to a specific department"));
		buf_printf(
		    b, L(lang, " — %zu nhiệm vụ%s, %zu quá hạn\n\n", " — %zu %s, %zu overdue\n\n"),
		    v[k].ntasks, L(lang, "", PL(v[k].ntasks, "task", "tasks")), v[k].noverdue);
		TABLE(b, L(lang, "Đơn vị chủ trì", "Department in charge"),
		      L(lang, "Nhiệm vụ còn mở", "Open tasks"), L(lang, "Quá hạn", "Overdue"));
		for (size_t o = 0; o < a->nowners; o++) {
			const struct arc_owner *w = &a->owners[o];
			if (w->loc != v[k].loc)
				continue;
			buf_puts(b, "| ");
			put_link(b, owner_title(w, lang), "", "tasks/", w->slug);
			buf_printf(b, "%s | %zu | %zu |\n",
			           w->flagged ? " [archive-open-tasks]" : "", w->ntasks,
			           w->noverdue);
		}
		buf_putc(b, '\n');
	}
	free(v);
}

char *
arc_owner_page_title(const struct archive *a, const struct arc_part *pt, enum lang lang)
{
	return part_title(xasprintf("%s: %s", L(lang, "Nhiệm vụ còn mở", "Open tasks"),
	                            owner_title(&a->owners[pt->list], lang)),
	                  pt, lang);
}

static size_t
owner_rows(const struct archive *a, size_t o)
{
	return a->owners[o].ntasks;
}

size_t
arc_owner_pages(const struct archive *a)
{
	return count_parts(a, a->nowners, owner_rows);
}

struct arc_part
arc_owner_page(const struct archive *a, size_t i)
{
	return part_at(a, i, a->nowners, owner_rows);
}

char *
arc_owner_page_name(const struct archive *a, const struct arc_part *pt)
{
	return part_name("tasks/", a->owners[pt->list].slug, pt->part);
}

void
arc_page_owner(struct buf *b, const struct archive *a, const struct arc_part *pt, enum lang lang)
{
	page_start();
	const struct arc_owner *w = &a->owners[pt->list];
	char today[32];
	date_short(a->today, lang, today, sizeof today);
	buf_printf(b, "# %s: ", L(lang, "Nhiệm vụ còn mở", "Open tasks"));
	md_put(b, owner_title(w, lang));
	put_part_head(b, w->slug, pt, lang);
	if (lang == LANG_EN)
		buf_printf(b,
		           "As of %s: %zu open %s, %zu overdue; overdue tasks first, then by "
		           "due date.\n\n",
		           today, w->ntasks, PL(w->ntasks, "task", "tasks"), w->noverdue);
	else
		buf_printf(b,
		           "Tính đến ngày %s: %zu nhiệm vụ còn mở, %zu quá hạn; việc quá hạn "
		           "trước, rồi theo hạn.\n\n",
		           today, w->ntasks, w->noverdue);
	if (w->flagged)
		open_tasks_note(b, w, lang);
	if (w->nspellings > 1 ||
	    (w->nspellings == 1 && strncmp(w->spellings[0], w->name, strlen(w->spellings[0])))) {
		buf_printf(b, "%s: ", L(lang, "Cách ghi trong hồ sơ", "As written in records"));
		for (size_t s = 0; s < w->nspellings; s++) {
			buf_puts(b, s ? ", " : "");
			if (*w->spellings[s]) {
				buf_puts(b, "“");
				md_put(b, w->spellings[s]);
				buf_puts(b, "”");
			} else {
				buf_puts(b, L(lang, "(không ghi)", "(none written)"));
			}
			buf_printf(b, " (%zu)", w->spelling_n[s]);
		}
		buf_puts(b, "\n\n");
	}
	TABLE(b, L(lang, "Hạn", "Due"), L(lang, "Nhiệm vụ", "Task"), L(lang, "Đối tác", "Partner"),
	      L(lang, "Trạng thái", "Status"), L(lang, "Cập nhật gần nhất", "Latest update"),
	      L(lang, "Hồ sơ", "Record"));
	for (size_t t = pt->part * ARC_PART_ROWS;
	     t < w->ntasks && t < (pt->part + 1) * ARC_PART_ROWS; t++)
		task_row(b, a, &a->tasks[w->tasks[t]], 0, 1, "../", lang);
	buf_putc(b, '\n');
}

/* ==== agency handover dossier ==== */

struct ploc {
	size_t partner;
	const char *loc, *name; /* locality key and name */
};

static int
cmp_ploc(const void *x, const void *y)
{
	const struct ploc *p = x, *q = y;
	if (p->partner != q->partner)
		return p->partner < q->partner ? -1 : 1;
	return strcmp(p->loc, q->loc);
}

/* pl[n] in cmp_ploc's order: put by partner (there are fewer partners
 * than pairs), then each partner's few sorted by locality. */
static void
sort_plocs(const struct archive *a, struct ploc *pl, size_t n)
{
	size_t *at = xcalloc(a->npartners + 1, sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[pl[i].partner + 1]++;
	for (size_t k = 0; k < a->npartners; k++)
		at[k + 1] += at[k];
	struct ploc *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[at[pl[i].partner]++] = pl[i];
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && v[j].partner == v[i].partner; j++)
			;
		if (j - i > 1)
			qsort(v + i, j - i, sizeof *v, cmp_ploc);
	}
	memcpy(pl, v, n * sizeof *v);
	free(v);
	free(at);
}

void
arc_page_agency(struct buf *b, const struct archive *a, size_t g, enum lang lang)
{
	page_start();
	const struct arc_agency *ag = &a->agencies[g];
	const char *up = "../";
	char *title = arc_agency_name(ag, lang);
	buf_puts(b, "# ");
	md_put(b, title);
	free(title);
	buf_puts(b, "\n\n");
	nav(b, up, lang);
	buf_printf(
	    b, "%s\n\n",
	    L(lang,
	      "Hồ sơ bàn giao: các mối quan hệ, người liên hệ và nhiệm vụ còn mở trong địa bàn "
	      "— điều cán bộ mới nhận nhiệm vụ cần đọc trước tiên (G20).",
	      "Handover dossier: the relationships, contacts and open tasks of this area — "
	      "what a newly posted officer reads first (G20)."));
	if (ag->kind != AGENCY_NONE)
		buf_printf(b, "- %s: %s\n", L(lang, "Loại", "Kind"),
		           agency_kind_word(ag->kind, lang));
	/* visits that took place, from the first to the last, as a partner's
	 * dossier counts them; the planned ones said apart */
	size_t nplanned = agency_nplanned(a, ag);
	buf_printf(b, "- %s: %zu", L(lang, "Số đoàn", "Visits"), ag->nrecs - nplanned);
	long first = -1, last = -1;
	for (size_t i = 0; i < ag->nrecs; i++)
		if (a->recs[ag->recs[i]].status == STATUS_COMPLETED) {
			if (first < 0)
				first = (long)ag->recs[i];
			last = (long)ag->recs[i];
		}
	if (first >= 0) {
		buf_puts(b, " (");
		put_date(b, a->recs[first].start, lang);
		buf_puts(b, " – ");
		put_date(b, a->recs[last].end, lang);
		buf_putc(b, ')');
	}
	if (nplanned)
		buf_printf(b, L(lang, ", chưa tính %zu đoàn dự kiến", ", not counting %zu planned"),
		           nplanned);
	buf_puts(b, "\n\n");

	/* (partner, locality) pairs of its records, by partner then locality name */
	size_t npl = 0;
	for (size_t i = 0; i < ag->nrecs; i++)
		npl += a->recs[ag->recs[i]].nocc;
	struct ploc *pl = xcalloc(npl ? npl : 1, sizeof *pl);
	npl = 0;
	for (size_t i = 0; i < ag->nrecs; i++) {
		const struct arc_rec *r = &a->recs[ag->recs[i]];
		for (size_t o = r->occ0; o < r->occ0 + r->nocc; o++) {
			pl[npl].partner = a->occs[o].partner;
			pl[npl].loc = a->locs[r->loc].key;
			pl[npl].name = arc_loc_shown(&a->locs[r->loc], lang);
			npl++;
		}
	}
	sort_plocs(a, pl, npl);
	buf_printf(b, "## %s\n\n", L(lang, "Các mối quan hệ", "Relationships"));
	TABLE(b, L(lang, "Đối tác", "Partner"), L(lang, "Quốc gia", "Country"),
	      L(lang, "Địa phương Việt Nam", "Vietnamese localities"),
	      L(lang, "Giai đoạn", "Stage"), L(lang, "Chuyến thăm gần nhất", "Last visit"),
	      L(lang, "Nhiệm vụ mở", "Open tasks"));
	for (size_t i = 0; i < npl;) {
		size_t k = pl[i].partner;
		const struct arc_partner *p = &a->partners[k];
		buf_puts(b, "| ");
		put_partner_link(b, a, k, up, lang);
		buf_printf(b, " | %s | ", arc_country_name(p->country, lang));
		for (size_t j = i; j < npl && pl[j].partner == k; j++) {
			if (j > i && !strcmp(pl[j].loc, pl[j - 1].loc))
				continue;
			buf_puts(b, j > i ? ", " : "");
			md_put(b, pl[j].name);
		}
		while (i < npl && pl[i].partner == k)
			i++;
		buf_printf(b, " | %s", stage_word(p->stage, lang));
		if (p->cold)
			buf_printf(b, " (**%s**)", L(lang, "đang nguội", "gone cold"));
		buf_puts(b, " | ");
		put_last(b, a, k, lang);
		buf_printf(b, " | %zu |\n", p->nopen);
	}
	buf_putc(b, '\n');
	free(pl);

	/* contacts: agency staff, then partner side */
	for (int side = SIDE_AGENCY; side >= SIDE_PARTNER; side--) {
		const struct arc_contact **v = NULL;
		size_t n = arc_agency_contacts(a, g, (enum side)side, &v);
		buf_printf(b, "## %s\n\n",
		           side == SIDE_AGENCY
		               ? L(lang, "Cán bộ cơ quan đại diện", "Agency staff")
		               : L(lang, "Người liên hệ phía đối tác", "Partner-side contacts"));
		if (n) {
			struct arc_cgroup *cg = xcalloc(n, sizeof *cg);
			size_t ng = arc_group_contacts(a, v, n, cg);
			size_t shown =
			    side == SIDE_PARTNER ? keep_recent(a, cg, ng, AGENCY_CONTACTS) : ng;
			contacts_table(b, a, cg, shown, side == SIDE_PARTNER, up, lang);
			if (shown < ng)
				buf_printf(
				    b,
				    L(lang,
				      "Còn %zu người liên hệ phía đối tác gặp lần cuối trước "
				      "những người trên: xem hồ sơ của từng đối tác (mục Các "
				      "mối quan hệ).\n\n",
				      "%zu more partner-side %s, last met before those above: see "
				      "each partner's dossier (Relationships).\n\n"),
				    ng - shown, L(lang, "", PL(ng - shown, "contact", "contacts")));
			free(cg);
		} else {
			buf_printf(b, "%s\n\n", L(lang, "Chưa ghi nhận.", "None recorded."));
		}
		free(v);
	}

	buf_printf(b, "## %s\n\n", L(lang, "Nhiệm vụ còn mở", "Open tasks"));
	/* the records of its area: its own, and every record of its partners */
	unsigned char *area;
	size_t *arecs, narecs = archive_agency_area(a, g, &area, &arecs);
	size_t nt = put_tasks(b, a, arecs, narecs, -1, (long)g, area, AGENCY_TASKS, up, lang);
	free(arecs);
	free(area);
	if (nt > AGENCY_TASKS)
		buf_printf(
		    b,
		    L(lang,
		      "\n%zu nhiệm vụ%s khác: xem trang của từng đơn vị chủ trì trong [sổ theo "
		      "dõi nhiệm vụ](%stasks.md).\n",
		      "\n%zu more open %s: see each department's page in the [open-task "
		      "register](%stasks.md).\n"),
		    nt - AGENCY_TASKS, L(lang, "", PL(nt - AGENCY_TASKS, "task", "tasks")), up);
	if (nt)
		buf_putc(b, '\n');
	else
		buf_printf(b, "%s\n\n", L(lang, "Không có.", "None."));

	enum { LAST = 10 };
	buf_printf(b, "## %s\n\n", L(lang, "Các chuyến thăm gần nhất", "Latest visits"));
	TABLE(b, L(lang, "Ngày", "Dates"), L(lang, "Chiều", "Direction"),
	      L(lang, "Địa phương", "Locality"), L(lang, "Đối tác", "Partners"),
	      L(lang, "Tiêu đề", "Title"), L(lang, "Mã hồ sơ", "Record"));
	for (size_t i = ag->nrecs, shown = 0; i-- > 0 && shown < LAST; shown++)
		visit_row(b, a, ag->recs[i], up, lang);
	if (ag->nrecs > LAST)
		buf_printf(b,
		           L(lang, "\n%zu chuyến thăm%s trước đó: xem [mục lục](%sindex.md).\n",
		             "\n%zu earlier %s: see the [index](%sindex.md).\n"),
		           ag->nrecs - LAST, L(lang, "", PL(ag->nrecs - LAST, "visit", "visits")),
		           up);
	buf_putc(b, '\n');

	put_handover(b, a, ag->recs, ag->nrecs, lang);
}
