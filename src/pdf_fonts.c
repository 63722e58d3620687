/*
 * pdf_fonts.c: faces for the PDF stage.  Finds families through
 * fontconfig, picks for each code point the first face that has it
 * (the document's family, then fallbacks by script, then any installed
 * TrueType face), measures with HarfBuzz exactly as libharu will, and
 * subsets each face to what was drawn.  Never calls libharu.
 */
#define _GNU_SOURCE /* memfd_create */
#include "pdf_fonts.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xalloc.h"

#define DEFAULT_FAMILY "Liberation Serif"
#define MONO_FAMILY "Liberation Mono"
#define MAXFACES 64       /* document faces; later ones draw boxes */
#define PUA_FIRST 0xF8FFu /* stand-ins for code points above U+FFFF, downwards */
#define PUA_LAST 0xE000u

/* Fallback families in order of preference, by script.  Hangul first
 * looks in a Korean face because Droid Sans Fallback has only a few
 * syllables; Han and kana prefer Droid's Japanese forms. */
static const char *const fb_hangul[] = {"NanumGothic", "Droid Sans Fallback", "DejaVu Sans", NULL};
static const char *const fb_cjk[] = {"Droid Sans Fallback", "NanumGothic", "DejaVu Sans", NULL};
static const char *const fb_other[] = {"DejaVu Sans", "Droid Sans Fallback", "NanumGothic", NULL};
static const char *const fb_mono[] = {"DejaVu Sans Mono", "DejaVu Sans", "Droid Sans Fallback",
                                      "NanumGothic", NULL};

struct face {              /* one font file, shared by every document */
	char *path;        /* file fontconfig named */
	int index;         /* face in a collection */
	hb_face_t *hb;     /* owned */
	hb_font_t *font;   /* owned; scale = units per em */
	unsigned upem;     /* units per em */
	unsigned notdef_w; /* advance of .notdef, 1/1000 em */
};

struct match {             /* one fontconfig question and its answer */
	char *family;      /* asked for */
	int bold, italic;  /* asked for */
	struct face *face; /* NULL: family not installed or not TrueType */
};

struct cand {          /* an installed TrueType face, for the last fallback */
	char *path;    /* file */
	int index;     /* face in a collection */
	FcCharSet *cs; /* owned copy */
	int bad;       /* could not be opened or has no glyf table */
};

/* Process-wide answers: fontconfig is slow to ask and faces are large. */
static struct {
	int fc;              /* FcInit done */
	struct face **faces; /* opened faces */
	size_t nfaces, capfaces;
	struct match *m; /* fontconfig answers */
	size_t nm, capm;
	struct cand *cand; /* every TrueType face, sorted by path */
	size_t ncand;
	int listed; /* cand filled */
} cache;

struct hent {            /* one (style, code point) answer */
	uint32_t key;    /* (style << 21 | cp) + 1; 0: empty slot */
	int16_t face;    /* document face */
	uint16_t width;  /* 1/1000 em */
	uint32_t cid;    /* code written */
	uint8_t missing; /* drawn as a box */
};

struct pua {          /* a private-use stand-in for a code point above U+FFFF */
	uint32_t pua; /* code written */
	uint32_t cp;  /* what it stands for */
};

struct fonts {
	char *family;                /* owned */
	enum lang lang;              /* of warnings */
	struct strlist *warnings;    /* not owned; may be NULL */
	struct face *face[MAXFACES]; /* document faces, in order of first use */
	hb_set_t *cover[MAXFACES];   /* code points present and drawn, per face */
	hb_set_t *codes[MAXFACES];   /* every code drawn, per face (ToUnicode) */
	int nface;                   /* faces used */
	struct face *prim[FST_N];    /* primary face per style */
	struct hent *h;              /* answers, open addressing */
	size_t hcap, hn;             /* slots, used */
	hb_set_t *seen;              /* code points met, to choose stand-ins */
	hb_set_t *warned;            /* code points already reported */
	struct pua *pua;             /* stand-ins, descending pua */
	size_t npua, cappua;
	uint32_t next_pua; /* next stand-in to try */
};

static struct face *
face_open(const char *path, int index)
{
	for (size_t i = 0; i < cache.nfaces; i++)
		if (cache.faces[i]->index == index && !strcmp(cache.faces[i]->path, path))
			return cache.faces[i];
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (!blob)
		return NULL;
	hb_face_t *hb = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	/* libharu embeds TrueType outlines only (no CFF). */
	hb_blob_t *glyf = hb_face_reference_table(hb, HB_TAG('g', 'l', 'y', 'f'));
	hb_blob_t *loca = hb_face_reference_table(hb, HB_TAG('l', 'o', 'c', 'a'));
	int ok = hb_blob_get_length(glyf) > 0 && hb_blob_get_length(loca) > 0 &&
	         hb_face_get_upem(hb) > 0;
	hb_blob_destroy(glyf);
	hb_blob_destroy(loca);
	if (!ok) {
		hb_face_destroy(hb);
		return NULL;
	}
	struct face *f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	f->index = index;
	f->hb = hb;
	f->upem = hb_face_get_upem(hb);
	f->font = hb_font_create(hb);
	hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
	f->notdef_w = (unsigned)hb_font_get_glyph_h_advance(f->font, 0) * 1000u / f->upem;
	cache.faces = xgrow(cache.faces, &cache.capfaces, cache.nfaces + 1, sizeof *cache.faces);
	cache.faces[cache.nfaces++] = f;
	return f;
}

static void
fc_init(void)
{
	static int registered;
	if (!cache.fc) {
		FcInit();
		cache.fc = 1;
		/* fontconfig frees its own state only in FcFini: do it at exit so
		 * leak checkers see a clean process, whoever made PDFs */
		if (!registered++)
			atexit(fonts_cache_clear);
	}
}

/* The face fontconfig gives for family in that weight and slant, or NULL
 * when the family is not installed (fontconfig would substitute another)
 * or has no TrueType outlines. */
static struct face *
match(const char *family, int bold, int italic)
{
	for (size_t i = 0; i < cache.nm; i++)
		if (cache.m[i].bold == bold && cache.m[i].italic == italic &&
		    !strcmp(cache.m[i].family, family))
			return cache.m[i].face;
	fc_init();
	struct face *face = NULL;
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *m = FcFontMatch(NULL, pat, &res);
	if (m) {
		int same = 0;
		FcChar8 *s;
		for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &s) == FcResultMatch; i++)
			if (!strcasecmp((const char *)s, family))
				same = 1;
		FcChar8 *file;
		int index = 0;
		if (same && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
			FcPatternGetInteger(m, FC_INDEX, 0, &index);
			face = face_open((const char *)file, index);
		}
		FcPatternDestroy(m);
	}
	FcPatternDestroy(pat);
	cache.m = xgrow(cache.m, &cache.capm, cache.nm + 1, sizeof *cache.m);
	cache.m[cache.nm++] = (struct match){xstrdup(family), bold, italic, face};
	return face;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : x->index - y->index;
}

/* Every installed TrueType face with its character set, in path order so
 * the choice does not depend on fontconfig's cache order. */
static void
list_candidates(void)
{
	if (cache.listed)
		return;
	cache.listed = 1;
	fc_init();
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_CHARSET, FC_FONTFORMAT, NULL);
	FcFontSet *set = FcFontList(NULL, pat, os);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	if (!set)
		return;
	cache.cand = xcalloc((size_t)set->nfont + 1, sizeof *cache.cand);
	for (int i = 0; i < set->nfont; i++) {
		FcChar8 *file, *fmt;
		FcCharSet *cs;
		int index = 0;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
		    FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &fmt) != FcResultMatch ||
		    strcmp((const char *)fmt, "TrueType") ||
		    FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) != FcResultMatch)
			continue;
		FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
		struct cand *c = &cache.cand[cache.ncand++];
		c->path = xstrdup((const char *)file);
		c->index = index;
		c->cs = FcCharSetCopy(cs);
	}
	FcFontSetDestroy(set);
	qsort(cache.cand, cache.ncand, sizeof *cache.cand, cand_cmp);
}

static int
has(struct face *f, uint32_t cp)
{
	hb_codepoint_t gid;
	return f && hb_font_get_nominal_glyph(f->font, cp, &gid);
}

static int
is_hangul(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
	       (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF);
}

static int
is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x30FF) ||
	       (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF);
}

static struct face *
primary(struct fonts *f, int st)
{
	if (!f->prim[st]) {
		const char *fam = (st & FST_MONO) ? MONO_FAMILY : f->family;
		f->prim[st] = match(fam, !!(st & FST_BOLD), !!(st & FST_ITALIC));
		if (!f->prim[st]) /* checked in fonts_new to exist in regular */
			f->prim[st] = match(fam, 0, 0);
	}
	return f->prim[st];
}

/* The first face that has cp, or NULL. */
static struct face *
find_face(struct fonts *f, int st, uint32_t cp)
{
	struct face *c;
	int bi = st & (FST_BOLD | FST_ITALIC);
	if (has(c = primary(f, st), cp))
		return c;
	if (bi && has(c = primary(f, st & FST_MONO), cp))
		return c;
	if ((st & FST_MONO) && (has(c = primary(f, bi), cp) || has(c = primary(f, 0), cp)))
		return c;
	const char *const *fb = is_hangul(cp)     ? fb_hangul
	                        : is_cjk(cp)      ? fb_cjk
	                        : (st & FST_MONO) ? fb_mono
	                                          : fb_other;
	for (; *fb; fb++)
		if (has(c = match(*fb, !!(st & FST_BOLD), !!(st & FST_ITALIC)), cp) ||
		    has(c = match(*fb, 0, 0), cp))
			return c;
	list_candidates();
	for (size_t i = 0; i < cache.ncand; i++) {
		struct cand *k = &cache.cand[i];
		if (k->bad || !FcCharSetHasChar(k->cs, cp))
			continue;
		if (has(c = face_open(k->path, k->index), cp))
			return c;
		k->bad = 1;
	}
	return NULL;
}

static int
doc_face(struct fonts *f, struct face *face)
{
	for (int i = 0; i < f->nface; i++)
		if (f->face[i] == face)
			return i;
	if (f->nface == MAXFACES)
		return -1;
	int i = f->nface++;
	f->face[i] = face;
	f->cover[i] = hb_set_create();
	f->codes[i] = hb_set_create();
	/* A subset needs one real glyph for libharu to accept it. */
	if (has(face, ' '))
		hb_set_add(f->cover[i], ' ');
	return i;
}

struct fonts *
fonts_new(const char *family, enum lang lang, struct strlist *warnings, char **err)
{
	const char *fam = family && *family ? family : DEFAULT_FAMILY;
	if (!match(fam, 0, 0) || !match(MONO_FAMILY, 0, 0)) {
		const char *miss = match(fam, 0, 0) ? MONO_FAMILY : fam;
		*err = xasprintf(L(lang, "không tìm thấy phông chữ TrueType '%s'",
		                   "TrueType font family '%s' not found"),
		                 miss);
		return NULL;
	}
	struct fonts *f = xcalloc(1, sizeof *f);
	f->family = xstrdup(fam);
	f->lang = lang;
	f->warnings = warnings;
	f->seen = hb_set_create();
	f->warned = hb_set_create();
	f->next_pua = PUA_FIRST;
	/* The regular face comes first, so it gets the first subset tag. */
	doc_face(f, primary(f, 0));
	return f;
}

void
fonts_free(struct fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nface; i++) {
		hb_set_destroy(f->cover[i]);
		hb_set_destroy(f->codes[i]);
	}
	hb_set_destroy(f->seen);
	hb_set_destroy(f->warned);
	free(f->h);
	free(f->pua);
	free(f->family);
	free(f);
}

static struct hent *
slot(struct fonts *f, uint32_t key)
{
	size_t i = (key * 2654435761u) & (f->hcap - 1);
	while (f->h[i].key && f->h[i].key != key)
		i = (i + 1) & (f->hcap - 1);
	return &f->h[i];
}

static void
grow(struct fonts *f)
{
	struct hent *old = f->h;
	size_t oldcap = f->hcap;
	f->hcap = oldcap ? oldcap * 2 : 1024;
	f->h = xcalloc(f->hcap, sizeof *f->h);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*slot(f, old[i].key) = old[i];
	free(old);
}

/* A private-use code for cp (above U+FFFF, which libharu cannot write):
 * the face draws .notdef for it and ToUnicode maps it back to cp. */
static uint32_t
stand_in(struct fonts *f, struct face *face, uint32_t cp)
{
	for (size_t i = 0; i < f->npua; i++)
		if (f->pua[i].cp == cp)
			return f->pua[i].pua;
	while (f->next_pua > PUA_LAST &&
	       (hb_set_has(f->seen, f->next_pua) || has(face, f->next_pua)))
		f->next_pua--;
	uint32_t p = f->next_pua > PUA_LAST ? f->next_pua-- : PUA_LAST;
	f->pua = xgrow(f->pua, &f->cappua, f->npua + 1, sizeof *f->pua);
	f->pua[f->npua++] = (struct pua){p, cp};
	return p;
}

void
fonts_glyph(struct fonts *f, int style, uint32_t cp, int quiet, struct glyph *g)
{
	style &= FST_N - 1;
	uint32_t key = ((uint32_t)style << 21 | (cp & 0x1FFFFF)) + 1;
	if (f->hn * 2 >= f->hcap)
		grow(f);
	struct hent *e = slot(f, key);
	if (!e->key) {
		hb_set_add(f->seen, cp);
		struct face *face = cp <= 0xFFFF ? find_face(f, style, cp) : NULL;
		int i = face ? doc_face(f, face) : -1;
		if (i >= 0) {
			hb_codepoint_t gid = 0;
			hb_font_get_nominal_glyph(face->font, cp, &gid);
			unsigned adv = (unsigned)hb_font_get_glyph_h_advance(face->font, gid);
			e->width = (uint16_t)(adv * 1000u / face->upem);
			e->cid = cp;
			hb_set_add(f->cover[i], cp);
		} else {
			face = primary(f, style);
			i = doc_face(f, face);
			if (i < 0)
				i = 0;
			face = f->face[i];
			e->width = (uint16_t)face->notdef_w;
			e->cid = cp <= 0xFFFF ? cp : stand_in(f, face, cp);
			e->missing = 1;
		}
		e->face = (int16_t)i;
		e->key = key;
		f->hn++;
		hb_set_add(f->codes[i], e->cid);
	}
	g->face = e->face;
	g->width = e->width;
	g->cid = e->cid;
	g->missing = e->missing;
	if (e->missing && !quiet && !hb_set_has(f->warned, cp)) {
		hb_set_add(f->warned, cp);
		if (f->warnings) {
			char *m =
			    xasprintf(L(f->lang, "không phông chữ nào có U+%04X, vẽ thành ô vuông",
			                "no font has U+%04X, drawn as a box"),
			              (unsigned)cp);
			strlist_push(f->warnings, m);
			free(m);
		}
	}
}

int
fonts_count(const struct fonts *f)
{
	return f->nface;
}

/* The subset with a 'prep' table of one harmless instruction pair.
 * libharu 2.3.0 writes the 13 tables it knows in a fixed order ending with
 * 'prep', and when that one is empty (no hinting) and the font data before
 * it fills whole 4096-byte blocks, its memory stream fails to seek to the
 * end and the document cannot be saved (HPDF_INVALID_OBJECT). */
static hb_face_t *
with_prep(hb_face_t *built)
{
	static const char prep[] = {(char)0xB0, 0x00, 0x21}; /* PUSHB[0] 0, POP */
	/* a face read back from bytes: HarfBuzz 6 lists no tables of a builder */
	hb_blob_t *bytes = hb_face_reference_blob(built);
	hb_face_t *sub = hb_face_create(bytes, 0);
	hb_blob_destroy(bytes);
	hb_face_t *b = hb_face_builder_create();
	hb_tag_t tags[64];
	unsigned n = sizeof tags / sizeof tags[0];
	hb_face_get_table_tags(sub, 0, &n, tags);
	for (unsigned i = 0; i < n; i++) {
		if (tags[i] == HB_TAG('p', 'r', 'e', 'p'))
			continue;
		hb_blob_t *t = hb_face_reference_table(sub, tags[i]);
		hb_face_builder_add_table(b, tags[i], t);
		hb_blob_destroy(t);
	}
	hb_blob_t *p = hb_blob_create(prep, sizeof prep, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_builder_add_table(b, HB_TAG('p', 'r', 'e', 'p'), p);
	hb_blob_destroy(p);
	hb_face_destroy(sub);
	return b;
}

int
fonts_subset(struct fonts *f, int face, int *fd, char **err)
{
	int rc = 0;
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	*fd = -1;
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in) {
		*err = xstrdup("hb_subset_input_create_or_fail failed");
		goto out;
	}
	hb_set_union(hb_subset_input_unicode_set(in), f->cover[face]);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
	hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
	hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
	hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING);
	/* names: copyright, family, style, full and PostScript name (libharu's BaseFont) */
	hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
	hb_set_clear(names);
	static const unsigned keep[] = {0, 1, 2, 4, 6};
	for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++)
		hb_set_add(names, keep[k]);
	sub = hb_subset_or_fail(f->face[face]->hb, in);
	if (!sub) {
		*err = xasprintf("cannot subset %s", f->face[face]->path);
		goto out;
	}
	hb_face_t *full = with_prep(sub);
	blob = hb_face_reference_blob(full);
	hb_face_destroy(full);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	*fd = memfd_create("debrief-font", MFD_CLOEXEC);
	if (*fd < 0) {
		*err = xasprintf("memfd_create: %s", strerror(errno));
		goto out;
	}
	for (size_t off = 0; off < len;) {
		ssize_t w = write(*fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			*err = xasprintf("writing a font subset: %s", strerror(errno));
			goto out;
		}
		off += (size_t)w;
	}
	lseek(*fd, 0, SEEK_SET);
	rc = 1;
out:
	if (!rc && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return rc;
}

size_t
fonts_codes(const struct fonts *f, int face, uint32_t **cid, uint32_t **ucs)
{
	size_t n = hb_set_get_population(f->codes[face]), k = 0;
	*cid = xcalloc(n + 1, sizeof **cid);
	*ucs = xcalloc(n + 1, sizeof **ucs);
	hb_codepoint_t c = HB_SET_VALUE_INVALID;
	while (hb_set_next(f->codes[face], &c) && k < n) {
		uint32_t u = c;
		/* stand-ins are few and only for characters nobody has */
		if (c >= PUA_LAST && c <= PUA_FIRST)
			for (size_t i = 0; i < f->npua; i++)
				if (f->pua[i].pua == c)
					u = f->pua[i].cp;
		(*cid)[k] = c;
		(*ucs)[k++] = u;
	}
	return k;
}

void
fonts_cache_clear(void)
{
	for (size_t i = 0; i < cache.nfaces; i++) {
		hb_font_destroy(cache.faces[i]->font);
		hb_face_destroy(cache.faces[i]->hb);
		free(cache.faces[i]->path);
		free(cache.faces[i]);
	}
	free(cache.faces);
	for (size_t i = 0; i < cache.nm; i++)
		free(cache.m[i].family);
	free(cache.m);
	for (size_t i = 0; i < cache.ncand; i++) {
		free(cache.cand[i].path);
		FcCharSetDestroy(cache.cand[i].cs);
	}
	free(cache.cand);
	if (cache.fc)
		FcFini();
	memset(&cache, 0, sizeof cache);
}
