/*
 * countries.c: the per-country name table.  Vietnamese names follow the
 * usage of the Ministry of Foreign Affairs (Campuchia, Ô-xtrây-li-a, Liên
 * bang Nga, Hoa Kỳ …); English names are the short names in diplomatic use.
 */
#include "countries.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code, *vi, *en;
} countries[] = {
    {"AE", "Các Tiểu vương quốc Ả-rập Thống nhất", "United Arab Emirates"},
    {"AR", "Ác-hen-ti-na", "Argentina"},
    {"AT", "Áo", "Austria"},
    {"AU", "Ô-xtrây-li-a", "Australia"},
    {"BD", "Băng-la-đét", "Bangladesh"},
    {"BE", "Bỉ", "Belgium"},
    {"BG", "Bun-ga-ri", "Bulgaria"},
    {"BN", "Bru-nây", "Brunei"},
    {"BR", "Bra-xin", "Brazil"},
    {"BY", "Bê-la-rút", "Belarus"},
    {"CA", "Ca-na-đa", "Canada"},
    {"CH", "Thụy Sĩ", "Switzerland"},
    {"CL", "Chi-lê", "Chile"},
    {"CN", "Trung Quốc", "China"},
    {"CU", "Cu-ba", "Cuba"},
    {"CZ", "Séc", "Czechia"},
    {"DE", "Đức", "Germany"},
    {"DK", "Đan Mạch", "Denmark"},
    {"EG", "Ai Cập", "Egypt"},
    {"ES", "Tây Ban Nha", "Spain"},
    {"EU", "Liên minh châu Âu", "European Union"},
    {"ASEAN", "Hiệp hội các quốc gia Đông Nam Á (ASEAN)",
     "Association of Southeast Asian Nations (ASEAN)"},
    {"FI", "Phần Lan", "Finland"},
    {"FR", "Pháp", "France"},
    {"GB", "Anh", "United Kingdom"},
    {"GR", "Hy Lạp", "Greece"},
    {"HU", "Hung-ga-ri", "Hungary"},
    {"ID", "In-đô-nê-xi-a", "Indonesia"},
    {"IE", "Ai-len", "Ireland"},
    {"IL", "I-xra-en", "Israel"},
    {"IN", "Ấn Độ", "India"},
    {"IR", "I-ran", "Iran"},
    {"IT", "I-ta-li-a", "Italy"},
    {"JP", "Nhật Bản", "Japan"},
    {"KH", "Campuchia", "Cambodia"},
    {"KP", "Triều Tiên", "Democratic People's Republic of Korea"},
    {"KR", "Hàn Quốc", "Republic of Korea"},
    {"KW", "Cô-oét", "Kuwait"},
    {"KZ", "Ca-dắc-xtan", "Kazakhstan"},
    {"LA", "Lào", "Laos"},
    {"LK", "Xri Lan-ca", "Sri Lanka"},
    {"LU", "Lúc-xăm-bua", "Luxembourg"},
    {"MM", "Mi-an-ma", "Myanmar"},
    {"MN", "Mông Cổ", "Mongolia"},
    {"MX", "Mê-hi-cô", "Mexico"},
    {"MY", "Ma-lai-xi-a", "Malaysia"},
    {"NL", "Hà Lan", "Netherlands"},
    {"NO", "Na Uy", "Norway"},
    {"NP", "Nê-pan", "Nepal"},
    {"NZ", "Niu Di-lân", "New Zealand"},
    {"PH", "Phi-líp-pin", "Philippines"},
    {"PK", "Pa-ki-xtan", "Pakistan"},
    {"PL", "Ba Lan", "Poland"},
    {"PT", "Bồ Đào Nha", "Portugal"},
    {"QA", "Ca-ta", "Qatar"},
    {"RO", "Ru-ma-ni", "Romania"},
    {"RU", "Liên bang Nga", "Russian Federation"},
    {"SA", "A-rập Xê-út", "Saudi Arabia"},
    {"SE", "Thụy Điển", "Sweden"},
    {"SG", "Xinh-ga-po", "Singapore"},
    {"SK", "Xlô-va-ki-a", "Slovakia"},
    {"TH", "Thái Lan", "Thailand"},
    {"TL", "Ti-mo Lét-xtê", "Timor-Leste"},
    {"TR", "Thổ Nhĩ Kỳ", "Türkiye"},
    {"TW", "Đài Loan (Trung Quốc)", "Taiwan (China)"},
    {"UA", "U-crai-na", "Ukraine"},
    {"UN", "Liên hợp quốc", "United Nations"},
    {"US", "Hoa Kỳ", "United States"},
    {"VN", "Việt Nam", "Viet Nam"},
    {"ZA", "Nam Phi", "South Africa"},
    {"ZZ", "(chưa rõ quốc gia)", "(country unknown)"}, /* the archive's code for none */
};

/* Languages by ISO 639 code, for the host languages materials should use. */
static const struct {
	const char *code, *vi, *en;
} languages[] = {
    {"ar", "tiếng Ả Rập", "Arabic"},
    {"be", "tiếng Bê-la-rút", "Belarusian"},
    {"bg", "tiếng Bun-ga-ri", "Bulgarian"},
    {"bn", "tiếng Băng-la", "Bengali"},
    {"cs", "tiếng Séc", "Czech"},
    {"da", "tiếng Đan Mạch", "Danish"},
    {"de", "tiếng Đức", "German"},
    {"el", "tiếng Hy Lạp", "Greek"},
    {"en", "tiếng Anh", "English"},
    {"es", "tiếng Tây Ban Nha", "Spanish"},
    {"fa", "tiếng Ba Tư", "Persian"},
    {"fi", "tiếng Phần Lan", "Finnish"},
    {"fil", "tiếng Phi-líp-pin", "Filipino"},
    {"fr", "tiếng Pháp", "French"},
    {"he", "tiếng Do Thái", "Hebrew"},
    {"hu", "tiếng Hung-ga-ri", "Hungarian"},
    {"id", "tiếng In-đô-nê-xi-a", "Indonesian"},
    {"is", "tiếng Ai-xơ-len", "Icelandic"},
    {"it", "tiếng I-ta-li-a", "Italian"},
    {"ja", "tiếng Nhật", "Japanese"},
    {"kk", "tiếng Ca-dắc", "Kazakh"},
    {"km", "tiếng Khmer", "Khmer"},
    {"ko", "tiếng Hàn", "Korean"},
    {"lo", "tiếng Lào", "Lao"},
    {"mg", "tiếng Ma-đa-gát-xca", "Malagasy"},
    {"mn", "tiếng Mông Cổ", "Mongolian"},
    {"ms", "tiếng Mã Lai", "Malay"},
    {"my", "tiếng Myanmar", "Burmese"},
    {"nb", "tiếng Na Uy", "Norwegian"},
    {"ne", "tiếng Nê-pan", "Nepali"},
    {"nl", "tiếng Hà Lan", "Dutch"},
    {"no", "tiếng Na Uy", "Norwegian"},
    {"pl", "tiếng Ba Lan", "Polish"},
    {"pt", "tiếng Bồ Đào Nha", "Portuguese"},
    {"ro", "tiếng Ru-ma-ni", "Romanian"},
    {"ru", "tiếng Nga", "Russian"},
    {"si", "tiếng Xinh-ha-la", "Sinhala"},
    {"sk", "tiếng Xlô-va-ki-a", "Slovak"},
    {"sv", "tiếng Thụy Điển", "Swedish"},
    {"ta", "tiếng Tamil", "Tamil"},
    {"th", "tiếng Thái", "Thai"},
    {"tr", "tiếng Thổ Nhĩ Kỳ", "Turkish"},
    {"uk", "tiếng U-crai-na", "Ukrainian"},
    {"ur", "tiếng Urdu", "Urdu"},
    {"vi", "tiếng Việt", "Vietnamese"},
    {"zh", "tiếng Trung Quốc", "Chinese"},
};

const char *
language_name(const char *code, enum lang lang)
{
	for (size_t i = 0; code && i < sizeof languages / sizeof languages[0]; i++)
		if (!strcmp(languages[i].code, code))
			return L(lang, languages[i].vi, languages[i].en);
	return NULL;
}

const char *
country_name(const char *code, enum lang lang)
{
	for (size_t i = 0; code && i < sizeof countries / sizeof countries[0]; i++)
		if (!strcmp(countries[i].code, code))
			return L(lang, countries[i].vi, countries[i].en);
	return NULL;
}

const char *
country_name_after_of(const char *code, enum lang lang)
{
	static const struct {
		const char *code, *name;
	} with_the[] = {
	    {"AE", "the United Arab Emirates"}, {"EU", "the European Union"},
	    {"GB", "the United Kingdom"},       {"KP", "the Democratic People's Republic of Korea"},
	    {"KR", "the Republic of Korea"},    {"NL", "the Netherlands"},
	    {"PH", "the Philippines"},          {"RU", "the Russian Federation"},
	    {"UN", "the United Nations"},       {"US", "the United States"},
	};
	for (size_t i = 0; lang == LANG_EN && code && i < sizeof with_the / sizeof with_the[0]; i++)
		if (!strcmp(with_the[i].code, code))
			return with_the[i].name;
	return country_name(code, lang);
}

int
country_is_org(const char *code)
{
	return code && (!strcmp(code, "EU") || !strcmp(code, "UN") || !strcmp(code, "ASEAN"));
}

/* ISO 3166-1 alpha-2, every officially assigned code (iso-codes 4.x). */
static const char iso_codes[][3] = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

static int
cmp_iso(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
country_known(const char *code)
{
	if (code && !strcmp(code, "ASEAN")) /* no ISO code: written out */
		return 1;
	if (!code || strlen(code) != 2)
		return 0;
	/* EU and UN are "exceptionally reserved" in ISO 3166-1 for the
	 * European Union and the United Nations: counterparts of missions
	 * such as the one to Belgium/EU, organisations rather than countries. */
	if (!strcmp(code, "EU") || !strcmp(code, "UN"))
		return 1;
	return bsearch(code, iso_codes, sizeof iso_codes / sizeof iso_codes[0], sizeof iso_codes[0],
	               cmp_iso) != NULL;
}

/* The languages spoken officially or commonly in business, by country. */
static const struct {
	const char *country, *langs;
} host_langs[] = {
    {"AE", "ar"},    {"AO", "pt"},    {"AR", "es"},       {"AT", "de"},     {"AU", "en"},
    {"BD", "bn"},    {"BE", "fr nl"}, {"BG", "bg"},       {"BN", "ms"},     {"BR", "pt"},
    {"BY", "be ru"}, {"CA", "en"},    {"CH", "de fr it"}, {"CL", "es"},     {"CN", "zh"},
    {"CO", "es"},    {"CU", "es"},    {"CZ", "cs"},       {"DE", "de"},     {"DK", "da"},
    {"DZ", "ar fr"}, {"EG", "ar"},    {"ES", "es"},       {"FI", "fi sv"},  {"FR", "fr"},
    {"GB", "en"},    {"GR", "el"},    {"HK", "zh en"},    {"HU", "hu"},     {"ID", "id"},
    {"IE", "en"},    {"IL", "he"},    {"IN", "en"},       {"IR", "fa"},     {"IT", "it"},
    {"JP", "ja"},    {"KH", "km"},    {"KP", "ko"},       {"KR", "ko"},     {"KW", "ar"},
    {"KZ", "kk ru"}, {"LA", "lo"},    {"LK", "si ta"},    {"LU", "fr de"},  {"MA", "ar fr"},
    {"MG", "fr mg"}, {"MM", "my"},    {"MN", "mn"},       {"MO", "zh pt"},  {"MX", "es"},
    {"MY", "ms"},    {"MZ", "pt"},    {"NG", "en"},       {"NL", "nl"},     {"NO", "no nb"},
    {"NP", "ne"},    {"NZ", "en"},    {"PE", "es"},       {"PH", "fil en"}, {"PK", "ur en"},
    {"PL", "pl"},    {"PT", "pt"},    {"QA", "ar"},       {"RO", "ro"},     {"RU", "ru"},
    {"SA", "ar"},    {"SE", "sv"},    {"SG", "en"},       {"SK", "sk"},     {"SN", "fr"},
    {"TH", "th"},    {"TN", "ar fr"}, {"TR", "tr"},       {"TW", "zh"},     {"UA", "uk"},
    {"US", "en"},    {"VE", "es"},    {"ZA", "en"},
};

const char *
country_languages(const char *code)
{
	for (size_t i = 0; code && i < sizeof host_langs / sizeof host_langs[0]; i++)
		if (!strcmp(host_langs[i].country, code))
			return host_langs[i].langs;
	return NULL;
}
