/* Unit tests of the 2025 reorganisation table: every unit, every former
 * unit, the spelling variants records use, and the table's own keys. */
#include <stdio.h>
#include <stdlib.h>

#include "provinces.h"
#include "text.h"
#include "unit.h"

static const char *
current(const char *name)
{
	int u = province_lookup(name);
	return u < 0 ? "(none)" : province_units[u].name;
}

static const struct {
	const char *written, *now;
} cases[] = {
    /* merged units named the old way */
    {"Yên Bái", "Lào Cai"},
    {"Quảng Nam", "Đà Nẵng"},
    {"Hải Dương", "Hải Phòng"},
    {"Hà Giang", "Tuyên Quang"},
    {"Bắc Kạn", "Thái Nguyên"},
    {"Vĩnh Phúc", "Phú Thọ"},
    {"Hòa Bình", "Phú Thọ"},
    {"Hoà Bình", "Phú Thọ"},
    {"Bình Dương", "Hồ Chí Minh"},
    {"Kon Tum", "Quảng Ngãi"},
    {"Bạc Liêu", "Cà Mau"},
    /* the variants docs/provinces-2025.md lists */
    {"Đắc Lắc", "Đắk Lắk"},
    {"Đắk Lắk", "Đắk Lắk"},
    {"Tỉnh Đắk Lắk", "Đắk Lắk"},
    {"Bà Rịa-Vũng Tàu", "Hồ Chí Minh"},
    {"Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
    {"Bà Rịa – Vũng Tàu", "Hồ Chí Minh"},
    {"tỉnh Bà Rịa–Vũng Tàu", "Hồ Chí Minh"},
    {"TP.HCM", "Hồ Chí Minh"},
    {"TPHCM", "Hồ Chí Minh"},
    {"TP. HCM", "Hồ Chí Minh"},
    {"Thành phố Hồ Chí Minh", "Hồ Chí Minh"},
    {"thành phố Hồ Chí Minh", "Hồ Chí Minh"},
    {"TP. Hồ Chí Minh", "Hồ Chí Minh"},
    {"TP Hồ Chí Minh", "Hồ Chí Minh"},
    {"Ho Chi Minh City", "Hồ Chí Minh"},
    {"Thừa Thiên - Huế", "Huế"},
    {"Thừa Thiên Huế", "Huế"},
    {"Thừa Thiên-Huế", "Huế"},
    {"Thành phố Huế", "Huế"},
    {"Huế", "Huế"},
    {"TỈNH YÊN BÁI", "Lào Cai"},
    {"yên bái", "Lào Cai"},
    {"Tỉnh Quảng Nam", "Đà Nẵng"},
    {"Thành phố Đà Nẵng", "Đà Nẵng"},
    {"TP. Đà Nẵng", "Đà Nẵng"},
    {"Da Nang", "Đà Nẵng"},
    {"  Hà   Nội ", "Hà Nội"},
    {"Tỉnh Hà Tĩnh", "Hà Tĩnh"},
    {"Hà Tĩnh", "Hà Tĩnh"},
    /* NFD: decomposed diacritics (Yên Bái, Quảng Nam) */
    {"Ye\xcc\x82n Ba\xcc\x81i", "Lào Cai"},
    {"Qua\xcc\x89ng Nam", "Đà Nẵng"},
    /* not a provincial-level unit */
    {"Nagasaki", "(none)"},
    {"", "(none)"},
    {"Quận 1", "(none)"},
};

int
main(void)
{
	char name[160];
	INT_EQ(province_nunits, 34, "provinces/34-units");
	INT_EQ(province_nolds, 63, "provinces/63-former-units");
	size_t cities = 0;
	for (size_t i = 0; i < province_nunits; i++)
		cities += province_units[i].kind == LOC_CITY;
	INT_EQ(cities, 6, "provinces/6-cities");

	/* Every current unit finds itself, and its key is what the code computes. */
	for (size_t i = 0; i < province_nunits; i++) {
		char *k = province_key(province_units[i].name);
		snprintf(name, sizeof name, "provinces/unit-key/%s", province_units[i].key);
		STR_EQ(k, province_units[i].key, name);
		free(k);
		snprintf(name, sizeof name, "provinces/unit/%s", province_units[i].key);
		STR_EQ(current(province_units[i].name), province_units[i].name, name);
	}
	/* Every former unit maps to its unit; the keys are right; no two
	 * former units fold to the same key. */
	size_t per_unit[64] = {0};
	for (size_t i = 0; i < province_nolds; i++) {
		const struct province_old *o = &province_olds[i];
		char *k = province_key(o->name);
		snprintf(name, sizeof name, "provinces/former-key/%s", o->key);
		STR_EQ(k, o->key, name);
		free(k);
		snprintf(name, sizeof name, "provinces/former/%s", o->key);
		STR_EQ(current(o->name), province_units[o->unit].name, name);
		per_unit[o->unit]++;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(province_olds[j].key, o->key)) {
				snprintf(name, sizeof name, "provinces/former-unique/%s", o->key);
				OK(0, name);
			}
	}
	size_t merged = 0, unchanged = 0;
	for (size_t i = 0; i < province_nunits; i++) {
		if (per_unit[i] == 1)
			unchanged++;
		else
			merged += per_unit[i];
		snprintf(name, sizeof name, "provinces/formed-from/%s", province_units[i].key);
		OK(per_unit[i] >= 1 && per_unit[i] <= 3, name);
	}
	INT_EQ(unchanged, 11, "provinces/11-unchanged");
	INT_EQ(merged, 52, "provinces/52-merged");

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(name, sizeof name, "provinces/variant/%s", cases[i].written);
		STR_EQ(current(cases[i].written), cases[i].now, name);
	}
	STR_EQ(current(NULL), "(none)", "provinces/null-name");

	/* The locality as at the visit: before 1 July 2025 the unit as then
	 * named; after it the current unit; a spelling variant is no old name. */
	struct date before = {2024, 7, 10}, after = {2025, 11, 3};
	const char *then;
	int u = province_said("An Giang", "Kiên Giang", &before, &then);
	STR_EQ(then, "Kiên Giang", "provinces/said/before-former-name");
	char *s = u >= 0 ? province_then_now(then, u, LANG_VI) : NULL;
	STR_EQ(s, "Kiên Giang, nay là tỉnh An Giang", "provinces/said/then-now-vi");
	free(s);
	u = province_said("An Giang", "Kiên Giang", &after, &then);
	OK(u >= 0 && then == NULL, "provinces/said/after-current-unit");
	province_said("Tỉnh Quảng Nam", NULL, &before, &then);
	STR_EQ(then, "Quảng Nam", "provinces/said/old-name-canonical");
	province_said("Đắc Lắc", NULL, &before, &then);
	OK(then == NULL, "provinces/said/variant-is-no-old-name");
	OK(province_abolished("Kiên Giang") && !province_abolished("An Giang") &&
	       !province_abolished("Đắc Lắc"),
	   "provinces/abolished");
	STR_EQ(province_suggest("Kien Giag"), "Kiên Giang", "provinces/suggest");
	OK(province_suggest("Nagasaki") == NULL, "provinces/suggest-none");
	return 0;
}
