/*
 * Unit tests of strmap, the one hash table: values found after growth,
 * keys compared by length as well as bytes, put overwriting, NUL-free
 * prefixes kept apart.
 */
#include <stdio.h>
#include <string.h>

#include "strmap.h"
#include "unit.h"

int
main(void)
{
	struct strmap m = {0};
	static char keys[5000][12];
	OK(strmap_get(&m, "absent") == NULL, "strmap/empty-has-nothing");
	for (size_t i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%zu", i);
		strmap_put(&m, keys[i], i * 3);
	}
	int all = 1;
	for (size_t i = 0; i < 5000; i++) {
		size_t *v = strmap_get(&m, keys[i]);
		all &= v && *v == i * 3;
	}
	OK(all, "strmap/every-value-after-growth");
	OK(m.n == 5000, "strmap/count");
	strmap_put(&m, "k7", 1);
	OK(*strmap_get(&m, "k7") == 1 && m.n == 5000, "strmap/put-overwrites");
	OK(strmap_get(&m, "k") == NULL, "strmap/prefix-is-not-a-key");
	struct strmap_slot *sl = strmap_find(&m, "k12", 2);
	OK(sl && sl->idx == 1 * 3, "strmap/find-by-length");
	strmap_free(&m);
	OK(m.cap == 0 && m.n == 0 && m.v == NULL, "strmap/free-empties");
	return unit_failed != 0;
}
