/*
 * provinces.h: Vietnam's provincial-level units after the 2025
 * reorganisation (63 → 34), and the lookup that takes a locality name as a
 * record writes it (former unit, spelling variant, any case, NFC or NFD,
 * with or without "tỉnh"/"thành phố"/"TP.") to the unit it belongs to now.
 */
#ifndef PROVINCES_H
#define PROVINCES_H

#include <stddef.h>

#include "record.h"

struct province_unit {
	const char *name;        /* current name, NFC: "Đà Nẵng" */
	const char *key;         /* province_key(name): "da nang" */
	enum locality_kind kind; /* LOC_PROVINCE or LOC_CITY */
};

struct province_old {
	const char *name; /* a provincial-level unit before 1 July 2025 */
	const char *key;  /* province_key(name) */
	int unit;         /* index in province_units of the unit it is part of now */
};

extern const struct province_unit province_units[];
extern const size_t province_nunits; /* 34 */
extern const struct province_old province_olds[];
extern const size_t province_nolds; /* 63 */

/* Comparison key of a locality name: text_fold() without the leading
 * "tỉnh", "thành phố", "TP." and trailing "province"/"city" words.
 * "TP. Hồ Chí Minh" → "ho chi minh".  Caller frees. */
char *province_key(const char *name);
/* Index in province_units of the unit "name" belongs to now, or -1 when
 * the name is not a provincial-level unit (before or after 2025). */
int province_lookup(const char *name);

#endif
