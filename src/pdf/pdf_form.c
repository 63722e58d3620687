/*
 * pdf_form.c: the administrative document's own parts (Decree
 * 30/2020/NĐ-CP, docs/official-report.md), read from the YAML front
 * matter of a Markdown file and laid out as blocks of their own: the
 * two-column header (issuing body and number; national title, motto and
 * place-date line), the title and summary line, the recipients beside the
 * signature block at the end, the top page numbers from page 2 and the
 * draft mark on every page.  The body between them is ordinary Markdown.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "pdf_lay.h"
#include "pdf_style.h"
#include "text.h"
#include "xalloc.h"

/* ---- the front matter ---- */

/* The keys whose value is one line of text, and where struct form keeps it. */
static const struct {
	const char *key;
	size_t off;
} text_keys[] = {
    {"parent", offsetof(struct form, parent)},
    {"issuer", offsetof(struct form, issuer)},
    {"number", offsetof(struct form, number)},
    {"nation", offsetof(struct form, nation)},
    {"motto", offsetof(struct form, motto)},
    {"place_date", offsetof(struct form, place_date)},
    {"type", offsetof(struct form, type)},
    {"summary", offsetof(struct form, summary)},
    {"recipients_label", offsetof(struct form, recipients_label)},
    {"signer_name", offsetof(struct form, signer_name)},
    {"draft", offsetof(struct form, draft)},
    {"annex", offsetof(struct form, annex)},
    {"lang", offsetof(struct form, lang)},
};
#define NTEXT_KEYS (sizeof text_keys / sizeof text_keys[0])

static char **
text_slot(struct form *f, size_t i)
{
	return (char **)((char *)f + text_keys[i].off);
}

void
form_free(struct form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < NTEXT_KEYS; i++)
		free(*text_slot(f, i));
	for (size_t i = 0; i < f->nrecipients; i++)
		free(f->recipients[i]);
	free(f->recipients);
	for (size_t i = 0; i < f->nsigner; i++)
		free(f->signer[i]);
	free(f->signer);
	free(f);
}

/* Where the block ends: the offset of its closing "---" line, or 0. */
static size_t
block_end(const char *md, size_t len, size_t *after)
{
	/* lines may end in CR LF (a file edited on Windows) */
	size_t open = len >= 4 && !strncmp(md, "---\n", 4)     ? 4
	              : len >= 5 && !strncmp(md, "---\r\n", 5) ? 5
	                                                       : 0;
	if (!open)
		return 0;
	for (size_t i = open; i + 3 <= len; i++) {
		if (md[i - 1] != '\n' || strncmp(md + i, "---", 3))
			continue;
		size_t e = i + 3;
		while (e < len && (md[e] == ' ' || md[e] == '\t' || md[e] == '\r'))
			e++;
		if (e == len || md[e] == '\n') {
			*after = e < len ? e + 1 : e;
			return i;
		}
	}
	return 0;
}

/* A block meant as front matter opens with "key:" on its first line. */
static int
looks_like_keys(const char *s)
{
	size_t i = 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_')
		i++;
	return i > 0 && s[i] == ':';
}

struct fm_err {
	char *msg; /* first problem, "line:col: text" */
};

static void
fm_problem(struct fm_err *e, const struct node *n, const char *fmt, const char *arg)
{
	if (e->msg)
		return;
	char *t = xasprintf(fmt, arg);
	e->msg = xasprintf("%u:%u: error: %s", n->mark.line, n->mark.col, t);
	free(t);
}

static char *
fm_text(struct fm_err *e, const struct node *v, const char *key, enum lang lang)
{
	const char *s = v->kind == NODE_SCALAR ? node_text(v) : NULL;
	if (!s) {
		fm_problem(e, v,
		           L(lang, "'%s' của phần đầu văn bản phải là văn bản",
		             "'%s' of the front matter must be text"),
		           key);
		return NULL;
	}
	return xstrdup(s);
}

static char **
fm_list(struct fm_err *e, const struct node *v, const char *key, enum lang lang, size_t *n)
{
	char **out = NULL;
	*n = 0;
	if (v->kind != NODE_SEQ) {
		fm_problem(e, v,
		           L(lang, "'%s' của phần đầu văn bản phải là một danh sách",
		             "'%s' of the front matter must be a list"),
		           key);
		return NULL;
	}
	out = xcalloc(v->len ? v->len : 1, sizeof *out);
	for (size_t i = 0; i < v->len; i++) {
		char *s = fm_text(e, v->items[i], key, lang);
		if (s)
			out[(*n)++] = s;
	}
	return out;
}

int
form_parse(const char *md, size_t len, enum lang lang, struct form **out, size_t *body, char **err,
           char **warn)
{
	size_t after = 0, end = block_end(md, len, &after);
	size_t start = end && md[3] == '\r' ? 5 : 4;
	*out = NULL;
	*body = 0;
	*err = NULL;
	*warn = NULL;
	if (!end || !looks_like_keys(md + start))
		return 1;
	struct load_limits lim;
	load_limits_default(&lim);
	struct diags dq = DIAGS_INIT;
	/* read from the opening "---", a YAML document start: the lines and
	 * columns of every message, those inside it too ("first at line 3"),
	 * are then the file's */
	struct doc *doc = load_yaml(md, end, "", &lim, lang, &dq);
	struct fm_err e = {NULL};
	for (size_t i = 0; i < dq.n && !e.msg; i++)
		if (dq.v[i].sev == SEV_ERROR)
			e.msg = xasprintf("%u:%u: error: %s", dq.v[i].mark.line, dq.v[i].mark.col,
			                  dq.v[i].msg);
	diags_free(&dq);
	if (!e.msg && (!doc || !doc->root || doc->root->kind != NODE_MAP))
		e.msg =
		    xasprintf("2:1: error: %s", L(lang, "phần đầu văn bản phải là một ánh xạ YAML",
		                                  "the front matter must be a YAML mapping"));
	struct form *f = xcalloc(1, sizeof *f);
	const struct node *root = e.msg ? NULL : doc->root;
	for (size_t i = 0; root && i < root->len && !e.msg; i++) {
		const struct node *k = root->pairs[i].key, *v = root->pairs[i].value;
		const char *name = node_str(k) ? node_str(k) : "";
		size_t j = 0;
		while (j < NTEXT_KEYS && strcmp(text_keys[j].key, name))
			j++;
		if (j < NTEXT_KEYS) {
			free(*text_slot(f, j));
			*text_slot(f, j) = fm_text(&e, v, name, lang);
			if (!strcmp(name, "lang") && f->lang && strcmp(f->lang, "vi") &&
			    strcmp(f->lang, "en")) {
				/* documented are vi and en: another is read as none */
				free(*warn);
				char *t = xasprintf(
				    L(lang,
				      "'lang: %s' của phần đầu văn bản không phải vi hay en: "
				      "trình bày như mặc định",
				      "'lang: %s' of the front matter is neither vi nor en: "
				      "laid out as the default"),
				    f->lang);
				*warn =
				    xasprintf("%u:%u: warning: %s", v->mark.line, v->mark.col, t);
				free(t);
				free(f->lang);
				f->lang = NULL;
			}
		} else if (!strcmp(name, "recipients"))
			f->recipients = fm_list(&e, v, name, lang, &f->nrecipients);
		else if (!strcmp(name, "signer"))
			f->signer = fm_list(&e, v, name, lang, &f->nsigner);
		else {
			/* with the key it most likely stands for, as for .debrief.yaml */
			const char *keys[NTEXT_KEYS + 2] = {"recipients", "signer"};
			for (size_t t = 0; t < NTEXT_KEYS; t++)
				keys[t + 2] = text_keys[t].key;
			const char *near = text_nearest(name, keys, NTEXT_KEYS + 2);
			char *msg =
			    near ? xasprintf(L(lang,
			                       "khóa '%s' không có trong phần đầu văn bản; có "
			                       "phải '%s'?",
			                       "the front matter has no key '%s'; did you mean "
			                       "'%s'?"),
			                     name, near)
			         : xasprintf(L(lang, "khóa '%s' không có trong phần đầu văn bản",
			                       "the front matter has no key '%s'"),
			                     name);
			fm_problem(&e, k, "%s", msg);
			free(msg);
		}
	}
	doc_free(doc);
	if (e.msg) {
		form_free(f);
		free(*warn);
		*warn = NULL;
		*err = e.msg;
		return 0;
	}
	*out = f;
	*body = after;
	return 1;
}

/* ---- layout ---- */

#define HEAD_SMALL 12.0f /* parent, issuing body, national title */
#define HEAD_SIZE 13.0f  /* number, motto, place-date line */
#define TITLE_SIZE 14.0f /* REPORT and the summary line */
#define LEAD 1.15f

/* A text broken into lines, not yet placed. */
struct laid {
	struct para p;
	struct line *ln;
	size_t n;
};

static void
lines_lay(struct lay *L, const char *s, int font, float size, float w, struct laid *t)
{
	memset(t, 0, sizeof *t);
	para_take(L, &t->p, font, size, 0, LEAD, 0);
	para_text(L, &t->p, s);
	t->n = para_break(L, &t->p, w, 1000, &t->ln);
}

/* Where the lines of t would end, from y down. */
static float
lines_bottom(const struct laid *t, float y)
{
	for (size_t k = 0; k < t->n; k++)
		y -= t->ln[k].asc + t->ln[k].desc;
	return y;
}

/* The lines of t placed as lines() places them. */
static float
lines_put(struct lay *L, struct laid *t, float x, float w, float *y, int draw, int left)
{
	float widest = 0;
	for (size_t k = 0; k < t->n; k++) {
		if (draw)
			para_draw_line(L, &t->p, &t->ln[k], x, *y - t->ln[k].asc, w,
			               left ? 0 : 'c');
		*y -= t->ln[k].asc + t->ln[k].desc;
		if (t->ln[k].w > widest)
			widest = t->ln[k].w;
	}
	return widest;
}

static void
lines_free(struct lay *L, struct laid *t)
{
	para_give(L, &t->p);
}

/* Lines of s in one style, each centred in [x, x + w) (or from x when
 * left), the first line's top at *y; *y moves below them.  Draws only
 * when draw.  Returns the width of the widest line. */
static float
lines(struct lay *L, const char *s, int font, float size, float x, float w, float *y, int draw,
      int left)
{
	if (!s || !*s)
		return 0;
	struct laid t;
	lines_lay(L, s, font, size, w, &t);
	float widest = lines_put(L, &t, x, w, y, draw, left);
	lines_free(L, &t);
	return widest;
}

/* The words a body's name is broken before when it needs two lines, the
 * first that leaves both parts fitting: the place it is in or of ("ĐẠI SỨ
 * QUÁN VIỆT NAM" / "TẠI CAMPUCHIA", "ỦY BAN NHÂN DÂN" / "TỈNH TUYÊN
 * QUANG"), else the country or what it is of; never inside a place's own
 * name, as a plain break may ("TỈNH TUYÊN" / "QUANG"). */
static const char *const body_breaks[] = {"TẠI ",      "IN ",       "TỈNH ",     "THÀNH PHỐ ",
                                          "PEOPLE'S ", "VIỆT NAM ", "VIET NAM ", "OF "};

/* lines() of a body's name in the header: on one line when it fits, else
 * broken before a body_breaks word (where it leaves the longer part
 * shortest), else as lines() breaks it.  Returns the widest line. */
static float
body_lines(struct lay *L, const char *s, int font, float size, float x, float w, float *y, int draw)
{
	if (!s || !*s)
		return 0;
	struct laid t;
	lines_lay(L, s, font, size, w, &t);
	size_t n = t.n, best = 0;
	lines_free(L, &t);
	for (size_t k = 0; n > 1 && !best && k < sizeof body_breaks / sizeof body_breaks[0]; k++) {
		float best_w = w;
		for (const char *p = strchr(s, ' '); p; p = strchr(p + 1, ' ')) {
			if (strncmp(p + 1, body_breaks[k], strlen(body_breaks[k])))
				continue;
			char *head = xstrndup(s, (size_t)(p - s));
			float probe = 0, hw = lines(L, head, font, size, 0, 1e6f, &probe, 0, 1),
			      tw = lines(L, p + 1, font, size, 0, 1e6f, &probe, 0, 1);
			free(head);
			float longer = hw > tw ? hw : tw;
			if (longer <= best_w) {
				best = (size_t)(p - s);
				best_w = longer;
			}
		}
	}
	if (!best)
		return lines(L, s, font, size, x, w, y, draw, 0);
	char *head = xstrndup(s, best);
	float hw = lines(L, head, font, size, x, w, y, draw, 0),
	      tw = lines(L, s + best + 1, font, size, x, w, y, draw, 0);
	free(head);
	return hw > tw ? hw : tw;
}

/* Width of s in the regular face. */
static float
text_width(struct lay *L, const char *s, float size)
{
	struct para p;
	para_take(L, &p, 0, size, 0, LEAD, 0);
	para_text(L, &p, s);
	float w = 0;
	for (size_t k = 0; k < p.n; k++)
		w += p.c[k].w;
	para_give(L, &p);
	return w;
}

static void
hrule(struct lay *L, float cx, float w, float y)
{
	dl_add_rect(L->dl, L->page, DL_LINE, cx - w / 2, y, w, 0, 0.6f, 0x000000u);
}

/* The least room between the left column's names and the national title
 * beside them, in points (about 4 mm). */
#define HEAD_GUTTER 12.0f

/* The header and the title, on the first page; the body starts below. */
static void
form_header(struct lay *L, const struct form *f)
{
	/* The header may use the right margin down to its 15 mm minimum. */
	float x = L->st->ml, W = PAGE_W - L->st->ml - MM(15), top = PAGE_H - L->st->mt;
	float body_w = PAGE_W - L->st->ml - L->st->mr;
	/* The right column is as wide as the national title needs, the left
	 * one takes the rest. */
	float probe = top, rw = lines(L, f->nation, FST_BOLD, HEAD_SMALL, 0, W, &probe, 0, 0) + 6;
	if (rw < W * 0.5f)
		rw = W * 0.5f;
	if (rw > W * 0.62f)
		rw = W * 0.62f;
	float lw = W - rw, rx = x + lw;

	/* a body's name keeps clear of the national title: it fits in the
	 * left column less a gutter, centred as the column is, or takes two
	 * lines ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" would all but touch it) */
	float yl = top, gx = x + HEAD_GUTTER / 2, gw = lw - HEAD_GUTTER;
	body_lines(L, f->parent, 0, HEAD_SMALL, gx, gw, &yl, 1);
	float iw = body_lines(L, f->issuer, FST_BOLD, HEAD_SMALL, gx, gw, &yl, 1);
	yl -= 3;
	if (iw > 0)
		hrule(L, x + lw / 2, iw * 0.4f, yl);

	float yr = top;
	lines(L, f->nation, FST_BOLD, HEAD_SMALL, rx, rw, &yr, 1, 0);
	float mw = lines(L, f->motto, FST_BOLD, HEAD_SIZE, rx, rw, &yr, 1, 0);
	yr -= 3;
	if (mw > 0)
		hrule(L, rx + rw / 2, mw, yr);

	float y = (yl < yr ? yl : yr) - 8;
	float y1 = y, y2 = y;
	lines(L, f->number, 0, HEAD_SIZE, x, lw, &y1, 1, 0);
	lines(L, f->place_date, FST_ITALIC, HEAD_SIZE, rx, rw, &y2, 1, 0);
	y = (y1 < y2 ? y1 : y2) - 20;

	lines(L, f->type, FST_BOLD, TITLE_SIZE, x, body_w, &y, 1, 0);
	float sw =
	    lines(L, f->summary, FST_BOLD, TITLE_SIZE, x + body_w * 0.05f, body_w * 0.9f, &y, 1, 0);
	if (f->type || f->summary) {
		y -= 4;
		hrule(L, x + body_w / 2, sw > 0 ? sw * 0.4f : body_w / 4, y);
		y -= 14;
	}
	L->y = y;
	L->at_top = 0;
	L->pending = 0;
	L->suppress = 1;
}

/* The pieces of the footer, each laid out once for both of footer_at's
 * passes (measured, then drawn): a piece absent is no lines. */
struct footer {
	struct laid *signer; /* f->nsigner */
	struct laid name, label, dash;
	struct laid *recipient; /* f->nrecipients, with their ';' or '.' */
	float dash_w;           /* "- " */
};

static void
piece_lay(struct lay *L, const char *s, int font, float size, float w, struct laid *t)
{
	if (!s || !*s)
		memset(t, 0, sizeof *t);
	else
		lines_lay(L, s, font, size, w, t);
}

/* In the order the pieces are placed, which numbers the codes of a face. */
static void
footer_lay(struct lay *L, const struct form *f, struct footer *ft)
{
	float W = PAGE_W - L->st->ml - L->st->mr, lw = W * 0.45f, rw = W - lw;
	ft->signer = xcalloc(f->nsigner ? f->nsigner : 1, sizeof *ft->signer);
	for (size_t i = 0; i < f->nsigner; i++)
		piece_lay(L, f->signer[i], FST_BOLD, HEAD_SIZE, rw, &ft->signer[i]);
	memset(&ft->name, 0, sizeof ft->name);
	if (f->nsigner || f->signer_name)
		piece_lay(L, f->signer_name, FST_BOLD, HEAD_SIZE, rw, &ft->name);
	piece_lay(L, f->recipients_label, FST_BOLD | FST_ITALIC, 12.0f, lw, &ft->label);
	/* "- " then the recipient, its further lines under its first word */
	ft->dash_w = text_width(L, "- ", 11.0f);
	piece_lay(L, "-", 0, 11.0f, ft->dash_w, &ft->dash);
	ft->recipient = xcalloc(f->nrecipients ? f->nrecipients : 1, sizeof *ft->recipient);
	for (size_t i = 0; i < f->nrecipients; i++) {
		char *s = xasprintf("%s%s", f->recipients[i], i + 1 == f->nrecipients ? "." : ";");
		piece_lay(L, s, 0, 11.0f, lw - 6 - ft->dash_w, &ft->recipient[i]);
		free(s);
	}
}

static void
footer_free(struct lay *L, const struct form *f, struct footer *ft)
{
	for (size_t i = 0; i < f->nsigner; i++)
		lines_free(L, &ft->signer[i]);
	free(ft->signer);
	lines_free(L, &ft->name);
	lines_free(L, &ft->label);
	lines_free(L, &ft->dash);
	for (size_t i = 0; i < f->nrecipients; i++)
		lines_free(L, &ft->recipient[i]);
	free(ft->recipient);
}

/* Recipients on the left, the signature block on the right, from top;
 * returns where they end.  Drawn, a list of recipients longer than the
 * page goes on over the next pages; measured (!draw), it does not. */
static float
footer_at(struct lay *L, const struct form *f, struct footer *ft, float top, int draw)
{
	float x = L->st->ml, W = PAGE_W - L->st->ml - L->st->mr;
	float lw = W * 0.45f, rw = W - lw, rx = x + lw, dash = ft->dash_w;
	int page = L->page;
	float yr = top;
	for (size_t i = 0; i < f->nsigner; i++)
		lines_put(L, &ft->signer[i], rx, rw, &yr, draw, 0);
	if (f->nsigner || f->signer_name) {
		yr -= 4 * HEAD_SIZE * LEAD; /* signature and seal */
		lines_put(L, &ft->name, rx, rw, &yr, draw, 0);
	}
	float yl = top;
	lines_put(L, &ft->label, x, lw, &yl, draw, 1);
	for (size_t i = 0; i < f->nrecipients; i++) {
		/* where it ends decides the page, then it is put */
		struct laid *t = &ft->recipient[i];
		if (draw && lines_bottom(t, yl) < L->st->mb && yl < PAGE_H - L->st->mt) {
			lay_page_break(L);
			yl = PAGE_H - L->st->mt;
		}
		float y0 = yl;
		lines_put(L, &ft->dash, x, dash, &y0, draw, 1);
		lines_put(L, t, x + dash, lw - 6 - dash, &yl, draw, 1);
	}
	return L->page != page || yl < yr ? yl : yr;
}

/* The footer after the body, its two columns on one page (unless the
 * recipients alone are longer than a page). */
static void
form_footer(struct lay *L, const struct form *f)
{
	struct footer ft;
	footer_lay(L, f, &ft);
	float h = L->y - footer_at(L, f, &ft, L->y, 0);
	if (h > 0) {
		lay_block_space(L, 12);
		float room = lay_page_room(L);
		float top = lay_box_begin(L, h < room ? h : room, 0);
		L->y = footer_at(L, f, &ft, top, 1);
		L->at_top = 0;
	}
	footer_free(L, f, &ft);
}

void
form_begin(struct lay *L)
{
	L->st = &sty_official;
	L->left = L->st->ml;
	L->right = PAGE_W - L->st->mr;
	L->y = PAGE_H - L->st->mt;
	const struct form *f = L->o.form;
	if (f->summary && !L->dl->first_heading)
		L->dl->first_heading = xstrdup(f->summary);
	form_header(L, f);
}

void
form_end(struct lay *L)
{
	if (L->form_closed)
		return;
	L->form_closed = 1;
	form_footer(L, L->o.form);
}

void
lay_annex_begin(struct lay *L)
{
	if (!L->o.form || L->form_closed)
		return;
	form_end(L);
	lay_page_break(L);
}

/* The draft mark on every page: in a frame at the top right. */
void
form_page_marks(struct lay *L, int page)
{
	const struct form *f = L->o.form;
	if (!f || !f->draft || !*f->draft)
		return;
	L->page = page;
	float size = 13.0f, right = PAGE_W - L->st->mr, base = PAGE_H - MM(12);
	float w = lay_string(L, FST_BOLD, size, 0, 0, right - 4, base, f->draft, 1);
	dl_add_rect(L->dl, L->page, DL_FRAME, right - w - 8, base - size * DESCENT - 3, w + 8,
	            size * (ASCENT + DESCENT) + 6, 0.8f, 0x000000u);
}
