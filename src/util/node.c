/*
 * node.c: arena and generic tree (construction and read accessors).
 * Knows nothing of YAML syntax or of the record format.
 */
#include "node.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk *head;
	size_t bytes;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

/* n bytes of the arena, aligned, not cleared. */
static void *
arena_take(struct arena *a, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		/* Chunks start small and double up to 64 KiB: a short record costs a
		 * few KiB, not a whole chunk, when thousands stay alive at once.
		 * Large requests get a chunk of their own so small ones keep packing. */
		size_t step = c ? c->size * 2 + sizeof(struct chunk) : 4096;
		if (step > 65536)
			step = 65536;
		size_t size = n > 16384 ? n : step - sizeof(struct chunk);
		if (size < n)
			size = n;
		if (c && n > 16384 && c->size - c->used >= 4096) {
			struct chunk *big = xmalloc(sizeof(struct chunk) + n);
			big->size = big->used = n;
			big->next = c->next;
			c->next = big;
			a->bytes += n;
			return big->data;
		}
		c = xmalloc(sizeof(struct chunk) + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		a->bytes += size;
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p = arena_take(a, n);
	memset(p, 0, (n + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1));
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1); /* every byte written below */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *tmp = xvasprintf(fmt, ap);
	va_end(ap);
	char *p = arena_strdup(a, tmp);
	free(tmp);
	return p;
}

size_t
arena_bytes(const struct arena *a)
{
	return a ? a->bytes : 0;
}

void
arena_free(struct arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

struct node *
node_new_scalarn(struct arena *a, const char *s, size_t n)
{
	struct node *nd = arena_alloc(a, sizeof *nd);
	nd->kind = NODE_SCALAR;
	nd->str = arena_strndup(a, s, n);
	nd->len = n;
	return nd;
}

struct node *
node_new_scalar(struct arena *a, const char *s)
{
	return node_new_scalarn(a, s, strlen(s));
}

struct node *
node_new_bool(struct arena *a, int v)
{
	struct node *nd = node_new_scalar(a, v ? "true" : "false");
	nd->plain = 1;
	return nd;
}

struct node *
node_new_seq(struct arena *a)
{
	struct node *nd = arena_alloc(a, sizeof *nd);
	nd->kind = NODE_SEQ;
	return nd;
}

struct node *
node_new_map(struct arena *a)
{
	struct node *nd = arena_alloc(a, sizeof *nd);
	nd->kind = NODE_MAP;
	return nd;
}

/* Grow an arena array; the old block stays in the arena (amortised 2x). */
static void *
arena_grow(struct arena *a, void *old, size_t len, size_t *cap, size_t size)
{
	if (len < *cap)
		return old;
	size_t ncap = *cap ? *cap * 2 : 4;
	if (ncap > SIZE_MAX / size) {
		fputs("debrief: out of memory\n", stderr);
		abort();
	}
	void *p = arena_alloc(a, ncap * size);
	if (len)
		memcpy(p, old, len * size);
	*cap = ncap;
	return p;
}

void
node_seq_push(struct arena *a, struct node *seq, struct node *item)
{
	seq->items = arena_grow(a, seq->items, seq->len, &seq->cap, sizeof *seq->items);
	seq->items[seq->len++] = item;
}

void
node_map_put(struct arena *a, struct node *map, const char *key, struct node *value)
{
	map->pairs = arena_grow(a, map->pairs, map->len, &map->cap, sizeof *map->pairs);
	map->pairs[map->len].key = node_new_scalar(a, key);
	map->pairs[map->len].value = value;
	map->len++;
}

struct node *
node_get_key(const struct node *map, const char *key)
{
	if (!map || map->kind != NODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key;
		if (k && k->kind == NODE_SCALAR && strcmp(k->str, key) == 0)
			return map->pairs[i].key;
	}
	return NULL;
}

struct node *
node_get(const struct node *map, const char *key)
{
	if (!map || map->kind != NODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->len; i++) {
		const struct node *k = map->pairs[i].key;
		if (k && k->kind == NODE_SCALAR && strcmp(k->str, key) == 0)
			return map->pairs[i].value;
	}
	return NULL;
}

struct node *
node_path(const struct node *n, const char *dotted)
{
	char key[128];
	const char *p = dotted;
	while (n && *p) {
		const char *dot = strchr(p, '.');
		size_t k = dot ? (size_t)(dot - p) : strlen(p);
		if (k >= sizeof key)
			return NULL;
		memcpy(key, p, k);
		key[k] = '\0';
		n = node_get(n, key);
		p += k + (dot ? 1 : 0);
	}
	return (struct node *)n;
}

const char *
node_str(const struct node *n)
{
	return n && n->kind == NODE_SCALAR ? n->str : NULL;
}

int
node_is_null(const struct node *n)
{
	if (!n || n->kind != NODE_SCALAR || !n->plain)
		return 0;
	const char *s = n->str;
	switch (*s) { /* most scalars are answered by their first byte */
	case '\0': return 1;
	case '~': return !s[1];
	case 'n': return !strcmp(s, "null");
	case 'N': return !strcmp(s, "Null") || !strcmp(s, "NULL");
	default: return 0;
	}
}

const char *
node_text(const struct node *n)
{
	return n && n->kind == NODE_SCALAR && !node_is_null(n) ? n->str : NULL;
}

size_t
node_count(const struct node *n)
{
	return n && n->kind != NODE_SCALAR ? n->len : 0;
}

void
doc_free(struct doc *d)
{
	if (!d)
		return;
	struct arena *a = d->arena;
	arena_free(a); /* d itself lives in its arena */
}
