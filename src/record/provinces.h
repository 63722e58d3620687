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
/* province_lookup, and for a city inside a province ("Hạ Long", "TP.
 * Nha Trang", "Buôn Ma Thuột") the unit it is part of now; -1 for any
 * other name. */
int province_of_place(const char *name);
/* The unit a body's name ends with, by province_of_place: "Ủy ban nhân
 * dân tỉnh Quảng Ninh" → Quảng Ninh, "UBND thành phố Hải Phòng" → Hải
 * Phòng, "Sở Ngoại vụ tỉnh Yên Bái" → Lào Cai; -1 when none. */
int province_named_in(const char *name);
/* Cut in place, from a folded body's name (text_fold), the locality it
 * ends with when that is locality itself, as written there ("so cong
 * thuong tinh ca mau" in a record of Cà Mau → "so cong thuong"), so that
 * a department a record names with and without its own province is one.
 * A unit merged into locality since is another body's: not cut. */
void province_cut_own(char *folded, const char *locality);
/* Cut in place the unit word a folded name ends with, once cut before
 * its unit's name: "so cong thuong tinh" → "so cong thuong". */
void province_cut_unit_word(char *folded);
/* The day the reorganisation took effect: 1 July 2025. */
extern const struct date province_reform_day;
/* The day Thừa Thiên Huế became Huế city: 1 January 2025. */
extern const struct date province_hue_day;
/* The day the unit u (≥ 0) took the name it has now, and a former name of
 * it ceased to be a name of the time: province_hue_day for Huế,
 * province_reform_day for every other. */
const struct date *province_named_since(int u);
/* 1 when name is a unit that no longer exists under that name since the
 * reorganisation ("Kiên Giang", part of An Giang now). */
int province_abolished(const char *name);
/* The unit name, current or former, nearest in spelling to a name that is
 * neither ("Kien Giag" → "Kiên Giang"), or NULL. */
const char *province_suggest(const char *name);
/* The unit as a record dated *when (NULL: unknown) names it: the current
 * unit's index (-1 when unknown) and in *then the name it had at the time
 * of the visit when that differs from the current unit (a visit before 1
 * July 2025 to a unit merged since), else NULL.  former is the record's
 * former_name. */
int province_said(const char *name, const char *former, const struct date *when, const char **then);
/* "Kiên Giang, nay là tỉnh An Giang" / "Kiên Giang, now An Giang province":
 * the unit as named at the time, with the unit it is part of now (u ≥ 0).
 * Caller frees. */
char *province_then_now(const char *then, int u, enum lang lang);
/* The Vietnamese province or city a word of a record's id names as ids
 * spell it, in small letters without marks or spaces ("nghean", "camau",
 * "hochiminh", "tphcm"): its name as a record dated *when names it (a
 * province merged away on 1 July 2025 only before that day, Thừa Thiên
 * Huế, "hue" too, before 1 January 2025, Huế from that day); NULL when no
 * word names one, or two words name two. */
const char *province_in_id(const char *id, const struct date *when);
/* The unit u (≥ 0) where no unit word goes before its name (a heading, a
 * table's cell, a parenthesis): its name, in English without its marks as
 * the reports write it ("Tuyen Quang"), but "TP. Hồ Chí Minh", "Ho Chi Minh
 * City" in English, as officials write the city named after a person. */
const char *province_shown(int u, enum lang lang);

#endif
