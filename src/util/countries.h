/*
 * countries.h: country names as Vietnamese state documents and English
 * diplomatic usage write them, by ISO 3166-1 alpha-2 code; one table for
 * reports, archive pages and archive.json; language names likewise; which
 * codes ISO 3166-1 assigns, and each country's host languages; and the
 * names of the provincial bodies a report is sent to, in both languages.
 */
#ifndef COUNTRIES_H
#define COUNTRIES_H

#include "debrief.h"

/* "tiếng Nhật" / "Japanese" for "ja"; NULL for a code the table lacks. */
const char *language_name(const char *code, enum lang lang);
/* "Nhật Bản" / "Japan" for "JP"; NULL for a code the table lacks. */
const char *country_name(const char *code, enum lang lang);
/* The same after "of" or "in" in an English sentence: "the Republic of
 * Korea". */
const char *country_name_after_of(const char *code, enum lang lang);
/* The code of the table's country (or organisation) a name stands for:
 * the name as Vietnamese documents write it, the table's or a usual other
 * form ("Pháp", "Cộng hòa Pháp", "Úc", "CHDCND Lào", "nước Nhật Bản"), or
 * the English one; any case, with or without diacritics.  NULL for any
 * other name. */
const char *country_code_by_name(const char *name);
/* A place abroad in English: a country of the table ("Pháp" → "France";
 * after "in" when after_in, "Hàn Quốc" → "the Republic of Korea"), or a
 * capital, a city of a consulate general or a province of Laos or
 * Cambodia as Vietnamese writes it ("Luông Pha-bang" → "Luang Prabang").
 * NULL for a name the tables do not know. */
const char *place_abroad_en(const char *name, int after_in);
/* A place abroad as English names it: place_abroad_en's name ("Vân Nam" →
 * "Yunnan"), else name after the Vietnamese word of its unit ("Tỉnh
 * Savannakhet" → "Savannakhet", a pointer into name); NULL when it is
 * neither. */
const char *place_name_en(const char *name);
/* The length of the unit word a folded (text_fold) place name opens with,
 * "tinh ", "thanh pho ", "tp ", "huyen ", "thi xa ", "thu do " (its words in *words
 * when not NULL); 0 when none. */
size_t place_unit_word(const char *folded, int *words);
/* 1 when name is that of one of Viet Nam's representative agencies abroad
 * as Vietnamese writes it: it opens with "Đại sứ quán", "Tổng Lãnh sự
 * quán", "Lãnh sự quán", "Phái đoàn" or "Cơ quan đại diện". */
int agency_abroad_name(const char *name);
/* An embassy's or consulate's name in English: "Đại sứ quán Việt Nam tại
 * Lào", or by the state's full name "Đại sứ quán nước Cộng hòa xã hội chủ
 * nghĩa Việt Nam tại nước Cộng hòa dân chủ nhân dân Lào", → "Embassy of
 * Viet Nam in Laos", the place by place_abroad_en, or
 * as written when English writes it the same (ASCII: "… tại Fukuoka" →
 * "… in Fukuoka"); a permanent mission to an organisation by its name
 * ("Phái đoàn thường trực Việt Nam tại Liên hợp quốc" → "Permanent
 * Mission of Viet Nam to the United Nations").  NULL for any other name,
 * and for a place the tables do not know written in Vietnamese: then the
 * whole name stays as written.  Caller frees. */
char *agency_name_en(const char *name);
/* The other way, for a name written in English (ASCII): "Embassy of Viet
 * Nam in the Republic of Korea" → "Đại sứ quán Việt Nam tại Hàn Quốc", the
 * place by the country table, else as written ("… in Fukuoka" → "… tại
 * Fukuoka"), a permanent mission to an organisation by its name ("… to
 * the United Nations" → "Phái đoàn thường trực Việt Nam tại Liên hợp
 * quốc").  NULL for any other name: then it stays as written.  Caller
 * frees. */
char *agency_name_vi(const char *name);
/* 1 for a code that stands for an international organisation, not a
 * country: "ASEAN" (which ISO 3166-1 gives no code), "EU" and "UN" (reserved in ISO 3166-1 for the
 * European Union and the United Nations). */
int country_is_org(const char *code);
/* 1 for an ISO 3166-1 alpha-2 code officially assigned, or EU or UN. */
int country_known(const char *code);
/* The code s writes, in capitals (whatever its case), when country_known
 * knows it: written into buf and returned; NULL otherwise.  The one check
 * of a country code, the record's and the configuration's. */
const char *country_code(const char *s, char buf[6]);
/* Why a value is no country code, said after it in lang ("'XX' is not an
 * ISO 3166-1 alpha-2 country code (…)"). */
const char *country_code_problem(enum lang lang);
/* The host languages of a country, ISO 639-1 codes separated by spaces
 * ("fr nl" for "BE"); NULL for a country the table lacks. */
const char *country_languages(const char *code);

/* A people's committee in English: "Ủy ban nhân dân tỉnh Tây Ninh" or
 * "UBND tỉnh Tây Ninh" → "Tay Ninh Provincial People's Committee", a
 * city's, a commune's, a ward's, a special zone's (and a district's or a
 * town's, as older records name them) likewise, and its office, "Văn
 * phòng …" → "Office of the …"; NULL for any other name.  Caller frees. */
char *committee_name_en(const char *s);

/* The usual titles of officials, folded (text_fold) and in English:
 * "giam doc" → "Director", "tong lanh su" → "Consul General". */
struct title_name {
	const char *fold, *en;
};
extern const struct title_name title_names[];
extern const size_t ntitle_names;
/* The English of the usual title whose folded name is folded, or NULL. */
const char *title_name_en(const char *folded);
/* The English of the title of the head of one of a Department of Foreign
 * Affairs' divisions ("truong phong hop tac quoc te"), as a signer's, or
 * NULL. */
const char *division_title_en(const char *folded);

/* The bodies a report is usually sent to (the departments of a province,
 * before and after the 2025 reorganisation, and the Ministry): the
 * folded name (text_fold), as Vietnamese writes it, in English. */
struct body_name {
	const char *fold, *vi, *en;
};
extern const struct body_name body_names[];
extern const size_t nbody_names;
/* The entry of body_names whose folded name is folded, or NULL. */
const struct body_name *body_name_of(const char *folded);
/* The entry of body_names whose English name, folded, is folded
 * ("department of industry and trade"), or NULL. */
const struct body_name *body_name_of_en(const char *folded);
/* A body's name folded (text_fold) with "UBND" written out, so that the
 * two spellings of a people's committee, or of its office ("Văn phòng
 * UBND tỉnh"), compare equal; the key body_names are looked up by.
 * Caller frees. */
char *body_fold(const char *name);
/* One of body_names written with a small first letter ("sở ngoại vụ") as
 * Vietnamese writes it, "Sở Ngoại vụ": a heading, a recipient, a register
 * start with a capital; NULL for any other name or spelling. */
const char *body_name_capitalised(const char *s);

#endif
