/*
 * strlist.h: a growable list of owned strings, the one list type that
 * passes names, paths and warnings between stages.
 */
#ifndef STRLIST_H
#define STRLIST_H

#include <stddef.h>

struct strlist {
	char **v; /* owned strings */
	size_t n, cap;
};
void strlist_push(struct strlist *l, const char *s); /* copies */
void strlist_take(struct strlist *l, char *s);       /* takes s (malloc'd) */
void strlist_free(struct strlist *l);

#endif
