/*
 * pdf_dl.c: the display list (pdf_dl.h): adding items, freeing it.
 */
#include "pdf_dl.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
dl_free(struct dl *dl)
{
	if (!dl)
		return;
	free(dl->items);
	buf_free(&dl->text);
	free(dl->glyphs);
	free(dl->marks);
	for (size_t i = 0; i < dl->nanchors; i++)
		free(dl->anchors[i].name);
	free(dl->anchors);
	for (size_t i = 0; i < dl->nimages; i++) {
		free(dl->images[i].data);
		free(dl->images[i].path);
	}
	free(dl->images);
	free(dl->first_heading);
	free(dl);
}

struct dl_item *
dl_push(struct dl *dl, int page, int kind)
{
	dl->items = xgrow(dl->items, &dl->cap, dl->n + 1, sizeof *dl->items);
	struct dl_item *it = &dl->items[dl->n++];
	memset(it, 0, sizeof *it);
	it->page = page;
	it->kind = (uint8_t)kind;
	it->dest = -1;
	return it;
}

void
dl_add_rect(struct dl *dl, int page, int kind, float x, float y, float w, float h, float lw,
            uint32_t rgb)
{
	struct dl_item *it = dl_push(dl, page, kind);
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->lw = lw;
	it->rgb = rgb;
}

void
dl_add_link(struct dl *dl, int page, const char *target, float x, float y, float w, float h)
{
	struct dl_item *it = dl_push(dl, page, DL_LINK);
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->off = dl->text.len;
	it->len = strlen(target);
	buf_puts(&dl->text, target);
}

void
dl_add_image(struct dl *dl, int page, int image, float x, float y, float w, float h)
{
	struct dl_item *it = dl_push(dl, page, DL_IMAGE);
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->off = (size_t)image;
}
