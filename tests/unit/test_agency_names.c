/* Unit tests of the names of Viet Nam's representative agencies in
 * English: the place after "tại" by the country table (never a
 * Vietnamese country's name in an English line), a place abroad written
 * in Vietnamese by its English name, a place English writes the same as
 * written, a permanent mission to an organisation by the organisation's
 * name, and any other name left whole; and back in Vietnamese. */
#include <stdio.h>
#include <stdlib.h>

#include "countries.h"
#include "unit.h"

static const struct {
	const char *vi, *en; /* en NULL: not translated, kept whole */
} cases[] = {
    {"Đại sứ quán Việt Nam tại Pháp", "Embassy of Viet Nam in France"},
    {"Đại sứ quán Việt Nam tại Lào", "Embassy of Viet Nam in Laos"},
    {"Đại sứ quán Việt Nam tại Nhật Bản", "Embassy of Viet Nam in Japan"},
    {"Đại sứ quán Việt Nam tại Hàn Quốc", "Embassy of Viet Nam in the Republic of Korea"},
    {"Đại sứ quán Việt Nam tại Campuchia", "Embassy of Viet Nam in Cambodia"},
    {"Đại sứ quán Việt Nam tại Thái Lan", "Embassy of Viet Nam in Thailand"},
    {"Đại sứ quán Việt Nam tại Trung Quốc", "Embassy of Viet Nam in China"},
    {"Đại sứ quán Việt Nam tại Hoa Kỳ", "Embassy of Viet Nam in the United States"},
    {"Đại sứ quán Việt Nam tại Đức", "Embassy of Viet Nam in Germany"},
    {"Đại sứ quán Việt Nam tại Bỉ", "Embassy of Viet Nam in Belgium"},
    {"Đại sứ quán Việt Nam tại Úc", "Embassy of Viet Nam in Australia"},
    {"Đại sứ quán Việt Nam tại Ô-xtrây-li-a", "Embassy of Viet Nam in Australia"},
    {"Đại sứ quán Việt Nam tại Liên bang Nga", "Embassy of Viet Nam in the Russian Federation"},
    {"Đại sứ quán Việt Nam tại Cộng hòa Pháp", "Embassy of Viet Nam in France"},
    {"Đại sứ quán Việt Nam tại CHDCND Lào", "Embassy of Viet Nam in Laos"},
    {"Đại sứ quán Việt Nam tại Vương quốc Campuchia", "Embassy of Viet Nam in Cambodia"},
    {"Đại Sứ Quán Việt Nam Tại Lào", "Embassy of Viet Nam in Laos"},
    /* by the state's full name, as the agency's own documents name it */
    {"Đại sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại nước Cộng hòa dân chủ nhân dân Lào",
     "Embassy of Viet Nam in Laos"},
    {"ĐẠI SỨ QUÁN NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TẠI VƯƠNG QUỐC CAMPUCHIA",
     "Embassy of Viet Nam in Cambodia"},
    {"Tổng Lãnh sự quán nước CHXHCN Việt Nam tại Khon Kaen",
     "Consulate General of Viet Nam in Khon Kaen"},
    {"Tổng Lãnh sự quán Việt Nam tại Fukuoka", "Consulate General of Viet Nam in Fukuoka"},
    {"Tổng Lãnh sự quán Việt Nam tại Osaka", "Consulate General of Viet Nam in Osaka"},
    {"Tổng Lãnh sự quán Việt Nam tại Luông Pha-bang",
     "Consulate General of Viet Nam in Luang Prabang"},
    {"Tổng Lãnh sự quán Việt Nam tại Chăm-pa-xắc", "Consulate General of Viet Nam in Champasak"},
    {"Tổng Lãnh sự quán Việt Nam tại Xiêm Riệp", "Consulate General of Viet Nam in Siem Reap"},
    {"Tổng Lãnh sự quán Việt Nam tại Xiêng Khoảng",
     "Consulate General of Viet Nam in Xiengkhouang"},
    {"Lãnh sự quán Việt Nam tại Bát-tam-boong", "Consulate of Viet Nam in Battambang"},
    {"Tổng Lãnh sự quán Việt Nam tại Bát-tam-bang", "Consulate General of Viet Nam in Battambang"},
    {"Tổng Lãnh sự quán Việt Nam tại Bát Đam Bang", "Consulate General of Viet Nam in Battambang"},
    /* a permanent mission to an organisation */
    {"Phái đoàn thường trực Việt Nam tại Liên hợp quốc",
     "Permanent Mission of Viet Nam to the United Nations"},
    {"Phái đoàn đại diện thường trực Việt Nam tại Liên Hợp Quốc",
     "Permanent Mission of Viet Nam to the United Nations"},
    {"Phái đoàn thường trực Việt Nam tại ASEAN", "Permanent Mission of Viet Nam to ASEAN"},
    /* a mission to a place, not an organisation: as written */
    {"Phái đoàn thường trực Việt Nam tại Geneva", NULL},
    /* not known and written in Vietnamese: the whole name as written */
    {"Đại sứ quán Việt Nam tại Ác-mê-ni-a", NULL},
    /* not an agency of Viet Nam abroad */
    {"Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh", NULL},
    {"Sở Ngoại vụ", NULL},
    {"Đại sứ quán", NULL},
};

/* In Vietnamese, a name written in English: the country by the table,
 * any other place as written. */
static const struct {
	const char *en, *vi; /* vi NULL: kept whole */
} back[] = {
    {"Embassy of Viet Nam in the Republic of Korea", "Đại sứ quán Việt Nam tại Hàn Quốc"},
    {"Embassy of Viet Nam in France", "Đại sứ quán Việt Nam tại Pháp"},
    {"Embassy of Vietnam in Japan", "Đại sứ quán Việt Nam tại Nhật Bản"},
    {"Embassy of Viet Nam in Laos", "Đại sứ quán Việt Nam tại Lào"},
    {"Embassy of Viet Nam in the United States", "Đại sứ quán Việt Nam tại Hoa Kỳ"},
    {"embassy of viet nam in cambodia", "Đại sứ quán Việt Nam tại Campuchia"},
    {"Consulate General of Viet Nam in Fukuoka", "Tổng Lãnh sự quán Việt Nam tại Fukuoka"},
    {"Consulate General of Viet Nam in  Osaka", "Tổng Lãnh sự quán Việt Nam tại Osaka"},
    {"Consulate of Viet Nam in Battambang", "Lãnh sự quán Việt Nam tại Battambang"},
    {"Permanent Mission of Viet Nam to the United Nations",
     "Phái đoàn thường trực Việt Nam tại Liên hợp quốc"},
    {"Permanent Mission of Vietnam to ASEAN", "Phái đoàn thường trực Việt Nam tại ASEAN"},
    {"Permanent Mission of Viet Nam to Geneva", NULL},
    /* already Vietnamese, or not one of Viet Nam's agencies */
    {"Đại sứ quán Việt Nam tại Pháp", NULL},
    {"Embassy of Japan in Viet Nam", NULL},
    {"Embassy of Viet Nam in ", NULL},
    {"Sở Ngoại vụ", NULL},
};

int
main(void)
{
	for (size_t i = 0; i < sizeof back / sizeof back[0]; i++) {
		char *got = agency_name_vi(back[i].en);
		char name[256];
		snprintf(name, sizeof name, "agency-name-vi/%s", back[i].en);
		STR_EQ(got ? got : "(none)", back[i].vi ? back[i].vi : "(none)", name);
		free(got);
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = agency_name_en(cases[i].vi);
		char name[256];
		snprintf(name, sizeof name, "agency-name-en/%s", cases[i].vi);
		if (cases[i].en)
			STR_EQ(got ? got : "(none)", cases[i].en, name);
		else
			STR_EQ(got ? got : "(none)", "(none)", name);
		free(got);
	}
	OK(agency_abroad_name("Tổng Lãnh sự quán Việt Nam tại Fukuoka"), "agency-abroad/consulate");
	OK(agency_abroad_name("Đại sứ quán Việt Nam tại Lào"), "agency-abroad/embassy");
	OK(!agency_abroad_name("Sở Ngoại vụ"), "agency-abroad/not-a-department");
	OK(!agency_abroad_name("Ủy ban nhân dân tỉnh Quảng Ninh"), "agency-abroad/not-a-committee");
	STR_EQ(place_abroad_en("Viêng Chăn", 0), "Vientiane", "place-abroad/capital");
	STR_EQ(place_abroad_en("Hàn Quốc", 0), "Republic of Korea", "place-abroad/country");
	OK(place_abroad_en("Hạ Long", 0) == NULL, "place-abroad/not-abroad");
	/* China's provinces on the border, partners of the northern provinces */
	/* a Lao province in the spelling with "s" the press often uses */
	STR_EQ(place_abroad_en("Tỉnh Chăm-pa-sắc", 0), "Champasak", "place-abroad/spelt-with-s");
	STR_EQ(place_abroad_en("Chăm Pa Sắc", 0), "Champasak", "place-abroad/spelt-with-s-2");
	STR_EQ(place_abroad_en("Sê Kông", 0), "Sekong", "place-abroad/spelt-with-s-3");
	STR_EQ(place_abroad_en("Quảng Tây", 0), "Guangxi", "place-abroad/border-province-of-china");
	STR_EQ(place_abroad_en("Vân Nam", 0), "Yunnan", "place-abroad/border-province-of-china-2");
	return unit_failed != 0;
}
