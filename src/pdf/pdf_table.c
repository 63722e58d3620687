/*
 * pdf_table.c: GFM tables.  Column widths come from the cells' content
 * (the narrowest unbroken word and the widest line); cells wrap and keep
 * their alignment; a row that does not fit goes to the next page, or is
 * split line by line when taller than a page, and the header row is
 * repeated on every page and kept with the whole first row (and so is a
 * heading just above the table: lay_heading_held).  Tables too wide for the page are laid out as
 * several tables of consecutive columns.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_lay.h"
#include "pdf_style.h"
#include "xalloc.h"

#define MAX_COLS 100000

struct tcell {
	struct para p;   /* content */
	struct line *ln; /* lines at the current column width (p's) */
	size_t nln;
	float bw, bh; /* the width and image height ln was broken for */
	size_t at;    /* first line not drawn yet */
};

struct trow {
	struct tcell *c; /* ncols cells */
	int header;      /* the header row */
};

struct table {
	int ncols;
	uint8_t *align; /* 'l', 'c', 'r' or 0 per column */
	struct trow *rows;
	size_t nrows, caprows;
	int col; /* cell being filled */
};

void
table_free(struct lay *L, struct table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++)
			para_give(L, &t->rows[r].c[c].p);
		free(t->rows[r].c);
	}
	free(t->rows);
	free(t->align);
	free(t);
}

void
lay_table_begin(struct lay *L, int ncols, const uint8_t *aligns)
{
	if (L->tab)
		return;
	if (ncols < 1)
		ncols = 1;
	if (ncols > MAX_COLS)
		ncols = MAX_COLS;
	struct table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->align = xcalloc((size_t)ncols, 1);
	if (aligns)
		memcpy(t->align, aligns, (size_t)ncols);
	L->tab = t;
	L->cur = NULL;
}

void
lay_table_row_begin(struct lay *L, int header)
{
	struct table *t = L->tab;
	if (!t)
		return;
	t->rows = xgrow(t->rows, &t->caprows, t->nrows + 1, sizeof *t->rows);
	struct trow *r = &t->rows[t->nrows++];
	r->header = header;
	r->c = xcalloc((size_t)t->ncols, sizeof *r->c);
	uint32_t rgb = L->quotes ? QUOTE_RGB : L->st->table.rgb;
	for (int c = 0; c < t->ncols; c++) {
		para_take(L, &r->c[c].p, L->st->table.font | (header ? FST_BOLD : 0),
		          L->st->table.size, rgb, L->st->table.lead, 0);
	}
	t->col = 0;
}

void
lay_table_cell_begin(struct lay *L)
{
	struct table *t = L->tab;
	L->cur = NULL;
	if (t && t->nrows && t->col < t->ncols)
		L->cur = &t->rows[t->nrows - 1].c[t->col].p;
}

/* A table longer than this has its cells' memory cut to what they hold
 * as they end (para_fit): all of them wait for the column widths.  A
 * short one's is not, since its cells go back to be used again. */
#define TABLE_FIT_ROWS 64

void
lay_table_cell_end(struct lay *L)
{
	struct table *t = L->tab;
	if (t && t->nrows > TABLE_FIT_ROWS && t->col < t->ncols)
		para_fit(&t->rows[t->nrows - 1].c[t->col].p);
	if (L->tab)
		L->tab->col++;
	L->cur = NULL;
}

void
lay_table_row_end(struct lay *L)
{
	(void)L;
}

struct group {        /* consecutive columns laid out as one table */
	int c0, c1;   /* columns [c0, c1) */
	float *x;     /* left edge per column (indexed from c0) */
	float *w;     /* width per column */
	float head_h; /* height of the header rows */
};

/* Lines of each cell of row r at the group's widths; returns the row height. */
static float
row_lines(struct lay *L, struct table *t, size_t r, const struct group *g)
{
	float h = 0, maxh = lay_page_room(L) * IMAGE_MAX_H;
	for (int c = g->c0; c < g->c1; c++) {
		struct tcell *cell = &t->rows[r].c[c];
		float w = g->w[c - g->c0] - 2 * TABLE_PAD_X;
		/* a header and a group's first row are measured before they
		 * are drawn: broken once for both */
		if (!cell->ln || cell->bw != w || cell->bh != maxh) {
			cell->nln = para_break(L, &cell->p, w, maxh, &cell->ln);
			cell->bw = w;
			cell->bh = maxh;
		}
		cell->at = 0;
		float ch = 0;
		for (size_t k = 0; k < cell->nln; k++)
			ch += cell->ln[k].asc + cell->ln[k].desc;
		if (ch > h)
			h = ch;
	}
	if (h == 0)
		h = L->st->table.size * L->st->table.lead;
	return h + 2 * TABLE_PAD_Y;
}

/* Draws the lines [at, upto[c]) of each cell of row r at the cursor, in a
 * band of height h, and moves down. */
static void
draw_band(struct lay *L, struct table *t, size_t r, const struct group *g, const size_t *upto,
          float h)
{
	float top = L->y;
	float right = g->x[g->c1 - g->c0 - 1] + g->w[g->c1 - g->c0 - 1];
	if (t->rows[r].header)
		dl_add_rect(L->dl, L->page, DL_FILL, g->x[0], top - h, right - g->x[0], h, 0,
		            TABLE_HEAD_BG_RGB);
	for (int c = g->c0; c < g->c1; c++) {
		struct tcell *cell = &t->rows[r].c[c];
		float x = g->x[c - g->c0], w = g->w[c - g->c0], y = top - TABLE_PAD_Y;
		size_t end = upto ? upto[c - g->c0] : cell->nln;
		for (size_t k = cell->at; k < end; k++) {
			para_draw_line(L, &cell->p, &cell->ln[k], x + TABLE_PAD_X,
			               y - cell->ln[k].asc, w - 2 * TABLE_PAD_X, t->align[c]);
			y -= cell->ln[k].asc + cell->ln[k].desc;
		}
		cell->at = end;
		dl_add_rect(L->dl, L->page, DL_FRAME, x, top - h, w, h, TABLE_BORDER_W,
		            TABLE_BORDER_RGB);
	}
	lay_advance(L, h);
}

static void
draw_headers(struct lay *L, struct table *t, const struct group *g)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].header) {
			float h = row_lines(L, t, r, g);
			draw_band(L, t, r, g, NULL, h);
		}
}

static void
new_page(struct lay *L, struct table *t, const struct group *g)
{
	lay_page_break(L);
	/* a header taller than half a page is not worth repeating */
	if (g->head_h < lay_page_room(L) / 2)
		draw_headers(L, t, g);
}

/* A row taller than the room left: as many lines of each cell as fit,
 * then the rest on the next pages. */
static void
split_row(struct lay *L, struct table *t, size_t r, const struct group *g)
{
	int n = g->c1 - g->c0;
	size_t *upto = xcalloc((size_t)n, sizeof *upto);
	for (;;) {
		float room = lay_room(L) - 2 * TABLE_PAD_Y, band = 0;
		int left = 0, took = 0;
		for (int c = g->c0; c < g->c1; c++) {
			struct tcell *cell = &t->rows[r].c[c];
			size_t k = cell->at;
			float used = 0;
			while (k < cell->nln && used + cell->ln[k].asc + cell->ln[k].desc <= room) {
				used += cell->ln[k].asc + cell->ln[k].desc;
				k++;
			}
			upto[c - g->c0] = k;
			took |= k > cell->at;
			left |= k < cell->nln;
			if (used > band)
				band = used;
		}
		if (!took) {
			if (L->at_top || room >= lay_page_room(L) - g->head_h - 2 * TABLE_PAD_Y) {
				/* not even one line fits on a fresh page: draw one anyway */
				for (int c = g->c0; c < g->c1; c++) {
					struct tcell *cell = &t->rows[r].c[c];
					upto[c - g->c0] = cell->at + (cell->at < cell->nln);
					if (upto[c - g->c0] > cell->at) {
						float lh = cell->ln[cell->at].asc +
						           cell->ln[cell->at].desc;
						if (lh > band)
							band = lh;
					}
				}
				left = 0;
				for (int c = g->c0; c < g->c1; c++)
					left |= upto[c - g->c0] < t->rows[r].c[c].nln;
			} else {
				new_page(L, t, g);
				continue;
			}
		}
		draw_band(L, t, r, g, upto, band + 2 * TABLE_PAD_Y);
		if (!left)
			break;
		new_page(L, t, g);
	}
	free(upto);
}

/* Sets g->head_h, the height of the header rows; returns that of the
 * header and the whole first row, and in *least that of the header and
 * the first row's first line: what the header must have under it on its
 * page.  Measured as drawn: wrapped lines, images, other scripts' faces. */
static float
group_start(struct lay *L, struct table *t, struct group *g, float *least)
{
	g->head_h = 0;
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].header)
			g->head_h += row_lines(L, t, r, g);
	float full = g->head_h;
	*least = g->head_h;
	for (size_t r = 0; r < t->nrows; r++)
		if (!t->rows[r].header) {
			float h = row_lines(L, t, r, g), line = 0;
			for (int c = g->c0; c < g->c1; c++) {
				const struct tcell *cell = &t->rows[r].c[c];
				float lh = cell->nln ? cell->ln[0].asc + cell->ln[0].desc : 0;
				if (lh > line)
					line = lh;
			}
			line = line > 0 ? line + 2 * TABLE_PAD_Y : h;
			full += h;
			*least += line < h ? line : h;
			break;
		}
	return full;
}

/* split_first: the first row is split under the header wherever it falls
 * (the heading above keeps only its first line), not moved to the next
 * page. */
static void
draw_group(struct lay *L, struct table *t, struct group *g, int split_first)
{
	/* the header stays with the whole first row when they fit on a page
	 * together (the row is then not split, below), else with the row's
	 * first line */
	float least, full = group_start(L, t, g, &least);
	float asc = TABLE_PAD_Y + L->st->table.size * ASCENT +
	            (L->st->table.lead - ASCENT - DESCENT) * L->st->table.size / 2;
	lay_box_begin(L, split_first || full > lay_page_room(L) ? least : full, asc);
	draw_headers(L, t, g);
	int first = 1;
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->rows[r].header)
			continue;
		float h = row_lines(L, t, r, g);
		if (h > lay_room(L) && h <= lay_page_room(L) - g->head_h && !(first && split_first))
			new_page(L, t, g);
		if (h <= lay_room(L))
			draw_band(L, t, r, g, NULL, h);
		else
			split_row(L, t, r, g);
		for (int c = g->c0; c < g->c1; c++) { /* lines are used only while drawn */
			t->rows[r].c[c].ln = NULL;
			t->rows[r].c[c].nln = 0;
		}
		first = 0;
	}
}

static void
table_layout(struct lay *L, struct table *t)
{
	int nc = t->ncols;
	float avail = L->right - L->left;
	float *mn = xcalloc((size_t)nc, sizeof *mn), *mx = xcalloc((size_t)nc, sizeof *mx);
	float *need = xcalloc((size_t)nc, sizeof *need);
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < nc; c++) {
			float a, b;
			para_widths(&t->rows[r].c[c].p, &a, &b);
			if (a + 2 * TABLE_PAD_X > mn[c])
				mn[c] = a + 2 * TABLE_PAD_X;
			if (b + 2 * TABLE_PAD_X > mx[c])
				mx[c] = b + 2 * TABLE_PAD_X;
		}
	/* What a column asks for at least: its longest word, but no more
	 * than 30% of the page (longer words are cut), and no less than
	 * TABLE_MIN_COL unless its content is narrower. */
	float cap = avail * 0.3f;
	for (int c = 0; c < nc; c++) {
		float floor = mx[c] < TABLE_MIN_COL ? mx[c] : TABLE_MIN_COL;
		need[c] = mn[c] < floor ? floor : mn[c] > cap ? cap : mn[c];
		if (need[c] < floor)
			need[c] = floor;
		if (need[c] < 2 * TABLE_PAD_X + 1)
			need[c] = 2 * TABLE_PAD_X + 1;
	}
	struct group g;
	g.x = xcalloc((size_t)nc, sizeof *g.x);
	g.w = xcalloc((size_t)nc, sizeof *g.w);
	for (int c0 = 0; c0 < nc;) {
		int c1 = c0;
		float sum = 0, summax = 0, flex = 0;
		while (c1 < nc && (c1 == c0 || sum + need[c1] <= avail)) {
			sum += need[c1];
			summax += mx[c1] > need[c1] ? mx[c1] : need[c1];
			flex += mx[c1] > need[c1] ? mx[c1] - need[c1] : 0;
			c1++;
		}
		/* Room beyond what columns need goes in equal shares to those
		 * not yet at their widest line, so narrow columns (dates,
		 * numbers) are never wrapped for the sake of a long one. */
		for (int c = c0; c < c1; c++)
			g.w[c - c0] = summax <= avail && mx[c] > need[c] ? mx[c] : need[c];
		float extra = summax <= avail ? 0 : avail - sum;
		/* The official form shares the room in proportion to what each
		 * column still wants, so the task column is the widest. */
		for (int filled = 1; L->st->prop_cols && filled && extra > 0.01f;) {
			/* narrow columns (dates, numbers) first get all they want */
			int open = 0;
			float rest = 0;
			for (int c = c0; c < c1; c++)
				if (mx[c] > g.w[c - c0] + 0.01f) {
					open++;
					rest += mx[c] - g.w[c - c0];
				}
			filled = 0;
			for (int c = c0; open && c < c1; c++) {
				float room = mx[c] - g.w[c - c0];
				if (room > 0.01f && room <= extra / (float)open) {
					g.w[c - c0] = mx[c];
					extra -= room;
					filled = 1;
				}
			}
			if (!filled && rest > 0) {
				for (int c = c0; c < c1; c++)
					if (mx[c] > g.w[c - c0])
						g.w[c - c0] += extra * (mx[c] - g.w[c - c0]) / rest;
				extra = 0;
			}
		}
		while (extra > 0.01f && flex > 0) {
			int open = 0;
			for (int c = c0; c < c1; c++)
				open += mx[c] > g.w[c - c0] + 0.01f;
			if (!open)
				break;
			float share = extra / (float)open;
			for (int c = c0; c < c1; c++) {
				float room = mx[c] - g.w[c - c0];
				if (room <= 0.01f)
					continue;
				float add = room < share ? room : share;
				g.w[c - c0] += add;
				extra -= add;
			}
		}
		float x = L->left;
		for (int c = c0; c < c1; c++) {
			if (g.w[c - c0] > avail)
				g.w[c - c0] = avail;
			g.x[c - c0] = x;
			x += g.w[c - c0];
		}
		g.c0 = c0;
		g.c1 = c1;
		int whole = 1;
		if (c0 == 0) {
			/* a heading just before the table is placed now, keeping
			 * room for the header and first row as measured */
			float least, full = group_start(L, t, &g, &least);
			whole = lay_heading_held(L, full, least);
			lay_block_space(L, L->st->table.before);
		} else
			lay_block_space(L, L->st->table.after);
		draw_group(L, t, &g, !whole);
		c0 = c1;
	}
	free(g.x);
	free(g.w);
	free(mn);
	free(mx);
	free(need);
}

void
lay_table_end(struct lay *L)
{
	struct table *t = L->tab;
	if (!t)
		return;
	L->tab = NULL;
	L->cur = NULL;
	if (t->nrows)
		table_layout(L, t);
	else {
		lay_heading_held(L, 0, 0);
		lay_block_space(L, L->st->table.before);
	}
	table_free(L, t);
	if (L->st->table.after > L->pending)
		L->pending = L->st->table.after;
}
