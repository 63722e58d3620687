/*
 * schema.c: node tree → struct record for the format debrief/1.  Walks
 * the field tables of schema_fields.c, so it knows types rather than
 * field names; the few checks that span fields (date order, defaults,
 * partner references, task ids) come after the walk.  Every problem is a
 * schema-* finding and a rejected value is left absent, never guessed.
 */
#include "schema.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "provinces.h"
#include "catalogue.h"
#include "countries.h"
#include "schema_fields.h"
#include "text.h"
#include "xalloc.h"

/* Enums are filled through an int: true of every ABI we build on. */
_Static_assert(sizeof(enum direction) == sizeof(int), "enums are int-sized");

#define MAX_FIELDS 32              /* fields of the widest object (record: 21) */
#define MAX_ENTRIES 10000          /* entries read from one list of mappings */
#define NEAR_MAX TEXT_DISTANCE_MAX /* longest key or word compared for "did you mean" */
#define N(a) (sizeof(a) / sizeof((a)[0]))

struct walk {
	struct arena *a;
	const char *file;
	enum lang lang;
	struct diags *dq;
	char path[256]; /* "partners[].relationship.stage", for messages */
	size_t plen;
	struct reported *rep; /* owned; fields with a finding already (record.h) */
	size_t nrep, caprep;
};

/* The field of the mapping at map has had its finding: no rule is to say
 * again that it is missing. */
static void
reported(struct walk *w, struct mark map, const char *field)
{
	w->rep = xgrow(w->rep, &w->caprep, w->nrep + 1, sizeof *w->rep);
	w->rep[w->nrep].map = map;
	w->rep[w->nrep++].field = field;
}

static void say(struct walk *w, struct mark m, enum sev sev, const char *rule, const char *vi,
                const char *en, ...) __attribute__((format(printf, 5, 7), format(printf, 6, 7)));

static void
say(struct walk *w, struct mark m, enum sev sev, const char *rule, const char *vi, const char *en,
    ...)
{
	va_list ap;
	va_start(ap, en);
	diags_vadd(w->dq, w->file, m, sev, rule, "", L(w->lang, vi, en), ap);
	va_end(ap);
}

#define ERR(w, m, rule, vi, en, ...) say(w, m, SEV_ERROR, rule, vi, en, __VA_ARGS__)

static size_t
path_push(struct walk *w, const char *name, int item)
{
	/* By hand, not snprintf: this runs for every node of every record. */
	size_t old = w->plen, cap = sizeof w->path - 1, len = old;
	const char *parts[2] = {old && !item ? "." : "", item ? "[]" : name};
	for (int i = 0; i < 2; i++)
		for (const char *p = parts[i]; *p && len < cap; p++)
			w->path[len++] = *p;
	w->path[len] = '\0';
	w->plen = len;
	return old;
}

static void
path_pop(struct walk *w, size_t old)
{
	w->plen = old;
	w->path[old] = '\0';
}

/* A value as quoted in a message: at most 60 code points. */
static const char *
clip(struct walk *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cps = 0;
	for (; *p; p++)
		if ((*p & 0xC0) != 0x80 && cps++ == 60)
			break;
	if (!*p)
		return s;
	return arena_printf(w->a, "%.*s…", (int)((const char *)p - s), s);
}

static int
blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Null, blank text or an empty list.  An empty mapping is walked instead,
 * so that each of its required fields is named. */
static int
empty(const struct node *v)
{
	if (v->kind == NODE_SCALAR)
		return node_is_null(v) || blank(v->str);
	return v->kind == NODE_SEQ && v->len == 0;
}

/* ---- "did you mean" ---- */

/* Lower case without '_', '-', '.' and spaces: followUp, follow-up and
 * Follow_Up all become "followup". */
static void
squash(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++) {
		char c = *s;
		if (c == '_' || c == '-' || c == '.' || c == ' ')
			continue;
		out[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[k] = '\0';
}

/* How far a misspelling may be from a word of len bytes. */
static size_t
near_limit(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

/* The candidate closest to s: same squashed form first, then the smallest
 * edit distance of the folded forms within near_limit.  NULL if none. */
struct near {
	const char *s; /* what was written */
	char sq[NEAR_MAX + 1];
	char *fold; /* owned */
	const char *best;
	size_t bestd;
	int exact;
};

static void
near_begin(struct near *nr, const char *s)
{
	memset(nr, 0, sizeof *nr);
	nr->s = s;
	squash(s, nr->sq, sizeof nr->sq);
	nr->fold = strlen(s) <= NEAR_MAX ? text_fold(s) : NULL;
	nr->bestd = SIZE_MAX;
}

static void
near_try(struct near *nr, const char *cand, size_t limit)
{
	if (nr->exact || !nr->fold || strlen(cand) > NEAR_MAX)
		return;
	char sq[NEAR_MAX + 1];
	squash(cand, sq, sizeof sq);
	if (*sq && !strcmp(sq, nr->sq)) {
		nr->best = cand;
		nr->exact = 1;
		return;
	}
	char *f = text_fold(cand);
	size_t d = text_distance(nr->fold, f), fl = strlen(f);
	/* "courtesy call", "sister-city": the first words are the word. */
	if (d > limit && fl && !strncmp(nr->fold, f, fl) && nr->fold[fl] == ' ')
		d = limit;
	/* "years" for anniversary_years: the last word of the key. */
	size_t wl = strlen(nr->sq), cl = strlen(sq);
	if (d > limit && wl >= 4 && cl > wl && !strcmp(sq + cl - wl, nr->sq))
		d = limit;
	free(f);
	if (d <= limit && d < nr->bestd && d < strlen(nr->fold)) {
		nr->best = cand;
		nr->bestd = d;
	}
}

static const char *
near_end(struct near *nr)
{
	free(nr->fold);
	return nr->best;
}

static int
is_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	return !*s;
}

/* " (did you mean 'x'?)", or "" without a candidate. */
static const char *
did_you_mean(struct walk *w, const char *best)
{
	if (!best)
		return "";
	return arena_printf(w->a, L(w->lang, " (có phải ý bạn là '%s'?)", " (did you mean '%s'?)"),
	                    clip(w, best));
}

/* The second column of the row of t whose first is s folded, or NULL. */
static const char *
slip_hint(const char *const (*t)[2], size_t n, const char *s)
{
	char *f = text_fold(s);
	const char *hint = NULL;
	for (size_t i = 0; i < n && !hint; i++)
		if (!strcmp(f, t[i][0]))
			hint = t[i][1];
	free(f);
	return hint;
}

/* ---- type messages ---- */

enum want { W_TEXT, W_DATE, W_DATEM, W_INT, W_MAP, W_LIST };

static const char *
want_name(struct walk *w, enum want k)
{
	switch (k) {
	case W_TEXT: return L(w->lang, "văn bản", "text");
	case W_DATE: return L(w->lang, "một ngày (YYYY-MM-DD)", "a date (YYYY-MM-DD)");
	case W_DATEM:
		return L(w->lang, "một ngày (YYYY-MM-DD, YYYY-MM hoặc YYYY)",
		         "a date (YYYY-MM-DD, YYYY-MM or YYYY)");
	case W_INT: return L(w->lang, "một số nguyên", "a whole number");
	case W_MAP: return L(w->lang, "một nhóm 'khóa: giá trị'", "a mapping (key: value pairs)");
	case W_LIST:
		return L(w->lang, "một danh sách (mỗi mục bắt đầu bằng '- ')",
		         "a list (entries starting with '- ')");
	}
	return "";
}

static const char *
got_name(struct walk *w, const struct node *v, enum want k)
{
	int single = k == W_LIST; /* a single X where a list of X is wanted */
	if (v->kind == NODE_MAP)
		return single ? L(w->lang, "một nhóm 'khóa: giá trị' đơn lẻ", "a single mapping")
		              : L(w->lang, "một nhóm 'khóa: giá trị'", "a mapping");
	if (v->kind == NODE_SEQ)
		return L(w->lang, "một danh sách", "a list");
	if (node_is_null(v))
		return L(w->lang, "một mục trống", "an empty entry");
	if (v->plain && is_number(v->str))
		return arena_printf(w->a, L(w->lang, "số %s", "the number %s"), clip(w, v->str));
	return single ? L(w->lang, "một văn bản đơn lẻ", "a single text")
	              : L(w->lang, "văn bản", "text");
}

static void
type_error(struct walk *w, const struct node *v, enum want k)
{
	ERR(w, v->mark, "schema-type", "'%s' phải là %s, không phải %s", "'%s' must be %s, not %s",
	    w->path, want_name(w, k), got_name(w, v, k));
}

/* ---- scalar values ---- */

/* "7/2017" or "07.2017": a Vietnamese-style month; *out gets it. */
static int
month_dmy(const char *s, struct date *out)
{
	int m = 0, k = 0;
	for (; *s >= '0' && *s <= '9' && k < 2; s++, k++)
		m = m * 10 + (*s - '0');
	if (!k || (*s != '/' && *s != '.' && *s != '-'))
		return 0;
	s++;
	int y = 0;
	for (k = 0; *s >= '0' && *s <= '9'; s++, k++)
		if (k < 4) /* more digits than a year has: refused below, never summed */
			y = y * 10 + (*s - '0');
	if (k != 4 || *s || m < 1 || m > 12)
		return 0;
	out->y = y;
	out->m = m;
	out->d = 0;
	return 1;
}

/* "ngày 5 tháng 3 năm 2025", "tháng 3/2025", "T3/2025", "5 tháng 3, 2025":
 * a date or a month in Vietnamese words, as officials type one; *out
 * gets it (d == 0 for a month, m == 0 too for "năm 2025").  Only these
 * words, numbers and separators.  Returns 2 for a day or month that does
 * not exist, 0 for no such text. */
static int
words_date(const char *s, struct date *out)
{
	char *f = text_fold(s);
	int day = 0, mon = 0, year = 0, worded = 0, ok = 1;
	enum { NONE, DAY, MON, YEAR } next = NONE;
	for (const char *p = f; ok && *p;) {
		if (*p == ' ' || *p == '/' || *p == '-' || *p == '.' || *p == ',') {
			p++;
		} else if (*p >= 'a' && *p <= 'z') {
			const char *w = p;
			while (*p >= 'a' && *p <= 'z')
				p++;
			size_t n = (size_t)(p - w);
			worded = 1;
			if (n == 4 && !strncmp(w, "ngay", 4))
				next = DAY;
			else if ((n == 5 && !strncmp(w, "thang", 5)) || (n == 1 && *w == 't'))
				next = MON;
			else if (n == 3 && !strncmp(w, "nam", 3))
				next = YEAR;
			else
				ok = 0;
		} else if (*p >= '0' && *p <= '9') {
			long v = 0;
			int k = 0;
			for (; *p >= '0' && *p <= '9'; p++, k++)
				if (k < 5)
					v = v * 10 + (*p - '0');
			int *slot = next == DAY    ? &day
			            : next == MON  ? &mon
			            : next == YEAR ? &year
			            : k == 4       ? &year
			            : !day && !mon ? &day
			            : !mon         ? &mon
			                           : NULL;
			if (!slot || *slot || k > 4 || (slot == &year) != (k == 4))
				ok = 0;
			else
				*slot = (int)v;
			next = NONE;
		} else {
			ok = 0;
		}
	}
	free(f);
	if (!ok || !worded || !year || (day && !mon) || next != NONE)
		return 0;
	out->y = year;
	out->m = mon;
	out->d = day;
	if (mon > 12 || (day && day > date_month_days(year, mon)))
		return 2; /* "ngày 31 tháng 2 năm 2025" */
	return 1;
}

/* "2024-5-6", "2024/05/06", "2019.3": year first, but not zero-padded or
 * with another separator; *out gets the date (d == 0 without a day). */
static int
ymd_loose(const char *s, struct date *out)
{
	int part[3] = {0, 0, 0}, n = 0, k = 0;
	char sep = 0;
	for (; n < 3; n++) {
		for (k = 0; *s >= '0' && *s <= '9' && k < (n ? 2 : 4); s++, k++)
			part[n] = part[n] * 10 + (*s - '0');
		if (k == 0 || (n == 0 && k != 4))
			return 0;
		if (!*s)
			break;
		if ((*s != '-' && *s != '/' && *s != '.') || (sep && *s != sep))
			return 0;
		sep = *s++;
	}
	if (*s || n == 0 || part[1] < 1 || part[1] > 12)
		return 0;
	struct date d = {part[0], part[1], n == 2 ? part[2] : 0};
	struct date last = {d.y, d.m, 0};
	if (d.d && (d.d < 1 || date_from_days(date_days(last, 1)).d < d.d))
		return 0;
	*out = d;
	return 1;
}

static void
take_date(struct walk *w, const struct node *v, int month_ok, struct rdate *out)
{
	struct date d = {0, 0, 0};
	char iso[11];
	const char *s = v->str, *cs = clip(w, v->str);
	out->mark = v->mark;
	if (v->plain && is_number(s) && !(month_ok && strlen(s) == 4 && s[0] != '-')) {
		type_error(w, v, month_ok ? W_DATEM : W_DATE);
		return;
	}
	switch (date_parse(s, month_ok, &d)) {
	case DATE_OK:
		out->d = d;
		out->set = 1;
		return;
	case DATE_MONTH_ONLY:
		ERR(w, v->mark, "schema-date",
		    "'%s: %s' cần ngày đầy đủ YYYY-MM-DD, không chỉ tháng",
		    "'%s: %s' needs a full date YYYY-MM-DD, not only a month", w->path, cs);
		return;
	case DATE_IMPOSSIBLE:
		ERR(w, v->mark, "schema-date", "'%s: %s' là ngày không có trong lịch",
		    "'%s: %s' is a date that does not exist", w->path, cs);
		return;
	case DATE_DMY:
		date_iso(d, iso);
		ERR(w, v->mark, "schema-date",
		    "'%s': hãy viết %s, không viết %s (ngày theo dạng YYYY-MM-DD)",
		    "'%s': write %s, not %s (dates are YYYY-MM-DD)", w->path, iso, cs);
		return;
	case DATE_MALFORMED: break;
	}
	if (month_dmy(s, &d)) {
		date_iso(d, iso);
		if (month_ok)
			ERR(w, v->mark, "schema-date",
			    "'%s': hãy viết %s, không viết %s (tháng theo dạng YYYY-MM)",
			    "'%s': write %s, not %s (months are YYYY-MM)", w->path, iso, cs);
		else
			ERR(w, v->mark, "schema-date",
			    "'%s: %s' cần ngày đầy đủ YYYY-MM-DD (ví dụ %s-01), không chỉ tháng",
			    "'%s: %s' needs a full date YYYY-MM-DD (e.g. %s-01), not only a month",
			    w->path, cs, iso);
		return;
	}
	int worded = words_date(s, &d);
	if (worded == 2) {
		ERR(w, v->mark, "schema-date", "'%s: %s' là ngày không có trong lịch",
		    "'%s: %s' is a date that does not exist", w->path, cs);
		return;
	}
	if (worded && !d.d && !month_ok) {
		date_iso(d, iso);
		ERR(w, v->mark, "schema-date",
		    "'%s: %s' cần ngày đầy đủ YYYY-MM-DD (ví dụ %s%s), không chỉ %s",
		    "'%s: %s' needs a full date YYYY-MM-DD (e.g. %s%s), not only a %s", w->path, cs,
		    iso, d.m ? "-01" : "-01-01",
		    d.m ? L(w->lang, "tháng", "month") : L(w->lang, "năm", "year"));
		return;
	}
	if (worded || (ymd_loose(s, &d) && (d.d || month_ok))) {
		date_iso(d, iso);
		ERR(w, v->mark, "schema-date",
		    "'%s': hãy viết %s, không viết %s (ngày theo dạng %s)",
		    "'%s': write %s, not %s (dates are %s)", w->path, iso, cs,
		    month_ok ? "YYYY-MM-DD / YYYY-MM / YYYY" : "YYYY-MM-DD");
		return;
	}
	ERR(w, v->mark, "schema-date", "'%s: %s' không phải là ngày; hãy viết %s",
	    "'%s: %s' is not a date; write %s", w->path, cs,
	    month_ok ? "YYYY-MM-DD / YYYY-MM / YYYY" : "YYYY-MM-DD");
}

/* Words people write for an allowed word, folded: a hint only when the
 * field allows the word on the right.  Vietnamese words too, as an
 * official types them ("hoàn thành", "chưa làm", "kết nghĩa"). */
static const char *const enum_hints[][2] = {
    {"out", "outbound"},
    {"outgoing", "outbound"},
    {"abroad", "outbound"},
    {"doan ra", "outbound"},
    {"in", "inbound"},
    {"incoming", "inbound"},
    {"doan vao", "inbound"},
    {"complete", "done"},
    {"completed", "done"},
    {"finished", "done"},
    {"closed", "done"},
    {"hoan thanh", "done"},
    {"complete", "completed"},
    {"done", "completed"},
    {"finished", "completed"},
    {"past", "completed"},
    {"upcoming", "planned"},
    {"scheduled", "planned"},
    {"todo", "open"},
    {"to do", "open"},
    {"pending", "open"},
    {"new", "open"},
    {"not started", "open"},
    {"chua thuc hien", "open"},
    {"ongoing", "in_progress"},
    {"started", "in_progress"},
    {"wip", "in_progress"},
    {"dang thuc hien", "in_progress"},
    {"cancelled", "dropped"},
    {"canceled", "dropped"},
    {"abandoned", "dropped"},
    {"stuck", "blocked"},
    {"on hold", "blocked"},
    {"twinned", "sister"},
    {"twinning", "sister"},
    {"ket nghia", "sister"},
    {"memorandum", "mou"},
    {"prospective", "prospect"},
    {"yes", "accepted"},
    {"agreed", "accepted"},
    {"no", "declined"},
    {"refused", "declined"},
    {"rejected", "declined"},
    {"waiting", "pending"},
    {"not planned", "none"},
    {"no", "none"},
    {"visit", "site_visit"},
    {"tinh", "province"},
    {"thanh pho", "city"},
    {"money", "funding"},
    {"slides", "presentation"},
    {"ppt", "presentation"},
    {"planned", "proposed"},
    {"hoan thanh", "completed"},
    {"da hoan thanh", "done"},
    {"da hoan thanh", "completed"},
    {"xong", "done"},
    {"da xong", "done"},
    {"da xong", "completed"},
    {"ket thuc", "completed"},
    {"da ket thuc", "completed"},
    {"da dien ra", "done"},
    {"da dien ra", "completed"},
    {"du kien", "planned"},
    {"ke hoach", "planned"},
    {"chua dien ra", "planned"},
    {"sap dien ra", "planned"},
    {"chua lam", "open"},
    {"chua bat dau", "open"},
    {"moi", "open"},
    {"dang lam", "in_progress"},
    {"dang trien khai", "in_progress"},
    {"tam dung", "blocked"},
    {"vuong mac", "blocked"},
    {"huy", "dropped"},
    {"da huy", "dropped"},
    {"dung", "dropped"},
    {"bo", "dropped"},
    {"dong y", "accepted"},
    {"chap thuan", "accepted"},
    {"tu choi", "declined"},
    {"cho", "pending"},
    {"dang cho", "pending"},
    {"cho tra loi", "pending"},
    {"de xuat", "proposed"},
    {"thong nhat", "agreed"},
    {"da thong nhat", "agreed"},
    {"khong", "none"},
    {"ghi nho", "mou"},
    {"bien ban ghi nho", "mou"},
    {"tim hieu", "exploring"},
    {"tiem nang", "prospect"},
    {"dai su quan", "embassy"},
    {"tong lanh su quan", "consulate"},
    {"lanh su quan", "consulate"},
    {"xa giao", "courtesy"},
    {"chao xa giao", "courtesy"},
    {"lam viec", "working"},
    {"ky ket", "signing"},
    {"khao sat", "site_visit"},
    {"tham quan", "site_visit"},
    {"su kien", "event"},
    {"thoa thuan", "agreement"},
    {"hiep dinh", "agreement"},
    {"ke hoach", "plan"},
    {"thu y dinh", "letter_of_intent"},
    {"to chuc rieng", "standalone"},
    {"ky niem", "anniversary"},
    {"su kien lon", "major_event"},
    {"vien tro", "aid"},
    {"tai tro", "funding"},
    {"dau tu", "investment"},
    {"thuong mai", "trade"},
    {"giao luu", "exchange"},
    {"dao tao", "training"},
    {"cong nghe", "technology"},
    {"to chuc", "organization"},
    {"doanh nghiep", "business"},
    {"dai hoc", "university"},
    {"bang", "state"},
    {"vung", "region"},
    {"bai trinh bay", "presentation"},
    {"trinh chieu", "presentation"},
    {"to roi", "brochure"},
    {"doi tac", "partner"},
    {"phia doi tac", "partner"},
    {"co quan dai dien", "agency"},
    {"phia ta", "ours"},
};

/* A hint for a word not allowed: a known slip first, then the one allowed
 * word it begins ("out" for outbound), else the nearest by spelling. */
static const char *
enum_hint(const char *const *words, int first, const char *s)
{
	char *f = text_fold(s);
	const char *best = NULL;
	for (size_t i = 0; i < N(enum_hints) && !best; i++)
		if (!strcmp(f, enum_hints[i][0]))
			for (int j = first; words[j] && !best; j++)
				if (!strcmp(words[j], enum_hints[i][1]))
					best = words[j];
	size_t fl = strlen(f);
	for (int j = first; words[j] && !best && fl >= 2; j++)
		if (!strncmp(words[j], f, fl)) {
			best = words[j];
			for (int k = j + 1; words[k]; k++)
				if (!strncmp(words[k], f, fl))
					best = NULL; /* "in" could be several words: no guess */
			break;
		}
	free(f);
	if (best)
		return best;
	struct near nr;
	near_begin(&nr, s);
	for (int i = first; words[i]; i++)
		near_try(&nr, words[i], near_limit(strlen(words[i])));
	return near_end(&nr);
}

static void
take_enum(struct walk *w, const struct sfield *f, char *base, const struct node *v)
{
	const char *const *words = f->words;
	int first = words[0] ? 0 : 1;
	for (int i = first; words[i]; i++)
		if (v->str[0] == words[i][0] && !strcmp(v->str, words[i])) {
			int val = i;
			memcpy(base + f->off, &val, sizeof val);
			if (f->flag)
				*(int *)(base + f->flag) = 1;
			return;
		}
	struct buf all = BUF_INIT;
	for (int i = first; words[i]; i++)
		buf_printf(&all, "%s%s", i > first ? ", " : "", words[i]);
	const char *hint = did_you_mean(w, enum_hint(words, first, v->str));
	ERR(w, v->mark, "schema-type", "'%s: %s' không hợp lệ%s; các từ được phép: %s",
	    "'%s: %s' is not allowed%s; allowed words: %s", w->path, clip(w, v->str), hint,
	    buf_cstr(&all));
	buf_free(&all);
}

static void
take_int(struct walk *w, const struct sfield *f, char *base, const struct node *v)
{
	const char *s = v->str;
	long n = 0;
	size_t k = 0;
	if (*s == '+')
		s++;
	for (; s[k] >= '0' && s[k] <= '9' && k < 10; k++)
		n = n * 10 + (s[k] - '0');
	int number = k && !s[k] && k < 10;
	if (number && !v->plain) {
		/* YAML reads "12" as text, as an editor's schema does */
		ERR(w, v->mark, "schema-type",
		    "'%s: \"%s\"' phải là một số, không phải văn bản: bỏ dấu ngoặc kép",
		    "'%s: \"%s\"' must be a number, not text: write it without quotes", w->path,
		    clip(w, v->str));
		return;
	}
	if (number && n >= f->min) {
		*(long *)(base + f->off) = n;
		return;
	}
	ERR(w, v->mark, "schema-type", "'%s: %s' phải là một số nguyên từ %ld đến 999999999",
	    "'%s: %s' must be a whole number from %ld to 999999999", w->path, clip(w, v->str),
	    f->min);
}

/* Common slips for language codes: country codes, language names. */
static const char *const lang_hints[][2] = {
    {"jp", "ja"},        {"cn", "zh"},          {"vn", "vi"},         {"kr", "ko"},
    {"cz", "cs"},        {"dk", "da"},          {"gr", "el"},         {"english", "en"},
    {"japanese", "ja"},  {"french", "fr"},      {"vietnamese", "vi"}, {"korean", "ko"},
    {"chinese", "zh"},   {"german", "de"},      {"russian", "ru"},    {"spanish", "es"},
    {"tieng anh", "en"}, {"tieng nhat", "ja"},  {"tieng phap", "fr"}, {"tieng viet", "vi"},
    {"tieng han", "ko"}, {"tieng trung", "zh"}, {"tieng duc", "de"},  {"tieng nga", "ru"},
};

/* ISO 639 (schema_lang_code).  *out gets the lower-case code. */
static int
lang_code(struct walk *w, const char *s, const char **out)
{
	char c[4];
	if (!schema_lang_code(s, strlen(s), c))
		return 0;
	*out = arena_strdup(w->a, c);
	return 1;
}

static void
bad_lang(struct walk *w, const struct node *v)
{
	const char *h = did_you_mean(w, slip_hint(lang_hints, N(lang_hints), v->str));
	ERR(w, v->mark, "schema-type",
	    "'%s: %s' không phải là mã ngôn ngữ ISO 639 (2–3 chữ cái, ví dụ vi, en, ja)%s",
	    "'%s: %s' is not an ISO 639 language code (2–3 letters, e.g. vi, en, ja)%s", w->path,
	    clip(w, v->str), h);
}

/* Country names and ISO alpha-3 codes people write instead of alpha-2. */
static const char *const country_hints[][2] = {
    {"uk", "GB"},        {"united kingdom", "GB"},
    {"anh", "GB"},       {"gbr", "GB"},
    {"japan", "JP"},     {"nhat ban", "JP"},
    {"jpn", "JP"},       {"france", "FR"},
    {"phap", "FR"},      {"fra", "FR"},
    {"korea", "KR"},     {"south korea", "KR"},
    {"han quoc", "KR"},  {"kor", "KR"},
    {"china", "CN"},     {"trung quoc", "CN"},
    {"chn", "CN"},       {"germany", "DE"},
    {"duc", "DE"},       {"deu", "DE"},
    {"belgium", "BE"},   {"bi", "BE"},
    {"bel", "BE"},       {"vietnam", "VN"},
    {"viet nam", "VN"},  {"vnm", "VN"},
    {"usa", "US"},       {"united states", "US"},
    {"hoa ky", "US"},    {"my", "US"},
    {"australia", "AU"}, {"uc", "AU"},
    {"russia", "RU"},    {"nga", "RU"},
    {"thailand", "TH"},  {"thai lan", "TH"},
    {"laos", "LA"},      {"lao", "LA"},
    {"cambodia", "KH"},  {"campuchia", "KH"},
    {"singapore", "SG"}, {"italy", "IT"},
    {"y", "IT"},         {"canada", "CA"},
};

static void
take_country(struct walk *w, struct text *t, const struct node *v)
{
	char c[6];
	if (country_code(v->str, c)) {
		t->s = arena_strdup(w->a, c);
		return;
	}
	const char *h = did_you_mean(w, slip_hint(country_hints, N(country_hints), v->str));
	ERR(w, v->mark, "schema-type", "'%s: %s' %s%s", "'%s: %s' %s%s", w->path, clip(w, v->str),
	    country_code_problem(w->lang), h);
}

static void
take_rule(struct walk *w, struct text *t, const struct node *v)
{
	if (rule_find(v->str)) {
		t->s = v->str;
		return;
	}
	struct near nr;
	near_begin(&nr, v->str);
	for (size_t i = 0; i < rule_count; i++)
		near_try(&nr, rule_table[i].id, 3);
	const char *h = did_you_mean(w, near_end(&nr));
	ERR(w, v->mark, "schema-type",
	    "'%s: %s' không phải là mã quy tắc nào%s; 'debrief rules' liệt kê các quy tắc",
	    "'%s: %s' names no known rule%s; 'debrief rules' lists them", w->path, clip(w, v->str),
	    h);
}

static void
take_scalar(struct walk *w, const struct sfield *f, char *base, const struct node *v)
{
	struct text *t = (struct text *)(base + f->off);
	switch (f->type) {
	case FT_TEXT:
	case FT_ID: /* its pattern is checked with the title at hand (finish) */
	case FT_REF:
	case FT_AUDIENCE: /* resolved once every partner is known (finish) */ t->s = v->str; break;
	case FT_SCHEMA:
		if (strcmp(v->str, "debrief/1"))
			ERR(w, v->mark, "schema-version",
			    "phiên bản định dạng '%s' không được hỗ trợ; debrief này đọc "
			    "'debrief/1'",
			    "unsupported format version '%s'; this debrief reads 'debrief/1'",
			    clip(w, v->str));
		else
			t->s = v->str;
		break;
	case FT_LANG:
		if (!lang_code(w, v->str, &t->s))
			bad_lang(w, v);
		break;
	case FT_COUNTRY: take_country(w, t, v); break;
	case FT_RULE: take_rule(w, t, v); break;
	case FT_DATE:
	case FT_DATEM: take_date(w, v, f->type == FT_DATEM, (struct rdate *)(base + f->off)); break;
	case FT_ENUM: take_enum(w, f, base, v); break;
	case FT_INT: take_int(w, f, base, v); break;
	case FT_TEXTS:
	case FT_LANGS:
	case FT_MAP:
	case FT_LIST: break;
	}
}

/* ---- collections ---- */

static int
is_scalar_type(enum ftype t)
{
	return t != FT_TEXTS && t != FT_LANGS && t != FT_MAP && t != FT_LIST;
}

/* Findings came of walking field f's value v: whether they are about the
 * value itself (a scalar rejected, an item of a list of words, a mapping
 * or list given as something else), not about a field inside it. */
static int
value_rejected(const struct sfield *f, const struct node *v)
{
	if (f->type == FT_MAP)
		return v->kind != NODE_MAP;
	if (f->type == FT_LIST)
		return v->kind != NODE_SEQ;
	return 1; /* a scalar, FT_TEXTS, FT_LANGS */
}

static void set_mark(const struct sfield *f, char *base, struct mark m);
static void walk_object(struct walk *w, const struct sobj *o, char *base, const struct node *map);

/* Marks of absent fields point at the mapping that should hold them;
 * numbers start absent (-1). */
static void
obj_init(const struct sobj *o, char *base, struct mark m)
{
	if (o->mark)
		*(struct mark *)(base + o->mark) = m;
	for (size_t i = 0; i < o->nfields; i++) {
		const struct sfield *f = &o->fields[i];
		set_mark(f, base, m);
		if (f->type == FT_INT)
			*(long *)(base + f->off) = -1;
		if (f->type == FT_MAP)
			obj_init(f->sub, base + f->off, m);
	}
}

static void
set_mark(const struct sfield *f, char *base, struct mark m)
{
	switch (f->type) {
	case FT_DATE:
	case FT_DATEM: ((struct rdate *)(base + f->off))->mark = m; break;
	case FT_TEXTS:
	case FT_LANGS: ((struct texts *)(base + f->off))->mark = m; break;
	case FT_INT: break;
	case FT_ENUM:
	case FT_MAP:
	case FT_LIST:
		if (f->mark)
			*(struct mark *)(base + f->mark) = m;
		break;
	default: ((struct text *)(base + f->off))->mark = m; break;
	}
}

static void
walk_texts(struct walk *w, const struct sfield *f, char *base, const struct node *v)
{
	struct texts *ts = (struct texts *)(base + f->off);
	if (v->kind != NODE_SEQ) {
		type_error(w, v, W_LIST);
		return;
	}
	size_t old = path_push(w, "", 1);
	ts->v = arena_alloc(w->a, v->len * sizeof *ts->v);
	for (size_t i = 0; i < v->len; i++) {
		const struct node *it = v->items[i];
		if (it->kind != NODE_SCALAR) {
			type_error(w, it, W_TEXT);
			continue;
		}
		if (empty(it))
			continue; /* "- " alone: nothing to keep, nothing lost */
		struct text *t = &ts->v[ts->n];
		t->mark = it->mark;
		if (f->type == FT_LANGS) {
			if (!lang_code(w, it->str, &t->s)) {
				bad_lang(w, it);
				continue;
			}
		} else {
			t->s = it->str;
		}
		ts->n++;
	}
	path_pop(w, old);
}

static void
walk_list(struct walk *w, const struct sfield *f, char *base, const struct node *v)
{
	const struct sobj *o = f->sub;
	if (v->kind != NODE_SEQ) {
		type_error(w, v, W_LIST);
		return;
	}
	size_t n = v->len;
	if (n > MAX_ENTRIES) {
		ERR(w, v->mark, "yaml-limit", "'%s' có %zu mục; chỉ đọc %d mục đầu",
		    "'%s' has %zu entries; only the first %d are read", w->path, n, MAX_ENTRIES);
		n = MAX_ENTRIES;
	}
	size_t old = path_push(w, "", 1);
	char *arr = arena_alloc(w->a, n * o->size);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct node *it = v->items[i];
		if (it->kind != NODE_MAP) {
			type_error(w, it, W_MAP);
			continue;
		}
		walk_object(w, o, arr + k * o->size, it);
		k++;
	}
	path_pop(w, old);
	memcpy(base + f->off, &arr, sizeof arr);
	*(size_t *)(base + f->count) = k;
}

static void
walk_field(struct walk *w, const struct sfield *f, char *base, const struct node *k,
           const struct node *v)
{
	size_t old = path_push(w, f->name, 0);
	int none = empty(v);
	set_mark(f, base, none ? k->mark : v->mark);
	if (f->type == FT_SCHEMA && (none || v->kind != NODE_SCALAR)) {
		say(w, none ? k->mark : v->mark, SEV_ERROR, "schema-version",
		    "'schema' phải là 'debrief/1' (phiên bản định dạng)",
		    "'schema' must be 'debrief/1' (the format version)");
	} else if (none) { /* REQ_RULE: for the rule to say */
		if (f->required == 1 && f->type == FT_LIST)
			ERR(w, k->mark, "schema-required", "'%s' cần ít nhất một mục",
			    "'%s' needs at least one entry", w->path);
		else if (f->required == 1)
			ERR(w, k->mark, "schema-required", "trường bắt buộc '%s' đang để trống",
			    "required field '%s' is empty", w->path);
	} else if (is_scalar_type(f->type)) {
		if (v->kind == NODE_SCALAR)
			take_scalar(w, f, base, v);
		else
			type_error(w, v,
			           f->type == FT_DATE    ? W_DATE
			           : f->type == FT_DATEM ? W_DATEM
			           : f->type == FT_INT   ? W_INT
			                                 : W_TEXT);
	} else if (f->type == FT_MAP) {
		if (v->kind != NODE_MAP) {
			type_error(w, v, W_MAP);
		} else {
			if (f->flag)
				*(int *)(base + f->flag) = 1;
			walk_object(w, f->sub, base + f->off, v);
		}
	} else if (f->type == FT_LIST) {
		walk_list(w, f, base, v);
	} else {
		walk_texts(w, f, base, v);
	}
	path_pop(w, old);
}

/* Where else in the format a key is defined: "dates" for "start". */
static int
key_home(const struct sobj *o, const struct sobj *skip, const char *sq, char *path, size_t plen,
         size_t cap)
{
	for (size_t i = 0; i < o->nfields; i++) {
		char fsq[NEAR_MAX + 1];
		squash(o->fields[i].name, fsq, sizeof fsq);
		if (o != skip && !strcmp(fsq, sq)) {
			path[plen] = '\0';
			return 1;
		}
	}
	for (size_t i = 0; i < o->nfields; i++) {
		const struct sfield *f = &o->fields[i];
		if (f->type != FT_MAP && f->type != FT_LIST)
			continue;
		int n = snprintf(path + plen, cap - plen, "%s%s%s", plen ? "." : "", f->name,
		                 f->type == FT_LIST ? "[]" : "");
		if (n < 0 || plen + (size_t)n >= cap)
			continue;
		if (key_home(f->sub, skip, sq, path, plen + (size_t)n, cap))
			return 1;
	}
	return 0;
}

/* The field of o whose name k->str is nearest to, or -1. */
static int
near_field(const struct sobj *o, const struct node *k)
{
	struct near nr;
	near_begin(&nr, k->str);
	for (size_t i = 0; i < o->nfields; i++)
		near_try(&nr, o->fields[i].name, near_limit(strlen(o->fields[i].name)));
	const char *best = near_end(&nr);
	for (size_t i = 0; best && i < o->nfields; i++)
		if (o->fields[i].name == best)
			return (int)i;
	return -1;
}

/* A misspelt key of a field the mapping lacks: the value the writer meant
 * is lost, so an error (as a rejected value is), and the one finding about
 * that field. */
static void
misspelt_key(struct walk *w, const struct sobj *o, const struct node *map, const struct node *k,
             int j)
{
	const char *name = o->fields[j].name;
	size_t old = path_push(w, name, 0);
	ERR(w, k->mark, "schema-unknown-key",
	    "khóa không xác định '%s' (có phải ý bạn là '%s'?); giá trị này bị bỏ qua nên "
	    "'%s' đang thiếu",
	    "unknown key '%s' (did you mean '%s'?); its value is ignored, so '%s' is missing",
	    clip(w, k->str), name, w->path);
	path_pop(w, old);
	reported(w, map->mark, name);
}

/* A key with no value that cannot be a field's name: words, non-ASCII
 * letters, or a number ("1,5 lần" cut at its decimal comma leaves "5 lần"). */
static int
cut_piece(const struct node_pair *pr)
{
	const struct node *k = pr->key, *v = pr->value;
	if (!k || k->kind != NODE_SCALAR || !v || v->kind != NODE_SCALAR || !node_is_null(v))
		return 0;
	int wordy = k->str[0] >= '0' && k->str[0] <= '9';
	for (const unsigned char *p = (const unsigned char *)k->str; *p; p++)
		wordy |= *p == ' ' || *p >= 0x80;
	return wordy;
}

/* The comma, and the spaces after it, between two plain scalars of one
 * flow mapping, as the line has them (columns count code points). */
static void
put_comma(struct buf *b, const struct node *prev, const struct node *next)
{
	unsigned end = prev->mark.col;
	for (const unsigned char *p = (const unsigned char *)prev->str; *p; p++)
		end += (*p & 0xC0) != 0x80;
	buf_putc(b, ',');
	if (next->mark.line != prev->mark.line || next->mark.col <= end)
		buf_putc(b, ' ');
	else
		for (unsigned c = end + 1; c < next->mark.col; c++)
			buf_putc(b, ' ');
}

/* "{name: Chủ tịch HĐND tỉnh, Phó Bí thư Tỉnh ủy}", "{data: 1,2 triệu TEU}":
 * in a flow mapping the comma ends the value and each rest becomes a key
 * without a value.  One finding for the value, at its first rest, with the
 * whole value as written; the value cut is left absent.  Returns 1 for
 * every rest of a value so cut. */
static int
split_value(struct walk *w, const struct sobj *o, char *base, const struct node *map, size_t i)
{
	if (i == 0 || !cut_piece(&map->pairs[i]))
		return 0;
	size_t j = i - 1; /* back over earlier pieces of the same value */
	while (j > 0 && cut_piece(&map->pairs[j]))
		j--;
	const struct node *pk = map->pairs[j].key, *pv = map->pairs[j].value;
	if (!pk || pk->kind != NODE_SCALAR || !pv || pv->kind != NODE_SCALAR || node_is_null(pv))
		return 0;
	size_t f = 0;
	while (f < o->nfields && strcmp(o->fields[f].name, pk->str))
		f++;
	if (f == o->nfields || o->fields[f].type != FT_TEXT)
		return 0;
	if (i > j + 1)
		return 1; /* told with the first piece */
	const struct node *k = map->pairs[i].key;
	struct buf whole = BUF_INIT, rest = BUF_INIT;
	buf_puts(&whole, pv->str);
	const struct node *prev = pv;
	for (size_t n = i; n < map->len && cut_piece(&map->pairs[n]); n++) {
		const struct node *piece = map->pairs[n].key;
		put_comma(&whole, prev, piece);
		if (n > i)
			put_comma(&rest, prev, piece);
		buf_puts(&whole, piece->str);
		buf_puts(&rest, piece->str);
		prev = piece;
	}
	size_t old = path_push(w, pk->str, 0);
	ERR(w, k->mark, "schema-unknown-key",
	    "'%s' bị cắt ở dấu phẩy: phần sau dấu phẩy ('%s') bị đọc thành một khóa; đặt cả giá "
	    "trị trong dấu ngoặc kép: %s: \"%s\"",
	    "'%s' was cut at a comma: what follows it ('%s') was read as a key; put the whole "
	    "value in quotes: %s: \"%s\"",
	    w->path, clip(w, buf_cstr(&rest)), pk->str, clip(w, buf_cstr(&whole)));
	path_pop(w, old);
	buf_free(&whole);
	buf_free(&rest);
	/* half a name or title is not what the record says: left absent */
	((struct text *)(base + o->fields[f].off))->s = NULL;
	reported(w, map->mark, o->fields[f].name);
	return 1;
}

static void
unknown_key(struct walk *w, const struct sobj *o, const struct node *k)
{
	int j = near_field(o, k);
	const char *hint = did_you_mean(w, j >= 0 ? o->fields[j].name : NULL);
	char home[256], sq[NEAR_MAX + 1];
	squash(k->str, sq, sizeof sq);
	if (!*hint && *sq && strlen(k->str) <= NEAR_MAX &&
	    key_home(&schema_record_obj, o, sq, home, 0, sizeof home))
		hint =
		    *home ? arena_printf(
		                w->a, L(w->lang, " (đây là trường của '%s')", " (a field of '%s')"),
		                home)
		          : L(w->lang, " (đây là trường ở cấp cao nhất)",
		              " (a field of the top level)");
	if (w->plen)
		say(w, k->mark, SEV_WARNING, "schema-unknown-key",
		    "khóa không xác định '%s' trong '%s'%s; giá trị này bị bỏ qua",
		    "unknown key '%s' in '%s'%s; its value is ignored", clip(w, k->str), w->path,
		    hint);
	else
		say(w, k->mark, SEV_WARNING, "schema-unknown-key",
		    "khóa không xác định '%s'%s; giá trị này bị bỏ qua",
		    "unknown key '%s'%s; its value is ignored", clip(w, k->str), hint);
}

static void
walk_object(struct walk *w, const struct sobj *o, char *base, const struct node *map)
{
	unsigned char seen[MAX_FIELDS];
	const struct node *slip[MAX_FIELDS]; /* a misspelt key for the field */
	if (o->nfields > MAX_FIELDS)
		abort(); /* a table of schema_fields.c grew past MAX_FIELDS */
	/* only the first nfields are read */
	memset(seen, 0, o->nfields);
	memset(slip, 0, o->nfields * sizeof *slip);
	obj_init(o, base, map->mark);
	/* a record's keys mostly come in the table's order: each is looked
	 * for from the field after the last one found, round the table */
	size_t next = 0;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key, *v = map->pairs[i].value;
		if (!k || k->kind != NODE_SCALAR) {
			say(w, k ? k->mark : map->mark, SEV_ERROR, "schema-type",
			    "khóa phải là văn bản; mục này bị bỏ qua",
			    "a key must be text; this entry is ignored");
			continue;
		}
		size_t j = next, tried = 0;
		while (tried < o->nfields &&
		       (o->fields[j].name[0] != k->str[0] || strcmp(o->fields[j].name, k->str))) {
			j = j + 1 < o->nfields ? j + 1 : 0;
			tried++;
		}
		if (tried == o->nfields) {
			int near = near_field(o, k);
			if (split_value(w, o, base, map, i))
				continue;
			if (near >= 0 && !slip[near])
				slip[near] = k; /* told after the walk, when it is known absent */
			else
				unknown_key(w, o, k);
			continue;
		}
		next = j + 1 < o->nfields ? j + 1 : 0;
		if (seen[j])
			continue; /* a repeated key: the loader reported it; the first counts */
		seen[j] = 1;
		size_t before = w->dq->n;
		walk_field(w, &o->fields[j], base, k, v);
		if (w->dq->n > before && value_rejected(&o->fields[j], v))
			reported(w, map->mark, o->fields[j].name);
	}
	for (size_t j = 0; j < o->nfields; j++) {
		if (!slip[j])
			continue;
		if (seen[j])
			unknown_key(w, o, slip[j]);
		else
			misspelt_key(w, o, map, slip[j], (int)j);
	}
	for (size_t j = 0; j < o->nfields; j++) {
		const struct sfield *f = &o->fields[j];
		if (seen[j] || slip[j] || !f->required || f->required == REQ_RULE ||
		    f->type == FT_ID)
			continue; /* a missing id is named with a suggestion (check_id) */
		size_t old = path_push(w, f->name, 0);
		if (f->type == FT_SCHEMA)
			say(w, map->mark, SEV_ERROR, "schema-version",
			    "thiếu 'schema: debrief/1' (phiên bản định dạng)",
			    "missing 'schema: debrief/1' (the format version)");
		else
			ERR(w, map->mark, "schema-required", "thiếu trường bắt buộc '%s'",
			    "missing required field '%s'", w->path);
		reported(w, map->mark, f->name);
		path_pop(w, old);
	}
}

/* ---- checks across fields ---- */

/* con, prn, aux, nul, com1-9, lpt1-9: names Windows gives to devices, so
 * that a report <id>.md could not be checked out there. */
static int
device_name(const char *id)
{
	static const char *const dev[] = {"con", "prn", "aux", "nul"};
	for (size_t i = 0; i < sizeof dev / sizeof dev[0]; i++)
		if (!strcmp(id, dev[i]))
			return 1;
	return (!strncmp(id, "com", 3) || !strncmp(id, "lpt", 3)) && id[3] >= '1' && id[3] <= '9' &&
	       !id[4];
}

/* Why id is not ^[a-z0-9][a-z0-9-]{0,63}$ (or names a Windows device), or
 * NULL.  Caller frees. */
static char *
id_why(const char *id, enum lang lang)
{
	const unsigned char *p = (const unsigned char *)id;
	if (!*p)
		return xstrdup(L(lang, "để trống", "it is empty"));
	if (*p == '-')
		return xstrdup(L(lang, "bắt đầu bằng '-'", "it starts with '-'"));
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
			continue;
		if (*p >= 'A' && *p <= 'Z')
			return xstrdup(L(lang, "có chữ hoa", "it has upper-case letters"));
		if (*p == ' ' || *p == '\t')
			return xstrdup(L(lang, "có dấu cách", "it has spaces"));
		int n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
		for (int i = 1; i < n; i++)
			if (!p[i])
				n = i;
		return xasprintf(L(lang, "có ký tự '%.*s'", "it has the character '%.*s'"), n,
		                 (const char *)p);
	}
	if ((const char *)p - id > 64)
		return xstrdup(L(lang, "dài quá 64 ký tự", "it is longer than 64 characters"));
	if (device_name(id))
		return xstrdup(
		    L(lang, "là tên Windows dành riêng cho thiết bị, không dùng làm tên tệp được",
		      "Windows reserves it for a device, so no file can have that name"));
	return NULL;
}

char *
schema_id_problem(const char *id, enum lang lang)
{
	char *why = id_why(id, lang);
	if (!why)
		return NULL;
	char *s = xasprintf(L(lang,
	                      "không hợp lệ: %s; id chỉ gồm a–z, 0–9 và '-' (không đứng đầu), tối "
	                      "đa 64 ký tự",
	                      "is not a valid id: %s; use a–z, 0–9 and '-' (not first), at most 64 "
	                      "characters"),
	                    why);
	free(why);
	return s;
}

/* A valid id to propose: the id made valid, else one from the title. */
static char *
id_suggest(const struct record *r, const char *id)
{
	char *s = id ? text_slug(id) : xstrdup("x");
	if (!strcmp(s, "x") && r->title.s) {
		char *t = text_slug(r->title.s);
		free(s);
		s = r->start.set
		        ? xasprintf("%04d-%02d-%s", r->start.d.y % 10000, r->start.d.m % 100, t)
		        : xstrdup(t);
		free(t);
	}
	size_t n = strlen(s);
	if (n > 64) { /* cut between words when one ends late enough */
		n = 64;
		while (n > 40 && s[n] != '-')
			n--;
		if (s[n] != '-')
			n = 64;
	}
	while (n > 1 && s[n - 1] == '-')
		n--;
	s[n] = '\0';
	if (device_name(s)) {
		char *t = xasprintf("%s-1", s);
		free(s);
		s = t;
	}
	return s;
}

static void
check_id(struct walk *w, struct record *r)
{
	if (!node_get_key(r->root, "id")) {
		if (r->title.s) {
			char *sug = id_suggest(r, NULL);
			ERR(w, r->root->mark, "schema-required",
			    "thiếu trường bắt buộc 'id' (ví dụ 'id: %s')",
			    "missing required field 'id' (e.g. 'id: %s')", sug);
			free(sug);
		} else {
			say(w, r->root->mark, SEV_ERROR, "schema-required",
			    "thiếu trường bắt buộc 'id'", "missing required field 'id'");
		}
		return;
	}
	if (!r->id.s)
		return;
	char *why = schema_id_problem(r->id.s, w->lang);
	if (!why)
		return;
	char *sug = id_suggest(r, r->id.s);
	ERR(w, r->id.mark, "schema-type", "'id: %s' %s, ví dụ 'id: %s'",
	    "'id: %s' %s, e.g. 'id: %s'", clip(w, r->id.s), why, sug);
	free(why);
	free(sug);
	r->id.s = NULL;
}

/* Task ids: T<n> by position where none is written; no two alike. */
struct idref {
	const char *id;
	size_t i;
};

static int
cmp_idref(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void
check_task_ids(struct walk *w, struct record *r)
{
	if (!r->ntasks)
		return;
	struct idref *ix = xcalloc(r->ntasks, sizeof *ix);
	unsigned char *given = xcalloc(r->ntasks, 1);
	for (size_t i = 0; i < r->ntasks; i++) {
		struct task *t = &r->tasks[i];
		if (t->id.s) {
			given[i] = 1;
		} else {
			t->id.s = arena_printf(w->a, "T%zu", i + 1);
			t->id.mark = t->mark;
		}
		ix[i].id = t->id.s;
		ix[i].i = i;
	}
	qsort(ix, r->ntasks, sizeof *ix, cmp_idref);
	for (size_t g = 0, i = 1; i < r->ntasks; i++) {
		if (strcmp(ix[i].id, ix[g].id)) {
			g = i;
			continue;
		}
		const struct task *first = &r->tasks[ix[g].i], *t = &r->tasks[ix[i].i];
		reported(w, t->mark, "id"); /* a task pasted twice: this is its finding */
		if (given[ix[g].i] && given[ix[i].i])
			ERR(w, t->id.mark, "schema-duplicate-id",
			    "mã nhiệm vụ '%s' đã được dùng cho nhiệm vụ ở dòng %u",
			    "task id '%s' is already used by the task at line %u", clip(w, t->id.s),
			    first->mark.line);
		else
			ERR(w, t->id.mark, "schema-duplicate-id",
			    "mã nhiệm vụ '%s' đã được dùng cho nhiệm vụ ở dòng %u (nhiệm vụ không "
			    "ghi id được "
			    "đánh số T1, T2, … theo thứ tự)",
			    "task id '%s' is already used by the task at line %u (tasks without an "
			    "id are "
			    "numbered T1, T2, … by position)",
			    clip(w, t->id.s), first->mark.line);
	}
	free(given);
	free(ix);
}

/* Partner look-up for every reference of the record: by name or id,
 * exact then folded, as record_partner, but sorted so that a record with
 * many partners and references stays fast. */
struct pindex {
	struct idref *exact, *folded;
	size_t nexact, nfolded;
};

static void
pindex_build(struct walk *w, const struct record *r, struct pindex *px)
{
	px->exact = xcalloc(2 * r->npartners + 1, sizeof *px->exact);
	px->folded = xcalloc(2 * r->npartners + 1, sizeof *px->folded);
	px->nexact = px->nfolded = 0;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct text *t[2] = {&r->partners[i].name, &r->partners[i].id};
		for (int k = 0; k < 2; k++) {
			if (!t[k]->s)
				continue;
			px->exact[px->nexact].id = t[k]->s;
			px->exact[px->nexact++].i = i;
			char *f = text_fold(t[k]->s);
			if (*f) {
				px->folded[px->nfolded].id = arena_strdup(w->a, f);
				px->folded[px->nfolded++].i = i;
			}
			free(f);
		}
	}
	qsort(px->exact, px->nexact, sizeof *px->exact, cmp_idref);
	qsort(px->folded, px->nfolded, sizeof *px->folded, cmp_idref);
}

/* Index of the first entry whose id equals key, or SIZE_MAX. */
static size_t
pindex_find(const struct idref *v, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid].id, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !strcmp(v[lo].id, key) ? v[lo].i : SIZE_MAX;
}

static struct partner *
pindex_lookup(const struct pindex *px, struct record *r, const char *ref)
{
	size_t i = pindex_find(px->exact, px->nexact, ref);
	if (i == SIZE_MAX) {
		char *f = text_fold(ref);
		if (*f)
			i = pindex_find(px->folded, px->nfolded, f);
		free(f);
	}
	return i == SIZE_MAX ? NULL : &r->partners[i];
}

static void
pindex_free(struct pindex *px)
{
	free(px->exact);
	free(px->folded);
}

static void
bad_ref(struct walk *w, const struct record *r, const char *path, const struct text *t)
{
	struct buf hint = BUF_INIT;
	const char *best = NULL;
	size_t bestd = SIZE_MAX;
	char *f = strlen(t->s) <= NEAR_MAX ? text_fold(t->s) : NULL;
	/* Suggestions look at the first partners only: a bound, not a search. */
	for (size_t i = 0; f && i < r->npartners && i < 256; i++) {
		const struct partner *p = &r->partners[i];
		if (!p->name.s)
			continue;
		if (p->local_name.s && !strcmp(p->local_name.s, t->s)) {
			best = p->name.s;
			break;
		}
		if (strlen(p->name.s) > NEAR_MAX)
			continue;
		char *pf = text_fold(p->name.s);
		size_t d = text_distance(f, pf), len = strlen(pf);
		size_t lim = len / 3 > 2 ? len / 3 : 2;
		if (d <= lim && d < bestd && d < strlen(f)) {
			best = p->name.s;
			bestd = d;
		}
		free(pf);
	}
	free(f);
	if (best) {
		buf_puts(&hint, did_you_mean(w, best));
	} else if (!r->npartners) {
		buf_puts(&hint,
		         L(w->lang, "; hồ sơ chưa có đối tác nào", "; the record has no partners"));
	} else {
		buf_puts(&hint, L(w->lang, "; các đối tác: ", "; partners: "));
		size_t shown = 0, i = 0;
		for (; i < r->npartners && shown < 5; i++)
			if (r->partners[i].name.s)
				buf_printf(&hint, "%s%s", shown++ ? ", " : "",
				           clip(w, r->partners[i].name.s));
		while (i < r->npartners && !r->partners[i].name.s)
			i++;
		if (i < r->npartners)
			buf_puts(&hint, ", …");
	}
	ERR(w, t->mark, "schema-reference", "'%s: %s' không khớp với đối tác nào%s",
	    "'%s: %s' names no partner%s", path, clip(w, t->s), buf_cstr(&hint));
	buf_free(&hint);
}

static struct partner *
resolve(struct walk *w, struct record *r, const struct pindex *px, const char *path,
        const struct text *t)
{
	if (!t->s)
		return NULL;
	struct partner *p = pindex_lookup(px, r, t->s);
	if (!p)
		bad_ref(w, r, path, t);
	return p;
}

/* Two entries of partners that a reference cannot tell apart (the same
 * name or id, whatever the case and the diacritics): the later one is a
 * repeat, told once, and would be named twice in the report.  One node
 * repeated by an alias is one entry written once: its own findings say
 * what is wrong with it. */
static void
check_partner_repeats(struct walk *w, const struct record *r)
{
	unsigned char *told = r->npartners ? xcalloc(r->npartners, 1) : NULL;
	/* names with names, ids with ids: an id that is another entry's name
	 * is resolved by the id first, and is no repeat */
	struct idref *key = xcalloc(2 * r->npartners + 1, sizeof *key);
	size_t nkey = 0;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct text *t[2] = {&r->partners[i].name, &r->partners[i].id};
		for (int k = 0; k < 2; k++) {
			if (!t[k]->s)
				continue;
			char *f = text_fold(t[k]->s);
			if (*f) {
				key[nkey].id = arena_printf(w->a, "%c%s", k ? 'i' : 'n', f);
				key[nkey++].i = i;
			}
			free(f);
		}
	}
	if (nkey > 1)
		qsort(key, nkey, sizeof *key, cmp_idref);
	for (size_t g = 0, i = 1; i < nkey; i++) {
		if (strcmp(key[i].id, key[g].id)) {
			g = i;
			continue;
		}
		const struct partner *first = &r->partners[key[g].i];
		const struct partner *p = &r->partners[key[i].i];
		if (p == first || told[key[i].i] ||
		    (p->mark.line == first->mark.line && p->mark.col == first->mark.col))
			continue;
		told[key[i].i] = 1;
		ERR(w, p->mark, "schema-duplicate-id",
		    "đối tác '%s' đã có trong danh sách đối tác ở dòng %u: mỗi đối tác chỉ ghi "
		    "một lần",
		    "partner '%s' is already listed at line %u: list each partner once",
		    clip(w, p->name.s ? p->name.s : p->id.s), first->mark.line);
	}
	free(key);
	/* "Honghe" and "Hồng Hà", both 红河州 in China: one partner under two
	 * names, as the archive takes them */
	struct idref *loc = xcalloc(r->npartners + 1, sizeof *loc);
	size_t nloc = 0;
	for (size_t i = 0; i < r->npartners; i++) {
		const struct partner *p = &r->partners[i];
		if (!told[i] && p->local_name.s && p->country.s) {
			loc[nloc].id =
			    arena_printf(w->a, "%s\x1f%s", p->country.s, p->local_name.s);
			loc[nloc++].i = i;
		}
	}
	if (nloc > 1)
		qsort(loc, nloc, sizeof *loc, cmp_idref);
	for (size_t g = 0, i = 1; i < nloc; i++) {
		if (strcmp(loc[i].id, loc[g].id)) {
			g = i;
			continue;
		}
		const struct partner *first = &r->partners[loc[g].i], *p = &r->partners[loc[i].i];
		if (p->mark.line == first->mark.line && p->mark.col == first->mark.col)
			continue;
		ERR(w, p->mark, "schema-duplicate-id",
		    "đối tác '%s' có cùng tên bản địa '%s' với đối tác '%s' ở dòng %u: mỗi đối "
		    "tác chỉ ghi một lần",
		    "partner '%s' has the same local name '%s' as partner '%s' at line %u: list "
		    "each partner once",
		    clip(w, p->name.s ? p->name.s
		            : p->id.s ? p->id.s
		                      : ""),
		    clip(w, p->local_name.s),
		    clip(w, first->name.s ? first->name.s
		            : first->id.s ? first->id.s
		                          : ""),
		    first->mark.line);
	}
	free(loc);
	free(told);
}

static void
check_refs(struct walk *w, struct record *r)
{
	struct pindex px;
	pindex_build(w, r, &px);
	check_partner_repeats(w, r);
	for (size_t i = 0; i < r->npartners; i++)
		r->partners[i].alternative =
		    resolve(w, r, &px, "partners[].alternative_to", &r->partners[i].alternative_to);
	for (size_t i = 0; i < r->nobjectives; i++)
		r->objectives[i].partner = resolve(w, r, &px, "preparation.objectives[].partner",
		                                   &r->objectives[i].partner_ref);
	for (size_t i = 0; i < r->nmaterials; i++) {
		struct material *m = &r->materials[i];
		char *f = m->audience_ref.s ? text_fold(m->audience_ref.s) : NULL;
		if (f && !strcmp(f, "all"))
			m->audience_all = 1;
		else
			m->audience = resolve(w, r, &px, "preparation.materials[].audience",
			                      &m->audience_ref);
		free(f);
	}
	for (size_t i = 0; i < r->nasks; i++)
		r->asks[i].partner =
		    resolve(w, r, &px, "preparation.asks[].partner", &r->asks[i].partner_ref);
	for (size_t i = 0; i < r->ntasks; i++)
		r->tasks[i].partner =
		    resolve(w, r, &px, "tasks[].partner", &r->tasks[i].partner_ref);
	pindex_free(&px);
}

/* The locality: a unit of Viet Nam before or after 2025, and one that
 * still existed at the time of the visit. */
static void
check_locality(struct walk *w, const struct record *r)
{
	const struct text *t[2] = {&r->locality_name, &r->locality_former_name};
	const char *path[2] = {"locality.name", "locality.former_name"};
	for (int i = 0; i < 2; i++) {
		/* the skeleton's blank, "(tên tỉnh hoặc thành phố)", is
		 * text-placeholder's to say: one finding for one value */
		if (!t[i]->s || province_lookup(t[i]->s) >= 0 || text_placeholder(t[i]->s))
			continue;
		const char *near = province_suggest(t[i]->s);
		say(w, t[i]->mark, SEV_WARNING, "schema-locality",
		    "'%s: %s' không phải tỉnh, thành phố nào của Việt Nam, trước hay sau năm "
		    "2025%s",
		    "'%s: %s' is no Vietnamese province or city, before or after 2025%s", path[i],
		    clip(w, t[i]->s), did_you_mean(w, near));
	}
	int un = province_lookup(r->locality_name.s), uf = province_lookup(t[1]->s);
	if (un >= 0 && uf >= 0 && un != uf)
		say(w, t[1]->mark, SEV_WARNING, "schema-locality",
		    "'locality.former_name: %s' chưa bao giờ là một phần của %s; tên cũ phải là "
		    "đơn "
		    "vị đã hợp nhất vào địa phương này",
		    "'locality.former_name: %s' was never part of %s; the former name is a unit "
		    "merged into this locality",
		    clip(w, t[1]->s), province_shown(un, w->lang));
	if (r->locality_name.s && r->start.set && province_abolished(r->locality_name.s) &&
	    date_cmp(r->start.d, *province_named_since(un)) >= 0) {
		const struct province_unit *u = &province_units[un];
		if (province_named_since(un) != &province_reform_day) /* Thừa Thiên Huế */
			say(w, r->locality_name.mark, SEV_WARNING, "schema-locality",
			    "'locality.name: %s': từ ngày 1 tháng 1 năm 2025 đơn vị này là thành "
			    "phố "
			    "%s; chuyến đi từ ngày đó ghi 'name: %s' (tên cũ, nếu cần, ghi ở "
			    "'former_name')",
			    "'locality.name: %s': since 1 January 2025 this unit is the city of "
			    "%s; a "
			    "visit from that day writes 'name: %s' (the old name, if needed, under "
			    "'former_name')",
			    clip(w, r->locality_name.s), u->name, u->name);
		else
			say(w, r->locality_name.mark, SEV_WARNING, "schema-locality",
			    "'locality.name: %s': từ ngày 1 tháng 7 năm 2025 đơn vị này thuộc %s "
			    "%s; "
			    "chuyến "
			    "đi sau ngày đó ghi 'name: %s' (tên cũ, nếu cần, ghi ở 'former_name')",
			    "'locality.name: %s': since 1 July 2025 this unit is part of %s %s; a "
			    "visit "
			    "after "
			    "that day writes 'name: %s' (the old name, if needed, under "
			    "'former_name')",
			    clip(w, r->locality_name.s),
			    u->kind == LOC_CITY ? L(w->lang, "thành phố", "the city of")
			                        : L(w->lang, "tỉnh", "the province of"),
			    u->name, u->name);
	}
}

/* 1 when a body's name is the people's committee (or its office) of a
 * district, a town or a city inside a province ("UBND huyện Tịnh Biên",
 * "Ủy ban nhân dân thị xã …", "UBND thành phố Hà Tiên"): a level of
 * local government that ended on 1 July 2025.  A centrally-run city's
 * ("UBND thành phố Cần Thơ") is not one. */
static int
district_body(const char *name)
{
	static const char *const committee[] = {"ubnd ", "uy ban nhan dan "};
	static const char *const level[] = {"huyen ", "quan ", "thi xa ", "thanh pho ", "tp "};
	char *f = text_fold(name);
	const char *p = f;
	if (!strncmp(p, "van phong ", 10))
		p += 10;
	int hit = 0;
	for (size_t i = 0; !hit && i < N(committee); i++) {
		size_t n = strlen(committee[i]);
		if (strncmp(p, committee[i], n))
			continue;
		for (size_t k = 0; !hit && k < N(level); k++) {
			size_t m = strlen(level[k]);
			const char *place = p + n + m;
			if (strncmp(p + n, level[k], m) || !*place)
				continue;
			/* a city: one inside a province, not a province-level one */
			int city = !strcmp(level[k], "thanh pho ") || !strcmp(level[k], "tp ");
			hit = !city || province_lookup(place) < 0;
		}
	}
	free(f);
	return hit;
}

static void
district_said(struct walk *w, const struct text *t, const char *path)
{
	if (!t->s || !district_body(t->s))
		return;
	say(w, t->mark, SEV_WARNING, "schema-locality",
	    "'%s: %s' là cơ quan của đơn vị hành chính cấp huyện, cấp này đã kết thúc hoạt động "
	    "từ ngày 1 tháng 7 năm 2025: hãy ghi cơ quan nay phụ trách (UBND xã, phường hoặc một "
	    "sở, ngành)",
	    "'%s: %s' is a body of a district-level unit, a level of local government that ended "
	    "on 1 July 2025: name the body in charge now (a commune's or ward's people's "
	    "committee, or a department)",
	    path, clip(w, t->s));
}

/* The tasks of a visit after the reorganisation given to, or supported
 * by, a district's body, which no longer exists: the report would be sent
 * to it. */
static void
check_district_bodies(struct walk *w, const struct record *r)
{
	if (!r->start.set || date_cmp(r->start.d, province_reform_day) < 0)
		return;
	for (size_t i = 0; i < r->ntasks; i++) {
		district_said(w, &r->tasks[i].owner, "tasks[].owner");
		for (size_t k = 0; k < r->tasks[i].support.n; k++)
			district_said(w, &r->tasks[i].support.v[k], "tasks[].support");
	}
}

/* Official names that hold a comma, by the folded words on either side
 * of it: "Sở Văn hóa, Thể thao và Du lịch" in a flow sequence
 * ("support: [Sở Văn hóa, Thể thao và Du lịch]") becomes two entries,
 * and the report would name a body "Thể thao và Du lịch".  So do the
 * investment and trade promotion centre ("Trung tâm Xúc tiến Đầu tư,
 * Thương mại và Du lịch") and the words that name no department ("các
 * sở, ngành liên quan", "các sở, ban, ngành"), whose second half would be
 * sent the report as "ngành liên quan". */
static const char *const comma_names[][2] = {
    {"van hoa", "the thao"},
    {"lao dong", "thuong binh"},
    {"culture", "sports"},
    {"labour", "invalids"},
    {"labor", "invalids"},
    {"xuc tien dau tu", "thuong mai"},
    {"xuc tien thuong mai", "dau tu"},
    {"investment", "trade and tourism promotion"},
    {"cac so", "nganh"},
    {"cac so", "ban"},
    {"cac so ban", "nganh"},
    {"cac ban", "nganh"},
};

static int
ends_with_words(const char *folded, const char *words)
{
	size_t n = strlen(folded), k = strlen(words);
	return n >= k && !strcmp(folded + n - k, words) && (n == k || folded[n - k - 1] == ' ');
}

/* Two entries of a list that are one official name cut at its comma:
 * one finding, and the entries joined again so that outputs name the
 * body the record meant. */
static int
cut_at_comma(const char *x, const char *y)
{
	char *a = text_fold(x), *b = text_fold(y);
	int cut = 0;
	for (size_t k = 0; !cut && k < N(comma_names); k++)
		cut = ends_with_words(a, comma_names[k][0]) &&
		      !strncmp(b, comma_names[k][1], strlen(comma_names[k][1])) &&
		      (b[strlen(comma_names[k][1])] == ' ' || !b[strlen(comma_names[k][1])]);
	free(a);
	free(b);
	return cut;
}

/* Two entries of a list, or more ("các sở", "ban", "ngành"), that are one
 * official name cut at its commas: one finding, and the entries joined
 * again so that outputs name the body the record meant. */
static void
rejoin_comma_names(struct walk *w, struct texts *l, const char *path)
{
	for (size_t i = 0; i + 1 < l->n; i++) {
		if (!l->v[i].s || !l->v[i + 1].s || !cut_at_comma(l->v[i].s, l->v[i + 1].s))
			continue;
		struct mark at = l->v[i + 1].mark;
		size_t j = i + 1;
		const char *whole = l->v[i].s;
		do
			whole = arena_printf(w->a, "%s, %s", whole, l->v[j++].s);
		while (j < l->n && l->v[j].s && cut_at_comma(whole, l->v[j].s));
		if (j - i == 2)
			say(w, at, SEV_WARNING, "schema-unknown-key",
			    "'%s' tách tên '%s' thành hai mục ở dấu phẩy; đã đọc là một cơ quan, "
			    "đặt cả tên trong dấu ngoặc kép: \"%s\"",
			    "'%s' splits the name '%s' into two entries at its comma; read as one "
			    "body, put the whole name in quotes: \"%s\"",
			    path, clip(w, whole), clip(w, whole));
		else
			say(w, at, SEV_WARNING, "schema-unknown-key",
			    "'%s' tách tên '%s' thành %zu mục ở các dấu phẩy; đã đọc là một cơ "
			    "quan, "
			    "đặt cả tên trong dấu ngoặc kép: \"%s\"",
			    "'%s' splits the name '%s' into %zu entries at its commas; read as one "
			    "body, put the whole name in quotes: \"%s\"",
			    path, clip(w, whole), j - i, clip(w, whole));
		l->v[i].s = whole;
		memmove(&l->v[i + 1], &l->v[j], (l->n - j) * sizeof l->v[0]);
		l->n -= j - i - 1;
	}
}

static void
finish(struct walk *w, struct record *r, struct date today)
{
	check_id(w, r);
	check_locality(w, r);
	if (!r->lang.s)
		r->lang.s = "vi";
	if (r->start.set && r->end.set && date_cmp(r->end.d, r->start.d) < 0) {
		char a[11], b[11];
		date_iso(r->end.d, a);
		date_iso(r->start.d, b);
		ERR(w, r->end.mark, "schema-date", "'dates.end' (%s) ở trước 'dates.start' (%s)",
		    "'dates.end' (%s) is before 'dates.start' (%s)", a, b);
	}
	/* a visit not begun by today cannot be over: the report writes it as
	 * planned whatever the status says, and the rules should not follow
	 * it up as done */
	if (r->status_given && r->status == STATUS_COMPLETED && r->start.set &&
	    date_cmp(r->start.d, today) > 0) {
		char a[11];
		date_iso(r->start.d, a);
		ERR(w, r->start.mark, "schema-date",
		    "hồ sơ ghi 'status: completed' nhưng chuyến đi bắt đầu ngày %s, sau hôm nay",
		    "the record says 'status: completed' but the visit starts on %s, after today",
		    a);
	}
	if (!r->status_given)
		r->status = r->end.set && date_days(r->end.d, 1) < date_days(today, 0)
		                ? STATUS_COMPLETED
		                : STATUS_PLANNED;
	check_task_ids(w, r);
	check_refs(w, r);
	for (size_t i = 0; i < r->ntasks; i++)
		rejoin_comma_names(w, &r->tasks[i].support, "tasks[].support");
	for (size_t i = 0; i < r->nagreements; i++)
		rejoin_comma_names(w, &r->agreements[i].parties, "agreements[].parties");
	check_district_bodies(w, r);
}

/* The same node reached through several aliases gives the same finding
 * several times: keep one. */
static int
cmp_find(const void *a, const void *b)
{
	const struct diag *x = *(const struct diag *const *)a, *y = *(const struct diag *const *)b;
	int c = (x->mark.line > y->mark.line) - (x->mark.line < y->mark.line);
	if (!c)
		c = (x->mark.col > y->mark.col) - (x->mark.col < y->mark.col);
	if (!c)
		c = strcmp(x->rule, y->rule);
	if (!c)
		c = strcmp(x->msg, y->msg);
	if (!c)
		c = (x > y) - (x < y);
	return c;
}

static void
dedupe(struct diags *dq, size_t from)
{
	size_t n = dq->n - from;
	if (n < 2)
		return;
	struct diag **p = xcalloc(n, sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = &dq->v[from + i];
	qsort(p, n, sizeof *p, cmp_find);
	const struct diag *keep = p[0];
	for (size_t i = 1; i < n; i++) {
		struct diag *y = p[i];
		if (keep->mark.line == y->mark.line && keep->mark.col == y->mark.col &&
		    !strcmp(keep->rule, y->rule) && !strcmp(keep->msg, y->msg)) {
			free(y->msg);
			y->msg = NULL; /* a later copy of keep (ties sort in list order) */
		} else {
			keep = y;
		}
	}
	free(p);
	size_t j = from;
	for (size_t i = from; i < dq->n; i++) {
		if (!dq->v[i].msg) {
			free(dq->v[i].file);
			continue;
		}
		dq->v[j++] = dq->v[i];
	}
	dq->n = j;
}

struct record *
schema_record_take(struct doc *doc, struct date today, enum lang lang, struct diags *dq)
{
	if (!doc)
		return NULL;
	struct walk w = {doc->arena, doc->file, lang, dq, "", 0, NULL, 0, 0};
	size_t from = dq->n;
	const struct node *root = doc->root;
	if (!root || root->kind != NODE_MAP) {
		struct mark m = {1, 1};
		int none = !root || node_is_null(root);
		const char *got =
		    none                     ? L(lang,
		                                 "một tài liệu trống: hãy lập hồ sơ bằng debrief new ID, hoặc "
		                                                     "xóa tệp nếu không dùng đến",
		                                 "an empty document: start the record with debrief new ID, "
		                                                     "or remove the file if it is not needed")
		    : root->kind == NODE_SEQ ? L(lang, "một danh sách", "a list")
		                             : L(lang, "văn bản", "text");
		ERR(&w, none ? m : root->mark, "schema-type",
		    "hồ sơ phải là một nhóm 'khóa: giá trị' ở cấp cao nhất, không phải %s",
		    "a record must be a mapping (key: value pairs) at the top level, not %s", got);
		doc_free(doc);
		return NULL;
	}
	struct record *r = arena_alloc(doc->arena, sizeof *r);
	r->doc = doc;
	r->file = doc->file;
	r->root = doc->root;
	walk_object(&w, &schema_record_obj, (char *)r, root);
	finish(&w, r, today);
	record_set_reported(r, w.rep, w.nrep);
	free(w.rep);
	dedupe(dq, from);
	return r;
}

void
schema_bytes(struct schema_src *s, const char *data, size_t len, struct record **r,
             struct diags *dq)
{
	const char *name = s->name ? s->name : fs_shown(s->path);
	/* the findings in both languages when the document decides which */
	struct diags one[2] = {DIAGS_INIT, DIAGS_INIT};
	enum lang l = s->lang;
	struct doc *doc =
	    load_yaml_both(data, len, name, s->lim, l, &one[l], s->lang_of ? &one[!l] : NULL);
	if (doc && s->lang_of)
		s->lang = s->lang_of(doc, s->arg);
	diags_take(dq, &one[s->lang]);
	diags_free(&one[0]);
	diags_free(&one[1]);
	*r = doc ? schema_record_take(doc, s->today, s->lang, dq) : NULL;
}

int
schema_file(struct schema_src *s, struct record **r, struct diags *dq, char **err)
{
	char *data = NULL;
	size_t len = 0;
	*r = NULL;
	if (!fs_read_head(s->path, s->lim->max_file + 1, &data, &len, err))
		return -1;
	int go = s->before ? s->before(s->ctx, data, len, r, dq) : 1;
	if (go == 1)
		schema_bytes(s, data, len, r, dq);
	if (s->keep) {
		s->data = data;
		s->len = len;
	} else {
		free(data);
	}
	return go != 0;
}

size_t
schema_unread(const struct diags *dq, struct diags *out)
{
	for (size_t i = 0; i < dq->n; i++) {
		const struct diag *d = &dq->v[i];
		if (d->sev == SEV_ERROR &&
		    (!strncmp(d->rule, "schema-", 7) || !strncmp(d->rule, "yaml-", 5)))
			diags_add(out, d->file, d->mark, d->sev, d->rule, d->guidance, "%s",
			          d->msg);
	}
	return out->n;
}
