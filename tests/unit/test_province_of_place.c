/* Unit tests of the province an office stands in: a place that is a
 * province or a city inside one, and the province a body's name ends
 * with; a place abroad or a ward is none. */
#include <stdio.h>
#include <stdlib.h>

#include "provinces.h"
#include "unit.h"

static const char *
unit_of(int u)
{
	return u < 0 ? "(none)" : province_units[u].name;
}

static const struct {
	const char *place, *unit;
} places[] = {
    {"Hạ Long", "Quảng Ninh"},      {"TP. Hạ Long", "Quảng Ninh"}, {"Quảng Ninh", "Quảng Ninh"},
    {"Nha Trang", "Khánh Hòa"},     {"Buôn Ma Thuột", "Đắk Lắk"},  {"Rạch Giá", "An Giang"},
    {"Thủ Dầu Một", "Hồ Chí Minh"}, {"Đà Lạt", "Lâm Đồng"},        {"Vinh", "Nghệ An"},
    {"Fukuoka", "(none)"},          {"Viêng Chăn", "(none)"},      {"Bãi Cháy", "(none)"},
};

static const struct {
	const char *name, *unit;
} names[] = {
    {"Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh"},
    {"UBND thành phố Hải Phòng", "Hải Phòng"},
    {"Ủy ban nhân dân Thành phố Hồ Chí Minh", "Hồ Chí Minh"},
    {"Ủy ban nhân dân tỉnh Trà Vinh", "Vĩnh Long"},
    {"Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu", "Hồ Chí Minh"},
    {"Sở Ngoại vụ tỉnh Yên Bái", "Lào Cai"},
    {"Ủy ban nhân dân", "(none)"},
    {"Bộ Ngoại giao", "(none)"},
    {"Sở Ngoại vụ", "(none)"},
};

int
main(void)
{
	char name[256];
	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		snprintf(name, sizeof name, "province-of-place/%s", places[i].place);
		STR_EQ(unit_of(province_of_place(places[i].place)), places[i].unit, name);
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(name, sizeof name, "province-named-in/%s", names[i].name);
		STR_EQ(unit_of(province_named_in(names[i].name)), names[i].unit, name);
	}
	return unit_failed != 0;
}
