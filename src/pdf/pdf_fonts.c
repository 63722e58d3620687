/*
 * pdf_fonts.c: faces for the PDF stage.  Finds families through
 * fontconfig, picks for each code point the first face that has it
 * (the document's family, then fallbacks by script in the same weight,
 * then any installed TrueType face), measures and shapes with HarfBuzz,
 * numbers the codes drawn with each face, and subsets each face to the
 * glyphs drawn with it, with the metrics its font descriptor needs.
 * Never calls libharu.
 */
#include "pdf_fonts.h"

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define DEFAULT_FAMILY "Liberation Serif"
#define MONO_FAMILY "Liberation Mono"
#define MAXFACES 64      /* document faces; later ones draw boxes */
#define MAXCODES 0xFFFFu /* codes per face: two bytes each in the text */
#define HIDDEN_W 100     /* least width of a character as invisible text */
#define PREPARE_AFTER 16 /* least subsets of a face before it is prepared */

/* Fallback families in order of preference, by script.  Hangul first
 * looks in a Korean face because Droid Sans Fallback has only a few
 * syllables; Han and kana prefer Droid's Japanese forms. */
static const char *const fb_hangul[] = {"NanumGothic", "Droid Sans Fallback", "DejaVu Sans", NULL};
static const char *const fb_cjk[] = {"Droid Sans Fallback", "NanumGothic", "DejaVu Sans", NULL};
static const char *const fb_other[] = {"DejaVu Sans", "Droid Sans Fallback", "NanumGothic", NULL};
/* Lao, Khmer, Thai and Myanmar: serif designs first, to sit beside a
 * Times-metric serif; the sans designs when only they are installed. */
static const char *const fb_lao[] = {"Noto Serif Lao", "Noto Sans Lao", "Noto Sans Lao UI", NULL};
static const char *const fb_khmer[] = {"Noto Serif Khmer", "Noto Sans Khmer", "Noto Sans Khmer UI",
                                       NULL};
static const char *const fb_thai[] = {"Noto Serif Thai", "Noto Sans Thai", "Noto Sans Thai UI",
                                      NULL};
static const char *const fb_myanmar[] = {"Noto Serif Myanmar", "Noto Sans Myanmar",
                                         "Noto Sans Myanmar UI", NULL};
static const char *const fb_mono[] = {"DejaVu Sans Mono", "DejaVu Sans", "Droid Sans Fallback",
                                      "NanumGothic", NULL};

struct face {                  /* one font file, shared by every document */
	char *path;            /* file fontconfig named */
	int index;             /* face in a collection */
	hb_face_t *hb;         /* owned */
	hb_font_t *font;       /* owned; scale = units per em */
	hb_face_t *pre;        /* owned; hb prepared for subsetting, or NULL */
	unsigned subsets;      /* subsets made of it before pre */
	unsigned upem;         /* units per em */
	unsigned notdef_w;     /* advance of .notdef, 1/1000 em */
	struct font_metrics m; /* for its font descriptor */
	char ps[64];           /* PostScript name, as a PDF name may hold it */
	int bold;              /* its head table says bold */
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

#define KNOWN_FAMILIES 8 /* families whose answers are kept */
#define KNOWN_MAX 65536  /* answers kept, at most */

struct known {
	uint64_t key;      /* (family << 40 | style << 32 | code point) + 1; 0: empty */
	struct face *face; /* NULL: no face has it */
	uint32_t gid;
	unsigned width; /* 1/1000 em */
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
	/* which face has a code point in a style of a family, its glyph and
	 * width (struct known), for every document of the run: each
	 * document numbers its own codes, but asked the faces again for
	 * each of its some 230 characters */
	char *family[KNOWN_FAMILIES]; /* families asked, by their number */
	int nfamily;
	struct known *known; /* open addressing */
	size_t nknown, capknown;
} cache;
/* Held while the cache is asked or grown: documents are laid out on
 * several threads at once.  Faces, once opened, are only read (HarfBuzz
 * objects are safe to share). */
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;

struct hent {            /* one (style, code point) answer */
	uint32_t key;    /* (style << 21 | cp) + 1; 0: empty slot */
	int16_t face;    /* document face */
	uint16_t width;  /* 1/1000 em */
	uint32_t cid;    /* code written */
	uint8_t missing; /* drawn as a box */
};

struct codes {                 /* the codes of one document face */
	hb_map_t *of_cp;       /* code point -> code of its nominal glyph */
	hb_map_t *of_hidden;   /* code point -> code of it as invisible text */
	int shaped;            /* some run was shaped with it */
	uint32_t *ucs;         /* per code: code point; [0] none */
	uint16_t *width;       /* per code: advance, 1/1000 em; [0] .notdef */
	hb_codepoint_t *glyph; /* per code: glyph in the whole face, 0 if none */
	size_t n, cap;         /* codes 1 .. n-1 are used; n starts at 1 */
};

struct fonts {
	char *family;                /* owned */
	enum lang lang;              /* of warnings */
	struct strlist *warnings;    /* not owned; may be NULL */
	struct face *face[MAXFACES]; /* document faces, in order of first use */
	struct codes code[MAXFACES]; /* codes drawn, per face */
	int nface;                   /* faces used */
	struct face *prim[FST_N];    /* primary face per style */
	int known;                   /* its family's number in cache.family, or -1 */
	struct hent *h;              /* answers, open addressing */
	size_t hcap, hn;             /* slots, used */
	hb_set_t *warned;            /* code points already reported */
};

static int
be16(const unsigned char *p)
{
	return (int16_t)(uint16_t)(p[0] << 8 | p[1]);
}

/* Table tag of face hb, or NULL when shorter than need bytes. */
static const unsigned char *
table(hb_face_t *hb, hb_tag_t tag, unsigned need, hb_blob_t **keep)
{
	*keep = hb_face_reference_table(hb, tag);
	unsigned len;
	const char *d = hb_blob_get_data(*keep, &len);
	return d && len >= need ? (const unsigned char *)d : NULL;
}

/* The font descriptor's numbers, read from the face's tables. */
static void
metrics(hb_face_t *hb, long upem, struct font_metrics *e)
{
	hb_blob_t *b;
	const unsigned char *t;
#define EM(v) ((int)((long)(v)*1000 / upem))
	int italic = 0;
	if ((t = table(hb, HB_TAG('h', 'e', 'a', 'd'), 46, &b))) {
		for (int k = 0; k < 4; k++)
			e->bbox[k] = EM(be16(t + 36 + 2 * k));
		italic = t[45] & 2; /* macStyle */
	}
	hb_blob_destroy(b);
	if ((t = table(hb, HB_TAG('h', 'h', 'e', 'a'), 8, &b))) {
		e->ascent = EM(be16(t + 4));
		e->descent = EM(be16(t + 6));
	}
	hb_blob_destroy(b);
	e->cap_height = e->ascent;
	int weight = 400;
	if ((t = table(hb, HB_TAG('O', 'S', '/', '2'), 34, &b))) {
		weight = (uint16_t)be16(t + 4);
		int class = t[30]; /* sFamilyClass: 1-5 and 7 are serif */
		if ((class >= 1 && class <= 5) || class == 7)
			e->flags |= 2;
		if ((uint16_t)be16(t) >= 2 && hb_blob_get_length(b) >= 90 && be16(t + 88) > 0)
			e->cap_height = EM(be16(t + 88));
	}
	hb_blob_destroy(b);
	if ((t = table(hb, HB_TAG('p', 'o', 's', 't'), 16, &b))) {
		int32_t angle = (int32_t)((uint32_t)t[4] << 24 | (uint32_t)t[5] << 16 |
		                          (uint32_t)t[6] << 8 | t[7]);
		e->italic_angle = angle / 65536;
		if (t[12] | t[13] | t[14] | t[15]) /* isFixedPitch */
			e->flags |= 1;
	}
	hb_blob_destroy(b);
#undef EM
	if (italic || e->italic_angle)
		e->flags |= 64;
	e->flags |= 4; /* symbolic: the glyphs are reached through CIDs */
	/* no table gives the dominant stem; estimate it from the weight */
	e->stem_v = 50 + weight * weight / 6400;
}

/* The face's PostScript name; a PostScript name is printable ASCII
 * without delimiters. */
static void
ps_name(struct face *f)
{
	unsigned len = sizeof f->ps;
	if (!hb_ot_name_get_utf8(f->hb, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
	                         f->ps) ||
	    !*f->ps)
		snprintf(f->ps, sizeof f->ps, "Face%d", f->index);
	for (char *p = f->ps; *p; p++)
		if (*p <= ' ' || *p > '~' || strchr("()<>[]{}/%#", *p))
			*p = '-';
}

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
	/* embedded as CIDFontType2: TrueType outlines only (no CFF) */
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
	metrics(hb, f->upem, &f->m);
	hb_blob_t *head;
	const unsigned char *t = table(hb, HB_TAG('h', 'e', 'a', 'd'), 46, &head);
	f->bold = t && (t[45] & 1); /* macStyle */
	hb_blob_destroy(head);
	ps_name(f);
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

static struct face *ask(const char *family, int bold, int italic, const char *style);

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
	struct face *face = ask(family, bold, italic, NULL);
	/* a family whose bold face claims the regular weight (Noto Serif
	 * Myanmar): ask again by style name, then without italic, which such
	 * families often lack */
	const char *names[2] = {bold ? (italic ? "Bold Italic" : "Bold")
	                             : (italic ? "Italic" : "Regular"),
	                        bold ? "Bold" : "Regular"};
	for (int k = 0; k < 2 && face && face->bold != bold; k++) {
		struct face *again = ask(family, bold, k ? 0 : italic, names[k]);
		if (again && again->bold == bold)
			face = again;
	}
	cache.m = xgrow(cache.m, &cache.capm, cache.nm + 1, sizeof *cache.m);
	cache.m[cache.nm++] = (struct match){xstrdup(family), bold, italic, face};
	return face;
}

/* fontconfig's answer for family in that weight and slant (and style
 * name, unless NULL), or NULL when it names another family. */
static struct face *
ask(const char *family, int bold, int italic, const char *style)
{
	struct face *face = NULL;
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	if (style)
		FcPatternAddString(pat, FC_STYLE, (const FcChar8 *)style);
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

/* The first face that has cp, or NULL; cache_mu held. */
static struct face *
find_face_locked(struct fonts *f, int st, uint32_t cp)
{
	struct face *c;
	int bi = st & (FST_BOLD | FST_ITALIC);
	if (has(c = primary(f, st), cp))
		return c;
	if (bi && has(c = primary(f, st & FST_MONO), cp))
		return c;
	if ((st & FST_MONO) && (has(c = primary(f, bi), cp) || has(c = primary(f, 0), cp)))
		return c;
	const char *const *fb =
	    is_hangul(cp)                                                      ? fb_hangul
	    : is_cjk(cp)                                                       ? fb_cjk
	    : cp >= 0x0E80 && cp <= 0x0EFF                                     ? fb_lao
	    : cp >= 0x0E00 && cp <= 0x0E7F                                     ? fb_thai
	    : (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF) ? fb_khmer
	    : (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0xA9E0 && cp <= 0xA9FF) ||
	            (cp >= 0xAA60 && cp <= 0xAA7F)
	        ? fb_myanmar
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

static struct face *
find_face(struct fonts *f, int st, uint32_t cp)
{
	pthread_mutex_lock(&cache_mu);
	struct face *face = find_face_locked(f, st, cp);
	pthread_mutex_unlock(&cache_mu);
	return face;
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
	struct codes *c = &f->code[i];
	c->of_cp = hb_map_create();
	c->of_hidden = hb_map_create();
	/* code 0 is .notdef */
	c->ucs = xgrow(NULL, &c->cap, 16, sizeof *c->ucs);
	c->width = xcalloc(c->cap, sizeof *c->width);
	c->glyph = xcalloc(c->cap, sizeof *c->glyph);
	c->ucs[0] = 0;
	c->width[0] = (uint16_t)face->notdef_w;
	c->n = 1;
	return i;
}

struct fonts *
fonts_new(const char *family, enum lang lang, struct strlist *warnings, char **err)
{
	const char *fam = family && *family ? family : DEFAULT_FAMILY;
	pthread_mutex_lock(&cache_mu);
	struct face *regular = match(fam, 0, 0), *mono = match(MONO_FAMILY, 0, 0);
	pthread_mutex_unlock(&cache_mu);
	if (!regular || !mono) {
		const char *miss = regular ? MONO_FAMILY : fam;
		*err = xasprintf(L(lang, "không tìm thấy phông chữ TrueType '%s'",
		                   "TrueType font family '%s' not found"),
		                 miss);
		return NULL;
	}
	struct fonts *f = xcalloc(1, sizeof *f);
	f->family = xstrdup(fam);
	f->known = -1;
	pthread_mutex_lock(&cache_mu);
	for (int k = 0; k < cache.nfamily && f->known < 0; k++)
		if (!strcmp(cache.family[k], fam))
			f->known = k;
	if (f->known < 0 && cache.nfamily < KNOWN_FAMILIES) {
		cache.family[cache.nfamily] = xstrdup(fam);
		f->known = cache.nfamily++;
	}
	pthread_mutex_unlock(&cache_mu);
	f->lang = lang;
	f->warnings = warnings;
	f->warned = hb_set_create();
	/* The regular face comes first, so it gets the first subset tag. */
	f->prim[0] = regular;
	doc_face(f, regular);
	return f;
}

void
fonts_free(struct fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nface; i++) {
		hb_map_destroy(f->code[i].of_cp);
		hb_map_destroy(f->code[i].of_hidden);
		free(f->code[i].ucs);
		free(f->code[i].width);
		free(f->code[i].glyph);
	}
	hb_set_destroy(f->warned);
	free(f->h);
	free(f->family);
	free(f);
}

static struct known *
known_slot(uint64_t key)
{
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 40) & (cache.capknown - 1);
	while (cache.known[i].key && cache.known[i].key != key)
		i = (i + 1) & (cache.capknown - 1);
	return &cache.known[i];
}

/* The face of f's family that has cp in style, its glyph and width: as
 * find_face and HarfBuzz answer, kept for the next documents. */
static struct face *
known_glyph(struct fonts *f, int style, uint32_t cp, hb_codepoint_t *gid, unsigned *width)
{
	pthread_mutex_lock(&cache_mu);
	uint64_t key = ((uint64_t)f->known << 40 | (uint64_t)style << 32 | cp) + 1;
	struct known *k = NULL;
	if (f->known >= 0 && cache.nknown < KNOWN_MAX && cache.nknown * 2 >= cache.capknown) {
		struct known *old = cache.known;
		size_t oldcap = cache.capknown;
		cache.capknown = oldcap ? oldcap * 2 : 1024;
		cache.known = xcalloc(cache.capknown, sizeof *cache.known);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*known_slot(old[i].key) = old[i];
		free(old);
	}
	if (f->known >= 0 && cache.capknown) {
		k = known_slot(key);
		if (!k->key && cache.nknown >= KNOWN_MAX)
			k = NULL; /* full: answered, not kept */
	}
	struct face *face;
	if (k && k->key) {
		face = k->face;
		*gid = k->gid;
		*width = k->width;
	} else {
		face = find_face_locked(f, style, cp);
		*gid = 0;
		*width = 0;
		if (face) {
			hb_font_get_nominal_glyph(face->font, cp, gid);
			unsigned adv = (unsigned)hb_font_get_glyph_h_advance(face->font, *gid);
			*width = adv * 1000u / face->upem;
		}
		if (k) {
			*k = (struct known){key, face, *gid, *width};
			cache.nknown++;
		}
	}
	pthread_mutex_unlock(&cache_mu);
	return face;
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

/* A new code in document face i for glyph, standing for cp (0: none). */
static uint32_t
new_code(struct codes *c, uint32_t cp, hb_codepoint_t glyph, unsigned width)
{
	if (c->n > MAXCODES)
		return 0; /* .notdef, without text: 65,535 glyphs in one face */
	if (c->n >= c->cap) {
		c->ucs = xgrow(c->ucs, &c->cap, c->n + 1, sizeof *c->ucs);
		c->width = xrealloc(c->width, c->cap * sizeof *c->width);
		c->glyph = xrealloc(c->glyph, c->cap * sizeof *c->glyph);
	}
	uint32_t k = (uint32_t)c->n++;
	c->ucs[k] = cp;
	c->width[k] = (uint16_t)width;
	c->glyph[k] = glyph;
	return k;
}

/* The code of cp in document face i, numbered on first use: each code
 * is one CID of the embedded font, with its glyph, width and text. */
static uint32_t
code_of(struct fonts *f, int i, uint32_t cp, hb_codepoint_t glyph, unsigned width)
{
	struct codes *c = &f->code[i];
	hb_codepoint_t k = hb_map_get(c->of_cp, cp);
	if (k != HB_MAP_VALUE_INVALID)
		return k;
	k = new_code(c, cp, glyph, width);
	if (k)
		hb_map_set(c->of_cp, cp, k);
	return k;
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
		hb_codepoint_t gid;
		unsigned width;
		struct face *face = known_glyph(f, style, cp, &gid, &width);
		int i = face ? doc_face(f, face) : -1;
		if (i >= 0) {
			e->width = (uint16_t)width;
			e->cid = code_of(f, i, cp, gid, e->width);
		} else {
			/* the box of the style's face; the code still maps to cp,
			 * so the text extracts */
			pthread_mutex_lock(&cache_mu);
			face = primary(f, style);
			pthread_mutex_unlock(&cache_mu);
			i = doc_face(f, face);
			if (i < 0)
				i = 0;
			face = f->face[i];
			e->width = (uint16_t)face->notdef_w;
			e->cid = code_of(f, i, cp, 0, e->width);
			e->missing = 1;
		}
		e->face = (int16_t)i;
		e->key = key;
		f->hn++;
	}
	g->face = e->face;
	g->width = e->width;
	g->cid = e->cid;
	g->missing = e->missing;
	if (e->missing && !quiet)
		fonts_missing(f, &cp, 1);
}

int
fonts_unshaped(uint32_t cp)
{
	return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0x24F && cp != 0xAD) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF) || /* Vietnamese */
	       (cp >= 0x2000 && cp <= 0x200A) || /* spaces */
	       (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
	       (cp >= 0x20A0 && cp <= 0x20BF) || /* currency: ₫ */
	       (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303F) ||
	       (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309B && cp <= 0x30FF) || /* kana */
	       (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || /* Han */
	       (cp >= 0xAC00 && cp <= 0xD7A3) || /* hangul syllables */
	       (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
}

int
fonts_unshaped_agrees(struct fonts *f, int style, uint32_t cp)
{
	struct face *face = find_face(f, style & (FST_N - 1), cp);
	if (!face)
		return 1; /* drawn as a box either way */
	hb_codepoint_t nominal = 0;
	hb_font_get_nominal_glyph(face->font, cp, &nominal);
	hb_buffer_t *b = hb_buffer_create();
	hb_buffer_add_utf32(b, &cp, 1, 0, 1);
	hb_buffer_guess_segment_properties(b);
	hb_shape(face->font, b, NULL, 0);
	unsigned n;
	const hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(b, &n);
	const hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(b, &n);
	int same = n == 1 && gi[0].codepoint == nominal && !gp[0].x_offset && !gp[0].y_offset &&
	           !gp[0].y_advance &&
	           gp[0].x_advance == hb_font_get_glyph_h_advance(face->font, nominal);
	hb_buffer_destroy(b);
	return same;
}

/* Names of the scripts a warning may meet, by ISO 15924 tag. */
static const struct {
	char tag[5];
	const char *vi, *en;
} script_names[] = {
    {"Laoo", "chữ Lào", "Lao"},           {"Khmr", "chữ Khmer", "Khmer"},
    {"Thai", "chữ Thái", "Thai"},         {"Mymr", "chữ Myanmar", "Myanmar"},
    {"Hani", "chữ Hán", "Han"},           {"Hang", "chữ Hàn", "Hangul"},
    {"Hira", "chữ Hiragana", "Hiragana"}, {"Kana", "chữ Katakana", "Katakana"},
    {"Latn", "chữ Latinh", "Latin"},      {"Cyrl", "chữ Kirin", "Cyrillic"},
    {"Grek", "chữ Hy Lạp", "Greek"},      {"Arab", "chữ Ả Rập", "Arabic"},
    {"Hebr", "chữ Do Thái", "Hebrew"},    {"Deva", "chữ Devanagari", "Devanagari"},
    {"Beng", "chữ Bengal", "Bengali"},    {"Tibt", "chữ Tạng", "Tibetan"},
    {"Mong", "chữ Mông Cổ", "Mongolian"}, {"Tavt", "chữ Thái Việt", "Tai Viet"},
    {"Cham", "chữ Chăm", "Cham"},         {"Zyyy", "ký hiệu", "symbol"},
    {"Zinh", "dấu kết hợp", "combining"}, {"Zzzz", "chưa có trong Unicode", "unassigned"},
};

void
fonts_missing(struct fonts *f, const uint32_t *cp, size_t n)
{
	struct buf chars = BUF_INIT, codes = BUF_INIT;
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	hb_script_t script = HB_SCRIPT_UNKNOWN;
	size_t shown = 0;
	for (size_t k = 0; k < n; k++) {
		hb_script_t s = hb_unicode_script(uf, cp[k]);
		if (script == HB_SCRIPT_UNKNOWN || script == HB_SCRIPT_COMMON ||
		    script == HB_SCRIPT_INHERITED)
			if (s != HB_SCRIPT_COMMON || script == HB_SCRIPT_UNKNOWN)
				script = s;
		if (hb_set_has(f->warned, cp[k]))
			continue;
		hb_set_add(f->warned, cp[k]);
		if (++shown > 12) {
			if (shown == 13)
				buf_puts(&codes, " …");
			continue;
		}
		/* the character itself where a terminal shows it harmlessly: no
		 * control, separator or direction override */
		enum text_class tc = text_class(cp[k]);
		if ((tc == TEXT_LETTER || tc == TEXT_MARK || tc == TEXT_OTHER) && cp[k] > 0x20 &&
		    !(cp[k] >= 0x7F && cp[k] < 0xA0) && !(cp[k] >= 0x2028 && cp[k] <= 0x202E) &&
		    !(cp[k] >= 0x2066 && cp[k] <= 0x2069)) {
			char u[5];
			buf_puts(&chars, shown > 1 ? " " : "");
			buf_put(&chars, u, text_put_utf8(u, cp[k]));
		}
		buf_printf(&codes, "%sU+%04X", shown > 1 ? " " : "", (unsigned)cp[k]);
	}
	if (shown && f->warnings) {
		char tag[5] = {0};
		hb_tag_to_string(hb_script_to_iso15924_tag(script), tag);
		const char *name = NULL;
		for (size_t k = 0; k < sizeof script_names / sizeof script_names[0]; k++)
			if (!memcmp(script_names[k].tag, tag, 4))
				name = L(f->lang, script_names[k].vi, script_names[k].en);
		char *other = name ? NULL : xasprintf(L(f->lang, "chữ %s", "%s script"), tag);
		char *m = xasprintf(
		    L(f->lang, "không phông chữ nào có các ký tự %s %s (%s), vẽ thành ô vuông",
		      "no font has the %s characters %s (%s), drawn as boxes"),
		    name ? name : other, chars.len ? chars.data : "", codes.data);
		strlist_push(f->warnings, m);
		free(m);
		free(other);
	}
	buf_free(&chars);
	buf_free(&codes);
}

size_t
fonts_shape(struct fonts *f, int i, const uint32_t *text, size_t n, struct sglyph **out,
            size_t *cap)
{
	struct face *face = f->face[i];
	hb_buffer_t *b = hb_buffer_create();
	hb_buffer_add_utf32(b, text, (int)n, 0, (int)n);
	hb_buffer_guess_segment_properties(b);
	hb_shape(face->font, b, NULL, 0);
	f->code[i].shaped = 1;
	unsigned ng;
	const hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(b, &ng);
	const hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(b, &ng);
	*out = xgrow(*out, cap, ng + 1, sizeof **out);
	float em = 1000.0f / (float)face->upem;
	for (unsigned k = 0, j; k < ng; k = j) {
		/* one cluster: glyphs [k, j), characters [a, e) */
		uint32_t a = gi[k].cluster, e = (uint32_t)n;
		for (j = k + 1; j < ng && gi[j].cluster == a; j++)
			;
		if (j < ng)
			e = gi[j].cluster;
		/* plain: one character drawn by its own glyph, unmoved (a mark
		 * with its base is not: extractors would see it apart) */
		int plain = j - k == 1 && e - a == 1;
		for (unsigned g = k; g < j && plain; g++) {
			hb_codepoint_t nominal;
			plain = hb_font_get_nominal_glyph(face->font, text[a + g - k], &nominal) &&
			        nominal == gi[g].codepoint && !gp[g].x_offset && !gp[g].y_offset &&
			        gp[g].x_advance == hb_font_get_glyph_h_advance(face->font, nominal);
		}
		for (unsigned g = k; g < j; g++) {
			hb_codepoint_t glyph = gi[g].codepoint;
			uint32_t code = 0;
			if (plain)
				code = code_of(f, i, text[a + g - k], glyph,
				               (unsigned)gp[g].x_advance * 1000u / face->upem);
			hb_glyph_extents_t x = {0, 0, 0, 0};
			hb_font_get_glyph_extents(face->font, glyph, &x);
			(*out)[g] =
			    (struct sglyph){code,
			                    glyph,
			                    (float)gp[g].x_advance * em,
			                    (float)gp[g].x_offset * em,
			                    (float)gp[g].y_offset * em,
			                    (float)(gp[g].y_offset + x.y_bearing) * em,
			                    (float)(gp[g].y_offset + x.y_bearing + x.height) * em,
			                    a,
			                    !plain};
		}
	}
	hb_buffer_destroy(b);
	return ng;
}

static void
put_pt(struct buf *b, float x, float y, const char *op)
{
	/* what "%.0f %.0f %s" writes, without printf's cost on every point
	 * of every outline: the nearest integer, ties to even, "-0" for a
	 * negative that rounds to zero */
	float v[2] = {x, y};
	for (int k = 0; k < 2; k++) {
		double r = nearbyint((double)v[k]);
		if (!(fabs(r) < 1e15)) {
			buf_printf(b, "%.0f ", (double)v[k]);
			continue;
		}
		char t[24], *e = t + sizeof t, *p = e;
		*--p = ' ';
		long long n = llabs((long long)r);
		do
			*--p = (char)('0' + n % 10);
		while (n /= 10);
		if (signbit(r))
			*--p = '-';
		buf_put(b, p, (size_t)(e - p));
	}
	buf_puts(b, op);
}

static void
draw_move(hb_draw_funcs_t *d, void *b, hb_draw_state_t *st, float x, float y, void *u)
{
	put_pt(b, x, y, "m\n");
}

static void
draw_line(hb_draw_funcs_t *d, void *b, hb_draw_state_t *st, float x, float y, void *u)
{
	put_pt(b, x, y, "l\n");
}

static void
draw_quad(hb_draw_funcs_t *d, void *b, hb_draw_state_t *st, float cx, float cy, float x, float y,
          void *u)
{
	/* a quadratic Bézier as the cubic it is */
	put_pt(b, st->current_x + 2 * (cx - st->current_x) / 3,
	       st->current_y + 2 * (cy - st->current_y) / 3, "");
	buf_putc(b, ' ');
	put_pt(b, x + 2 * (cx - x) / 3, y + 2 * (cy - y) / 3, "");
	buf_putc(b, ' ');
	put_pt(b, x, y, "c\n");
}

static void
draw_cubic(hb_draw_funcs_t *d, void *b, hb_draw_state_t *st, float c1x, float c1y, float c2x,
           float c2y, float x, float y, void *u)
{
	put_pt(b, c1x, c1y, "");
	buf_putc(b, ' ');
	put_pt(b, c2x, c2y, "");
	buf_putc(b, ' ');
	put_pt(b, x, y, "c\n");
}

static void
draw_close(hb_draw_funcs_t *d, void *b, hb_draw_state_t *st, void *u)
{
	buf_puts(b, "h\n");
}

/* Made once for the process, whichever thread draws first. */
static hb_draw_funcs_t *draw_funcs;
static pthread_once_t draw_once = PTHREAD_ONCE_INIT;

static void
draw_funcs_make(void)
{
	hb_draw_funcs_t *df = hb_draw_funcs_create();
	hb_draw_funcs_set_move_to_func(df, draw_move, NULL, NULL);
	hb_draw_funcs_set_line_to_func(df, draw_line, NULL, NULL);
	hb_draw_funcs_set_quadratic_to_func(df, draw_quad, NULL, NULL);
	hb_draw_funcs_set_cubic_to_func(df, draw_cubic, NULL, NULL);
	hb_draw_funcs_set_close_path_func(df, draw_close, NULL, NULL);
	hb_draw_funcs_make_immutable(df);
	draw_funcs = df;
}

unsigned
fonts_glyph_path(const struct fonts *f, int i, uint32_t glyph, struct buf *b)
{
	pthread_once(&draw_once, draw_funcs_make);
	hb_font_get_glyph_shape(f->face[i]->font, glyph, draw_funcs, b);
	return f->face[i]->upem;
}

int
fonts_count(const struct fonts *f)
{
	return f->nface;
}

/* BaseFont: a tag of six capitals that differs between subsets of one face
 * (ISO 32000-1, 9.6.4), '+' and the PostScript name. */
static void
base_font(const struct face *face, const struct codes *c, char *out, size_t size)
{
	uint32_t h = 2166136261u;
	for (size_t k = 1; k < c->n; k++)
		h = (h ^ c->ucs[k]) * 16777619u;
	for (const char *p = face->ps; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	char tag[7];
	for (int k = 0; k < 6; k++, h /= 26)
		tag[k] = (char)('A' + h % 26);
	tag[6] = '\0';
	snprintf(out, size, "%s+%s", tag, face->ps);
}

/* Subsets made in this run, by face and what was asked of it.  Reports of
 * one collection draw mostly the same letters (1,000 generated records:
 * 4,862 subsets, 1,408 different ones), and a subset, deflated, is the same
 * bytes each time.  Four ways a set, the least recently used one out: at
 * most 1,024 subsets of at most 16 KB, however many documents.  With 256
 * of them, some 1,980 subsets were made for those 1,408; with 1,024, some
 * 1,490, for 4 MB more at the end of the run (the set a subset falls in
 * follows where its face is in memory, so the counts vary a little from
 * run to run; the bytes written do not). */
#define SUBSET_SETS 256
#define SUBSET_WAYS 4
#define SUBSET_KEPT 16384 /* larger subsets (many CJK glyphs) are not kept */

struct subset {
	struct face *face;
	uint32_t *key; /* shaped, number of code points, code points, glyphs */
	size_t nkey;
	uint32_t hash;    /* of face and key */
	size_t len;       /* bytes of the subset (Length1) */
	unsigned char *z; /* the subset deflated */
	size_t zlen;
	uint32_t *gmap; /* pairs, by the first: glyph of the face, of the subset */
	size_t ngmap;
	unsigned long used; /* clock of its last use */
};

static struct subset *subsets[SUBSET_SETS][SUBSET_WAYS];
static unsigned long subset_clock;
static pthread_mutex_t subset_mu = PTHREAD_MUTEX_INITIALIZER;

static void
subset_free(struct subset *s)
{
	if (!s)
		return;
	free(s->key);
	free(s->z);
	free(s->gmap);
	free(s);
}

/* The subset of face that in asks for, its key and hash; no z yet. */
static struct subset *
subset_ask(struct face *face, int shaped, hb_set_t *unicodes, hb_set_t *glyphs)
{
	struct subset *s = xcalloc(1, sizeof *s);
	size_t nu = hb_set_get_population(unicodes), ng = hb_set_get_population(glyphs);
	s->face = face;
	s->nkey = 2 + nu + ng;
	s->key = xcalloc(s->nkey, sizeof *s->key);
	s->key[0] = (uint32_t)shaped;
	s->key[1] = (uint32_t)nu;
	size_t n = 2;
	for (hb_codepoint_t v = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &v);)
		s->key[n++] = v;
	for (hb_codepoint_t v = HB_SET_VALUE_INVALID; hb_set_next(glyphs, &v);)
		s->key[n++] = v;
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)&face, *e = p + sizeof face; p < e;
	     p++)
		h = (h ^ *p) * 16777619u;
	for (size_t k = 0; k < s->nkey; k++)
		h = (h ^ s->key[k]) * 16777619u;
	s->hash = h;
	return s;
}

static int
subset_same(const struct subset *a, const struct subset *b)
{
	return a->face == b->face && a->nkey == b->nkey &&
	       !memcmp(a->key, b->key, a->nkey * sizeof *a->key);
}

static int
gmap_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* e's z, len and gid from the kept subset like ask, if there is one that
 * has every glyph of c; 0 otherwise. */
static int
subset_reuse(const struct subset *ask, const struct codes *c, struct font_embed *e)
{
	int found = 0;
	pthread_mutex_lock(&subset_mu);
	struct subset **set = subsets[ask->hash % SUBSET_SETS];
	for (int w = 0; w < SUBSET_WAYS && !found; w++) {
		struct subset *s = set[w];
		if (!s || s->hash != ask->hash || !subset_same(s, ask))
			continue;
		uint16_t *gid = xcalloc(c->n, sizeof *gid);
		size_t k = 1;
		for (; k < c->n; k++) {
			if (!c->glyph[k])
				continue;
			uint32_t g = c->glyph[k];
			const uint32_t *p =
			    bsearch(&g, s->gmap, s->ngmap, 2 * sizeof *s->gmap, gmap_cmp);
			if (!p)
				break;
			gid[k] = (uint16_t)p[1];
		}
		if (k < c->n) {
			free(gid);
			break;
		}
		e->gid = gid;
		e->len = s->len;
		e->zlen = s->zlen;
		e->z = xmalloc(s->zlen);
		memcpy(e->z, s->z, s->zlen);
		s->used = ++subset_clock;
		found = 1;
	}
	pthread_mutex_unlock(&subset_mu);
	return found;
}

void
fonts_embed_keep(struct font_embed *e, const unsigned char *z, size_t zlen)
{
	struct subset *s = e->made;
	if (!s || zlen > SUBSET_KEPT)
		return;
	e->made = NULL;
	s->z = xmalloc(zlen ? zlen : 1);
	memcpy(s->z, z, zlen);
	s->zlen = zlen;
	pthread_mutex_lock(&subset_mu);
	struct subset **set = subsets[s->hash % SUBSET_SETS];
	int w = 0;
	for (int k = 0; k < SUBSET_WAYS; k++) {
		if (set[k] && set[k]->hash == s->hash && subset_same(set[k], s)) {
			w = -1; /* kept meanwhile by another thread */
			break;
		}
		if (!set[k] || (set[w] && set[k]->used < set[w]->used))
			w = k;
	}
	if (w >= 0) {
		subset_free(set[w]);
		s->used = ++subset_clock;
		set[w] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&subset_mu);
	subset_free(s);
}

/* Drops the kept subsets. */
static void
subsets_clear(void)
{
	for (size_t i = 0; i < SUBSET_SETS; i++)
		for (size_t w = 0; w < SUBSET_WAYS; w++) {
			subset_free(subsets[i][w]);
			subsets[i][w] = NULL;
		}
}

int
fonts_embed(struct fonts *f, int i, struct font_embed *e, char **err)
{
	int rc = 0;
	memset(e, 0, sizeof *e);
	struct face *face = f->face[i];
	const struct codes *c = &f->code[i];
	hb_subset_plan_t *plan = NULL;
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	hb_subset_input_t *in = NULL;
	/* by code point, not glyph: given glyphs, HarfBuzz 6 walks the whole
	 * cmap for the code points that reach them (50,000 in a CJK face) */
	hb_set_t *unicodes = hb_set_create(), *glyphs = hb_set_create();
	for (size_t k = 1; k < c->n; k++)
		if (c->glyph[k] && hb_map_get(c->of_cp, c->ucs[k]) == k)
			hb_set_add(unicodes, c->ucs[k]);
		else if (c->glyph[k])
			hb_set_add(glyphs, c->glyph[k]);
	struct subset *ask = subset_ask(face, c->shaped, unicodes, glyphs);
	if (subset_reuse(ask, c, e)) {
		subset_free(ask);
		goto done;
	}
	e->made = ask;
	/* the subset's input only now: making one costs as much as a kept
	 * subset saves */
	in = hb_subset_input_create_or_fail();
	if (!in) {
		*err = xstrdup("hb_subset_input_create_or_fail failed");
		goto out;
	}
	hb_set_set(hb_subset_input_unicode_set(in), unicodes);
	hb_set_set(hb_subset_input_glyph_set(in), glyphs);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
	hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
	hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
	hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
	/* a face runs were shaped with keeps its glyph ids, so that a reader's
	 * tools name the same glyphs as the font and a shaper do (hb-shape) */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING |
	                                  (c->shaped ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0));
	/* names: copyright, family, style, full and PostScript name */
	hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
	hb_set_clear(names);
	static const unsigned keep[] = {0, 1, 2, 4, 6};
	for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++)
		hb_set_add(names, keep[k]);
	/* Subsetting a face reads its cmap and glyph tables into HarfBuzz's
	 * lookup structures each time; a face prepared for subsetting keeps
	 * them, for the same subsets.  Preparing costs about what as many
	 * subsets as a sixteenth of the face's glyphs save (Liberation Serif:
	 * 160; a CJK face: thousands), so a face is prepared only after that
	 * many subsets in the run, and short runs never pay for it. */
	pthread_mutex_lock(&cache_mu);
	if (!face->pre && ++face->subsets > PREPARE_AFTER &&
	    face->subsets > hb_face_get_glyph_count(face->hb) / 16)
		face->pre = hb_subset_preprocess(face->hb);
	hb_face_t *src = face->pre ? face->pre : face->hb;
	pthread_mutex_unlock(&cache_mu);
	plan = hb_subset_plan_create_or_fail(src, in);
	sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	if (!sub) {
		*err = xasprintf("cannot subset %s", face->path);
		goto out;
	}
	/* the subset keeps whole composite glyphs, nested components too */
	blob = hb_face_reference_blob(sub);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	if (!data || !len) {
		*err = xasprintf("cannot subset %s", face->path);
		goto out;
	}
	e->ttf = xmalloc(len);
	memcpy(e->ttf, data, len);
	e->len = len;
	const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	e->ncodes = c->n - 1;
	e->gid = xcalloc(c->n, sizeof *e->gid);
	for (size_t k = 1; k < c->n; k++) {
		hb_codepoint_t g = c->glyph[k] ? hb_map_get(to_new, c->glyph[k]) : 0;
		e->gid[k] = g == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)g;
	}
	/* what the subset made of each glyph drawn, for fonts_embed_keep */
	ask->len = len;
	ask->gmap = xcalloc(2 * c->n, sizeof *ask->gmap);
	for (size_t k = 1; k < c->n; k++)
		if (c->glyph[k]) {
			ask->gmap[2 * ask->ngmap] = c->glyph[k];
			ask->gmap[2 * ask->ngmap++ + 1] = e->gid[k];
		}
	qsort(ask->gmap, ask->ngmap, 2 * sizeof *ask->gmap, gmap_cmp);
done:
	e->ncodes = c->n - 1;
	e->width = c->width;
	e->ucs = c->ucs;
	e->m = face->m;
	base_font(face, c, e->name, sizeof e->name);
	rc = 1;
out:
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	hb_subset_input_destroy(in);
	hb_set_destroy(unicodes);
	hb_set_destroy(glyphs);
	return rc;
}

void
font_embed_free(struct font_embed *e)
{
	free(e->ttf);
	free(e->z);
	free(e->gid);
	subset_free(e->made);
	memset(e, 0, sizeof *e);
}

uint32_t
fonts_hidden_code(struct fonts *f, int i, uint32_t cp)
{
	struct codes *c = &f->code[i];
	hb_codepoint_t k = hb_map_get(c->of_hidden, cp), glyph = 0;
	if (k != HB_MAP_VALUE_INVALID)
		return k;
	hb_font_get_nominal_glyph(f->face[i]->font, cp, &glyph);
	struct face *face = f->face[i];
	unsigned w = (unsigned)hb_font_get_glyph_h_advance(face->font, glyph) * 1000u / face->upem;
	k = new_code(c, cp, glyph, w > HIDDEN_W ? w : HIDDEN_W);
	if (k)
		hb_map_set(c->of_hidden, cp, k);
	return k;
}

int
fonts_code_width(const struct fonts *f, int face, uint32_t code)
{
	if (face < 0 || face >= f->nface || code >= f->code[face].n)
		return 0;
	return f->code[face].width[code];
}

uint32_t
fonts_code_text(const struct fonts *f, int face, uint32_t code)
{
	if (face < 0 || face >= f->nface || !code || code >= f->code[face].n)
		return 0;
	return f->code[face].ucs[code];
}

void
fonts_cache_clear(void)
{
	subsets_clear();
	for (size_t i = 0; i < cache.nfaces; i++) {
		hb_font_destroy(cache.faces[i]->font);
		hb_face_destroy(cache.faces[i]->hb);
		hb_face_destroy(cache.faces[i]->pre);
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
	for (int k = 0; k < cache.nfamily; k++)
		free(cache.family[k]);
	free(cache.known);
	if (cache.fc)
		FcFini();
	memset(&cache, 0, sizeof cache);
}
