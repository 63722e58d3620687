/*
 * pdf_hpdf.c: the only file that includes libharu (pdf_hpdf.h).  libharu
 * keeps the object tree and its serialization (numbering, cross-reference
 * table, trailer), the page tree, link annotations and destinations,
 * outlines, the information dictionary and PNG and JPEG images.  What it
 * gets wrong with TrueType and Unicode (as measured on 2.3.0) is done by
 * debrief instead: font dictionaries (pdf_fontdict.c), content streams
 * (pdf_content.c, pdf_out.c), ToUnicode CMaps (pdf_tounicode.c), text
 * strings (here) and deflating (pdf_deflate.c).
 *
 * libharu's internals this file relies on, as read in the headers of
 * libharu 2.3.0 (hpdf_objects.h, hpdf_pages.h, hpdf_streams.h):
 * - struct _HPDF_Doc's mmgr, xref and info: new dictionaries, streams,
 *   arrays and strings are made in the document's memory manager and
 *   added to its cross-reference table (HPDF_Dict_New, HPDF_DictStream_New,
 *   HPDF_Xref_Add), and the document information dictionary gets title,
 *   author and subject as UTF-16 text strings written here, which
 *   HPDF_SetInfoAttr would pass through its own encoders;
 * - a dictionary's list of elements, an element's hidden flag
 *   (HPDF_OTYPE_HIDDEN in its obj_id: libharu writes no hidden element)
 *   and the dictionary's write_fn: a text string in UTF-16 (a title, a
 *   bookmark's) is held hidden and written by a hook as a literal string
 *   of its bytes, half the size of libharu's hexadecimal;
 * - a stream dictionary's filter, stream and write_fn: a stream deflated
 *   by pdf_deflate.c (one z_stream for the document or the thread, level 3) is written as it is and
 *   its /Filter named by a write hook, since libharu names a filter only
 *   for what it deflates itself, at its own level, with a fresh z_stream
 *   per stream;
 * - a page's attr->contents: the page's content stream, written by
 *   debrief in one piece rather than operator by operator through
 *   HPDF_Page_*;
 * - HPDF_Page_GetLocalFontName and HPDF_Page_GetXObjectName: the resource
 *   names of fonts and forms made outside libharu's font loaders;
 * - struct _HPDF_Doc's stream, which HPDF_SaveToStream writes the
 *   document into (HPDF_CallbackWriter_New: straight into debrief's
 *   buffer) and empties only when it is a memory stream;
 * - HPDF_MemCpy, which libharu calls through the dynamic linker for every
 *   byte it moves between streams, and HPDF_MemSet and HPDF_StrLen, for
 *   every buffer it clears and every name and string it writes: defined
 *   below, so that libharu's calls reach them instead.
 * Another release may move or change any of these without a word, so the
 * build stops on any other version than the one they were read from.
 */
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf_deflate.h"
#include "pdf_hpdf.h"
#include "text.h"
#include "xalloc.h"

#if !defined(HPDF_MAJOR_VERSION) || HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3 ||          \
    HPDF_BUGFIX_VERSION != 0
#error                                                                                             \
    "pdf_hpdf.c uses libharu 2.3.0's internal object layer: read the internals listed above again in this libharu's headers, then change this check"
#endif

struct hpdf {
	HPDF_Doc doc;        /* owned */
	HPDF_STATUS err;     /* first libharu error, 0 if none */
	HPDF_STATUS detail;  /* its detail number */
	struct deflater *zd; /* deflates every stream of the document */
	struct deflater own; /* zd when the caller keeps none */
	int plain_links;     /* hpdf_plain_links */
};

/* libharu copies each byte of each stream four times (into the stream,
 * out of it into the document, out of that) through HPDF_MemCpy, a loop
 * of one byte at a time: the same copy by libc, returning the end of what
 * was written as libharu's does.  libharu's own calls resolve to this one
 * because libharu is linked as a shared library (-lhpdf). */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	memmove(out, in, n);
	return out + n;
}

/* Two more loops of one byte at a time, for the buffers libharu clears
 * and the names and strings it measures as it writes each object: the
 * same by libc.  HPDF_MemSet returns the end of what it set, HPDF_StrLen
 * counts up to maxlen bytes unless maxlen is negative, and 0 for NULL. */
void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

HPDF_UINT
HPDF_StrLen(const char *s, HPDF_INT maxlen)
{
	if (!s)
		return 0;
	return (HPDF_UINT)(maxlen < 0 ? strlen(s) : strnlen(s, (size_t)maxlen));
}

/* libharu asks for some 1,500 pieces of memory a document and gives each
 * back at its end, one by one; its own pool (HPDF_NewEx's
 * mem_pool_buf_size) hands out pieces without alignment.  Instead: pieces
 * cut from large blocks, aligned as malloc's, all given back at once when
 * the thread's last document is freed.  libharu's allocator takes no
 * argument to find a document's blocks by, hence one set a thread (a
 * document is made and freed on one thread). */
#define ARENA_BLOCK (128 * 1024)

struct ablock {
	struct ablock *next;
	size_t used, size;
	max_align_t data[];
};

static _Thread_local struct {
	struct ablock *b; /* the block pieces are cut from, then older ones */
	int docs;         /* documents alive on this thread */
} arena;

static void *
arena_alloc(HPDF_UINT size)
{
	size_t n = ((size_t)size + sizeof(max_align_t) - 1) / sizeof(max_align_t);
	n = (n ? n : 1) * sizeof(max_align_t);
	struct ablock *b = arena.b;
	if (b && b->size - b->used >= n) {
		void *p = (char *)b->data + b->used;
		b->used += n;
		return p;
	}
	size_t size_b = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
	struct ablock *nb = malloc(sizeof *nb + size_b);
	if (!nb)
		return NULL; /* libharu records the failure */
	nb->size = size_b;
	nb->used = n;
	if (b && size_b == n) { /* a large piece of its own, behind the block */
		nb->next = b->next;
		b->next = nb;
	} else {
		nb->next = b;
		arena.b = nb;
	}
	return nb->data;
}

static void
arena_free(void *p)
{
	(void)p; /* given back with its block */
}

/* One document less on this thread: the last one gives the blocks back. */
static void
arena_release(void)
{
	if (--arena.docs > 0)
		return;
	while (arena.b) {
		struct ablock *next = arena.b->next;
		free(arena.b);
		arena.b = next;
	}
}

/* Every libharu object is a pointer to a structure that starts with its
 * object header; the opaque type of the header stands for all of them. */
#define OBJ(p) ((struct hpdf_obj *)(void *)(p))
#define DICT(p) ((HPDF_Dict)(void *)(p))
#define ARRAY(p) ((HPDF_Array)(void *)(p))

/* libharu reports here and goes on; we check h->err where it matters. */
static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	struct hpdf *h = user;
	if (!h->err) {
		h->err = e;
		h->detail = detail;
	}
}

struct hpdf *
hpdf_new(struct deflater *zd, char **err)
{
	struct hpdf *h = xcalloc(1, sizeof *h);
	h->zd = zd ? zd : &h->own;
	arena.docs++;
	h->doc = HPDF_NewEx(on_error, arena_alloc, arena_free, 0, h);
	if (!h->doc) {
		arena_release();
		free(h);
		*err = xstrdup("libharu: cannot create a document");
		return NULL;
	}
	HPDF_SetCompressionMode(h->doc, HPDF_COMP_ALL);
	if (hpdf_failed(h, "setting up", err)) {
		hpdf_free(h);
		return NULL;
	}
	return h;
}

void
hpdf_free(struct hpdf *h)
{
	if (!h)
		return;
	HPDF_Free(h->doc);
	arena_release();
	deflater_end(&h->own);
	free(h);
}

int
hpdf_failed(struct hpdf *h, const char *what, char **err)
{
	/* some faults are only recorded (HPDF_SetError), not reported */
	if (!h->err && HPDF_GetError(h->doc)) {
		h->err = HPDF_GetError(h->doc);
		h->detail = HPDF_GetErrorDetail(h->doc);
	}
	if (!h->err)
		return 0;
	*err = xasprintf("libharu: %s: error 0x%04X (detail %u)", what, (unsigned)h->err,
	                 (unsigned)h->detail);
	return 1;
}

/* The /Filter of a stream whose data is deflated by debrief: libharu names a
 * filter only for what it deflates itself. */
static HPDF_STATUS
flate_key(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* Writes z[zlen], deflated data, into stream dictionary s as it is. */
static int
put_flate(HPDF_Dict s, const void *z, size_t zlen)
{
	if (zlen > UINT_MAX / 2)
		return 0;
	s->filter = HPDF_STREAM_FILTER_NONE;
	s->write_fn = flate_key;
	return HPDF_Stream_Write(s->stream, z, (HPDF_UINT)zlen) == HPDF_OK;
}

/* Writes data deflated (pdf_deflate.c) into stream dictionary s. */
static int
put_deflated(struct hpdf *h, HPDF_Dict s, const void *data, size_t len)
{
	return deflater_run(h->zd, data, len) && put_flate(s, h->zd->out, h->zd->len);
}

struct hpdf_obj *
hpdf_dict(struct hpdf *h)
{
	HPDF_Dict d = HPDF_Dict_New(h->doc->mmgr);
	if (d && HPDF_Xref_Add(h->doc->xref, d) != HPDF_OK)
		return NULL; /* Xref_Add frees it */
	return OBJ(d);
}

struct hpdf_obj *
hpdf_dict_direct(struct hpdf *h)
{
	return OBJ(HPDF_Dict_New(h->doc->mmgr));
}

struct hpdf_obj *
hpdf_array(struct hpdf *h)
{
	return OBJ(HPDF_Array_New(h->doc->mmgr));
}

struct hpdf_obj *
hpdf_stream(struct hpdf *h, const void *data, size_t len)
{
	HPDF_Dict s = HPDF_DictStream_New(h->doc->mmgr, h->doc->xref);
	return s && put_deflated(h, s, data, len) ? OBJ(s) : NULL;
}

struct hpdf_obj *
hpdf_stream_deflated(struct hpdf *h, const void *z, size_t zlen)
{
	HPDF_Dict s = HPDF_DictStream_New(h->doc->mmgr, h->doc->xref);
	return s && put_flate(s, z, zlen) ? OBJ(s) : NULL;
}

const unsigned char *
hpdf_deflated(const struct hpdf *h, size_t *len)
{
	*len = h->zd->len;
	return h->zd->out;
}

struct hpdf_obj *
hpdf_string(struct hpdf *h, const char *s)
{
	return OBJ(HPDF_String_New(h->doc->mmgr, s, NULL));
}

void
hpdf_dict_add(struct hpdf_obj *d, const char *key, struct hpdf_obj *obj)
{
	HPDF_Dict_Add(DICT(d), key, obj);
}

void
hpdf_dict_num(struct hpdf_obj *d, const char *key, int32_t v)
{
	HPDF_Dict_AddNumber(DICT(d), key, v);
}

void
hpdf_dict_name(struct hpdf_obj *d, const char *key, const char *name)
{
	HPDF_Dict_AddName(DICT(d), key, name);
}

void
hpdf_array_add(struct hpdf_obj *a, struct hpdf_obj *obj)
{
	HPDF_Array_Add(ARRAY(a), obj);
}

void
hpdf_array_num(struct hpdf_obj *a, int32_t v)
{
	HPDF_Array_AddNumber(ARRAY(a), v);
}

struct hpdf_obj *
hpdf_page(struct hpdf *h, float w, float ht)
{
	HPDF_Page page = HPDF_AddPage(h->doc);
	if (!page || h->err)
		return NULL;
	HPDF_Page_SetWidth(page, w);
	HPDF_Page_SetHeight(page, ht);
	return OBJ(page);
}

int
hpdf_page_contents(struct hpdf *h, struct hpdf_obj *page, const void *data, size_t len)
{
	HPDF_PageAttr pa = (HPDF_PageAttr)DICT(page)->attr;
	if (put_deflated(h, pa->contents, data, len))
		return 1;
	if (!h->err)
		h->err = HPDF_FAILD_TO_ALLOC_MEM;
	return 0;
}

const char *
hpdf_font_name(struct hpdf_obj *page, struct hpdf_obj *font)
{
	return HPDF_Page_GetLocalFontName(DICT(page), DICT(font));
}

const char *
hpdf_xobject_name(struct hpdf_obj *page, struct hpdf_obj *xobject)
{
	return HPDF_Page_GetXObjectName(DICT(page), DICT(xobject));
}

struct hpdf_obj *
hpdf_image(struct hpdf *h, const void *data, size_t len, int png)
{
	HPDF_Image im = png ? HPDF_LoadPngImageFromMem(h->doc, data, (HPDF_UINT)len)
	                    : HPDF_LoadJpegImageFromMem(h->doc, data, (HPDF_UINT)len);
	if (!im || h->err) {
		HPDF_ResetError(h->doc);
		h->err = 0;
		return NULL;
	}
	return OBJ(im);
}

/* [page /XYZ left top null]: keeps the reader's zoom, which
 * HPDF_Destination_SetXYZ cannot express. */
static HPDF_Destination
dest(struct hpdf *h, struct hpdf_obj *page, float top)
{
	HPDF_Destination d = HPDF_Page_CreateDestination(DICT(page));
	if (!d)
		return NULL;
	HPDF_Array_Clear(d);
	HPDF_Array_Add(d, DICT(page));
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_AddReal(d, 0);
	HPDF_Array_AddReal(d, top);
	HPDF_Array_Add(d, HPDF_Null_New(h->doc->mmgr));
	return d;
}

/* A link to a URI as HPDF_Page_CreateURILinkAnnot, then
 * HPDF_LinkAnnot_SetBorderStyle(0, 0, 0) and /F 4 would make it, held as
 * what it is made of rather than as some twenty libharu objects (over
 * 4 KB a link: 12 MB for the 2,500 links of a long archive page): its
 * dictionary is in the cross-reference table and the page's /Annots as
 * theirs would be, has no entries, and writes what theirs would hold, in
 * their order and form (uri_link_write). */
struct uri_link {
	HPDF_REAL rect[4]; /* left, bottom, right, top (top >= bottom) */
	HPDF_Dict page;
	char uri[]; /* at most HPDF_LIMIT_MAX_STRING_LEN bytes */
};

static HPDF_STATUS
uri_link_write(HPDF_Dict d, HPDF_Stream s)
{
	const struct uri_link *l = d->attr;
	HPDF_STATUS r = HPDF_Stream_WriteStr(s, "/Rect [ ");
	for (int i = 0; i < 4 && r == HPDF_OK; i++)
		if ((r = HPDF_Stream_WriteReal(s, l->rect[i])) == HPDF_OK)
			r = HPDF_Stream_WriteChar(s, ' ');
	if (r == HPDF_OK)
		r = HPDF_Stream_WriteStr(s, "]\012/Type /Annot\012/Subtype /Link\012/A <<\012"
		                            "/Type /Action\012/S /URI\012/URI ");
	if (r == HPDF_OK)
		r = HPDF_Stream_WriteEscapeText(s, l->uri);
	char ref[64]; /* the page, as a proxy of it is written */
	snprintf(ref, sizeof ref, "\012>>\012/P %u %u R\012/Border [ 0 0 0 ]\012/F 4\012",
	         (unsigned)(l->page->header.obj_id & 0x00FFFFFF), (unsigned)l->page->header.gen_no);
	return r == HPDF_OK ? HPDF_Stream_WriteStr(s, ref) : r;
}

/* The link as uri_link, or 0 when it is one libharu's own way must make
 * (and report on): no URI or one too long, a corner out of its range. */
static int
uri_link(struct hpdf *h, HPDF_Dict page, const float rect[4], const char *uri)
{
	size_t n = strnlen(uri, HPDF_LIMIT_MAX_STRING_LEN + 1);
	if (!n || n > HPDF_LIMIT_MAX_STRING_LEN || !HPDF_Page_Validate(page))
		return 0;
	for (int i = 0; i < 4; i++)
		if (!(rect[i] >= HPDF_LIMIT_MIN_REAL && rect[i] <= HPDF_LIMIT_MAX_REAL))
			return 0;
	HPDF_MMgr mm = h->doc->mmgr;
	HPDF_Dict a = HPDF_Dict_New(mm);
	if (!a || HPDF_Xref_Add(h->doc->xref, a) != HPDF_OK)
		return 1; /* the error is recorded; Xref_Add frees a */
	a->header.obj_class |= HPDF_OSUBCLASS_ANNOTATION;
	struct uri_link *l = HPDF_GetMem(mm, (HPDF_UINT)(sizeof *l + n + 1));
	if (!l)
		return 1;
	int flip = rect[3] < rect[1];
	l->rect[0] = rect[0];
	l->rect[1] = flip ? rect[3] : rect[1];
	l->rect[2] = rect[2];
	l->rect[3] = flip ? rect[1] : rect[3];
	l->page = page;
	memcpy(l->uri, uri, n + 1);
	a->attr = l;
	a->write_fn = uri_link_write;
	HPDF_Array annots = HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY);
	if (!annots) {
		if (!(annots = HPDF_Array_New(mm)) ||
		    HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK)
			return 1;
	}
	HPDF_Array_Add(annots, a);
	return 1;
}

void
hpdf_plain_links(struct hpdf *h)
{
	h->plain_links = 1;
}

void
hpdf_link(struct hpdf *h, struct hpdf_obj *page, const float rect[4], struct hpdf_obj *to,
          float top, const char *uri)
{
	if (!to && uri && !h->plain_links && uri_link(h, DICT(page), rect, uri))
		return;
	HPDF_Rect r = {rect[0], rect[1], rect[2], rect[3]};
	HPDF_Annotation a = to ? HPDF_Page_CreateLinkAnnot(DICT(page), r, dest(h, to, top))
	                       : HPDF_Page_CreateURILinkAnnot(DICT(page), r, uri);
	if (a) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4); /* print */
	}
}

/* A dictionary's text strings in UTF-16 (text_put), written as literal
 * strings of their bytes: libharu writes a binary string in hexadecimal,
 * twice its size, and a document's title and each bookmark's are in the
 * file uncompressed.  Only the three bytes a literal string must escape,
 * and the ends of lines a reader would turn into another, are escaped. */
static HPDF_STATUS
text_strings_write(HPDF_Dict d, HPDF_Stream s)
{
	for (HPDF_UINT i = 0; i < d->list->count; i++) {
		HPDF_DictElement e = HPDF_List_ItemAt(d->list, i);
		const HPDF_Obj_Header *hd = e->value;
		if (!(hd->obj_id & HPDF_OTYPE_HIDDEN) ||
		    (hd->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_BINARY || e->key[0] == '_')
			continue;
		const HPDF_Binary b = e->value;
		struct buf o = BUF_INIT;
		buf_printf(&o, "/%s (", e->key);
		for (HPDF_UINT k = 0; k < b->len; k++) {
			unsigned char c = b->value[k];
			if (c == '(' || c == ')' || c == '\\') {
				buf_putc(&o, '\\');
				buf_putc(&o, (char)c);
			} else if (c == '\r')
				buf_puts(&o, "\\r");
			else if (c == '\n')
				buf_puts(&o, "\\n");
			else
				buf_putc(&o, (char)c);
		}
		buf_puts(&o, ")\012");
		HPDF_STATUS r = HPDF_Stream_Write(s, (const HPDF_BYTE *)o.data, (HPDF_UINT)o.len);
		buf_free(&o);
		if (r != HPDF_OK)
			return r;
	}
	return HPDF_OK;
}

/* d's entry key, a PDF text string of UTF-8 s: ASCII as it is, anything
 * else as UTF-16BE after a byte order mark (libharu's UTF-8 encoder would
 * do the same, at the cost of building its 65,536-entry tables), held
 * hidden from libharu's writing and written by text_strings_write. */
static void
text_put(struct hpdf *h, HPDF_Dict d, const char *key, const char *s)
{
	size_t len = strnlen(s, 16000); /* libharu's strings hold 65,535 bytes */
	int ascii = 1;
	for (size_t k = 0; k < len; k++)
		if ((unsigned char)s[k] >= 0x80)
			ascii = 0;
	if (ascii) {
		char *z = xstrndup(s, len);
		HPDF_Dict_Add(d, key, HPDF_String_New(h->doc->mmgr, z, NULL));
		free(z);
		return;
	}
	struct buf b = BUF_INIT;
	buf_put(&b, "\xFE\xFF", 2);
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		uint32_t c = text_next_cp(&p);
		if (c > 0xFFFF) {
			c -= 0x10000;
			uint32_t hi = 0xD800 + (c >> 10), lo = 0xDC00 + (c & 0x3FF);
			char u[4] = {(char)(hi >> 8), (char)hi, (char)(lo >> 8), (char)lo};
			buf_put(&b, u, 4);
		} else {
			char u[2] = {(char)(c >> 8), (char)c};
			buf_put(&b, u, 2);
		}
	}
	HPDF_Binary r = HPDF_Binary_New(h->doc->mmgr, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	buf_free(&b);
	if (!r)
		return; /* the error is recorded */
	r->header.obj_id |= HPDF_OTYPE_HIDDEN;
	if (HPDF_Dict_Add(d, key, r) == HPDF_OK)
		d->write_fn = text_strings_write;
}

struct hpdf_obj *
hpdf_outline(struct hpdf *h, struct hpdf_obj *parent, const char *title, int opened,
             struct hpdf_obj *page, float top)
{
	HPDF_Outline ol = HPDF_CreateOutline(h->doc, DICT(parent), "", NULL);
	if (!ol)
		return NULL;
	text_put(h, ol, "Title", title);
	HPDF_Outline_SetOpened(ol, opened);
	HPDF_Outline_SetDestination(ol, dest(h, page, top));
	return OBJ(ol);
}

void
hpdf_show_outlines(struct hpdf *h)
{
	HPDF_SetPageMode(h->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

void
hpdf_info(struct hpdf *h, const char *creator, const char *title, const char *author,
          const char *subject, long long epoch)
{
	/* creates the info dictionary, which the text strings go into */
	HPDF_SetInfoAttr(h->doc, HPDF_INFO_CREATOR, creator);
	HPDF_Dict dict = h->doc->info;
	if (!dict)
		return;
	if (title && *title)
		text_put(h, dict, "Title", title);
	if (author && *author)
		text_put(h, dict, "Author", author);
	if (subject && *subject)
		text_put(h, dict, "Subject", subject);
	if (epoch >= 0) {
		time_t t = (time_t)epoch;
		struct tm tm;
		if (gmtime_r(&t, &tm) && tm.tm_year + 1900 <= 9999) {
			HPDF_Date d = {
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			    tm.tm_sec,         'Z',           0,          0};
			HPDF_SetInfoDateAttr(h->doc, HPDF_INFO_CREATION_DATE, d);
			HPDF_SetInfoDateAttr(h->doc, HPDF_INFO_MOD_DATE, d);
		}
	}
}

void
hpdf_lang(struct hpdf *h, const char *tag)
{
	if (tag && *tag && h->doc->catalog)
		text_put(h, h->doc->catalog, "Lang", tag);
}

/* The document's bytes, as libharu writes them, put straight into out. */
static HPDF_STATUS
save_write(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n)
{
	buf_put(s->attr, p, n);
	return HPDF_OK;
}

int
hpdf_save(struct hpdf *h, struct buf *out, char **err)
{
	/* HPDF_SaveToStream writes into the document's stream, which it
	 * makes a memory stream of 4 KB blocks unless there is one, leaving
	 * any other kind as it is: a stream writing into out spares that
	 * stream's 2,000 writes a document and the copy read back from it */
	HPDF_Doc d = h->doc;
	buf_reserve(out, 65536); /* most documents at once */
	if (d->stream)
		HPDF_Stream_Free(d->stream);
	d->stream = HPDF_CallbackWriter_New(d->mmgr, save_write, out);
	HPDF_STATUS saved = d->stream ? HPDF_SaveToStream(d) : HPDF_FAILD_TO_ALLOC_MEM;
	if (d->stream)
		HPDF_Stream_Free(d->stream);
	d->stream = NULL;
	if (hpdf_failed(h, "saving", err))
		return 0;
	if (saved != HPDF_OK) {
		*err = xasprintf("libharu: saving: error 0x%04X", (unsigned)saved);
		return 0;
	}
	return 1;
}
