/*
 * countries.c: the per-country name table.  Vietnamese names follow the
 * usage of the Ministry of Foreign Affairs (Campuchia, Ô-xtrây-li-a, Liên
 * bang Nga, Hoa Kỳ …); English names are the short names in diplomatic use.
 * Also the names of the provincial bodies a report is sent to.
 */
#include "countries.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strmap.h"
#include "text.h"
#include "xalloc.h"

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

/* Other forms Vietnamese documents give a country's name, folded
 * (text_fold): the long forms, and the short ones of everyday use. */
static const struct {
	const char *folded, *code;
} country_aliases[] = {
    {"uc", "AU"},
    {"o xtray lia", "AU"},
    {"ot xtray li a", "AU"},
    {"vuong quoc bi", "BE"},
    {"cong hoa nhan dan trung hoa", "CN"},
    {"cong hoa lien bang duc", "DE"},
    {"chlb duc", "DE"},
    {"vuong quoc tay ban nha", "ES"},
    {"cong hoa phap", "FR"},
    {"vuong quoc anh", "GB"},
    {"lien hiep vuong quoc anh va bac ai len", "GB"},
    {"cong hoa an do", "IN"},
    {"y", "IT"},
    {"nhat", "JP"},
    {"vuong quoc campuchia", "KH"},
    {"cam pu chia", "KH"},
    {"vuong quoc cam pu chia", "KH"},
    {"cong hoa dan chu nhan dan trieu tien", "KP"},
    {"chdcnd trieu tien", "KP"},
    {"dai han dan quoc", "KR"},
    {"cong hoa han quoc", "KR"},
    {"cong hoa dan chu nhan dan lao", "LA"},
    {"chdcnd lao", "LA"},
    {"vuong quoc ha lan", "NL"},
    {"nga", "RU"},
    {"vuong quoc thai lan", "TH"},
    {"my", "US"},
    {"hop chung quoc hoa ky", "US"},
};

/* The table's names folded, made once for the process (names are looked
 * up for every English report's recipients): [i][0] Vietnamese, [i][1]
 * English; and body_names' English names (body_name_of_en: every
 * recipient of a Vietnamese report). */
static char *(*table_folded)[2];
static char **body_en_folded;
static pthread_once_t folded_once = PTHREAD_ONCE_INIT;
/* Folded names to countries (country_code_by_name: the aliases, then the
 * table's names, the first of a name winning, as a scan in that order
 * finds it; an index of country_aliases, or past them of countries) and
 * to places abroad (place_abroad_en: an index of places_abroad), so that
 * a name is looked up once rather than against every entry: the archive
 * names every partner on many pages. */
static struct strmap code_by_folded, place_by_folded;

static void
folded_free(void)
{
	for (size_t i = 0; i < sizeof countries / sizeof countries[0]; i++) {
		free(table_folded[i][0]);
		free(table_folded[i][1]);
	}
	free(table_folded);
	for (size_t i = 0; i < nbody_names; i++)
		free(body_en_folded[i]);
	free(body_en_folded);
	strmap_free(&code_by_folded);
	strmap_free(&place_by_folded);
}

/* Add the folded name s with idx unless an earlier entry has it. */
static void
first_put(struct strmap *m, const char *s, size_t idx)
{
	if (!strmap_get(m, s))
		strmap_put(m, s, idx);
}

static void places_make(void);

static void
folded_make(void)
{
	table_folded = xcalloc(sizeof countries / sizeof countries[0], sizeof *table_folded);
	for (size_t i = 0; i < sizeof countries / sizeof countries[0]; i++) {
		table_folded[i][0] = text_fold(countries[i].vi);
		table_folded[i][1] = text_fold(countries[i].en);
	}
	body_en_folded = xcalloc(nbody_names, sizeof *body_en_folded);
	for (size_t i = 0; i < nbody_names; i++)
		body_en_folded[i] = text_fold(body_names[i].en);
	size_t nalias = sizeof country_aliases / sizeof country_aliases[0];
	for (size_t i = 0; i < nalias; i++)
		first_put(&code_by_folded, country_aliases[i].folded, i);
	for (size_t i = 0; i < sizeof countries / sizeof countries[0]; i++)
		for (int l = 0; l < 2; l++)
			if (strcmp(countries[i].code, "ZZ") && *table_folded[i][l])
				first_put(&code_by_folded, table_folded[i][l], nalias + i);
	places_make();
	atexit(folded_free); /* leak checkers see a clean process */
}

const char *
country_code_by_name(const char *name)
{
	if (!name)
		return NULL;
	char *f = text_fold(name);
	const char *k = f, *code = NULL;
	if (!strncmp(k, "nuoc ", 5)) /* "nước Pháp" */
		k += 5;
	pthread_once(&folded_once, folded_make);
	const size_t *at = strmap_get(&code_by_folded, k);
	size_t nalias = sizeof country_aliases / sizeof country_aliases[0];
	if (at)
		code = *at < nalias ? country_aliases[*at].code : countries[*at - nalias].code;
	free(f);
	return code;
}

/* Places abroad as Vietnamese writes them, folded, with their English
 * names: capitals and the cities of Viet Nam's consulates general, and
 * the provinces of Laos and Cambodia and China's on the border (Quảng
 * Tây, Vân Nam), neighbours whose names Vietnamese
 * documents transcribe. */
static const struct {
	const char *folded, *en;
} places_abroad[] = {
    /* Laos */
    {"vieng chan", "Vientiane"},
    {"luong pha bang", "Luang Prabang"},
    {"luong nam tha", "Luang Namtha"},
    {"xa van na khet", "Savannakhet"},
    {"sa van na khet", "Savannakhet"},
    {"cham pa xac", "Champasak"},
    {"cham pa sac", "Champasak"}, /* as the press often writes it */
    {"pac xe", "Pakse"},
    {"pac se", "Pakse"},
    {"xieng khoang", "Xiengkhouang"},
    {"hua phan", "Houaphanh"},
    {"bo ly kham xay", "Bolikhamxay"},
    {"kham muon", "Khammouane"},
    {"u dom xay", "Oudomxay"},
    {"phong xa ly", "Phongsaly"},
    {"xe kong", "Sekong"},
    {"se kong", "Sekong"},
    {"a to pu", "Attapeu"},
    {"xay nha bu ly", "Xayaboury"},
    {"bo keo", "Bokeo"},
    {"xay xom bun", "Xaisomboun"},
    /* Cambodia */
    {"phnom penh", "Phnom Penh"},
    {"xiem riep", "Siem Reap"},
    {"bat tam boong", "Battambang"},
    {"bat tam bang", "Battambang"}, /* the spelling of most documents */
    {"bat dam bang", "Battambang"},
    {"xi ha nuc vin", "Sihanoukville"},
    {"xvay rieng", "Svay Rieng"},
    {"kong pong cham", "Kampong Cham"},
    {"ta keo", "Takeo"},
    {"kam pot", "Kampot"},
    {"ra ta na ki ri", "Ratanakiri"},
    {"mon dun ki ri", "Mondulkiri"},
    {"pray veng", "Prey Veng"},
    {"kan dan", "Kandal"},
    {"pay lin", "Pailin"},
    /* elsewhere */
    /* China's provinces on the border, partners of the provinces facing them */
    {"quang tay", "Guangxi"},
    {"khu tu tri dan toc choang quang tay", "Guangxi Zhuang Autonomous Region"},
    {"van nam", "Yunnan"},
    {"bac kinh", "Beijing"},
    {"quang chau", "Guangzhou"},
    {"con minh", "Kunming"},
    {"nam ninh", "Nanning"},
    {"thuong hai", "Shanghai"},
    {"hong kong", "Hong Kong"},
    {"trung khanh", "Chongqing"},
    {"mat xco va", "Moscow"},
    {"vla di vo xtoc", "Vladivostok"},
    {"e ca te rin bua", "Yekaterinburg"},
    {"to ky o", "Tokyo"},
    {"o xa ca", "Osaka"},
    {"phu cu o ca", "Fukuoka"},
    {"xo un", "Seoul"},
    {"bu xan", "Busan"},
    {"bang coc", "Bangkok"},
    {"khon ken", "Khon Kaen"},
    {"oa sinh ton", "Washington"},
    {"xan phran xi xco", "San Francisco"},
    {"hiu xton", "Houston"},
    {"niu ooc", "New York"},
    {"can be ra", "Canberra"},
    {"xit ni", "Sydney"},
    {"pa ri", "Paris"},
    {"mac xay", "Marseille"},
    {"bec lin", "Berlin"},
    {"phran phuoc", "Frankfurt"},
    {"luan don", "London"},
    {"niu de li", "New Delhi"},
    {"mum bai", "Mumbai"},
    {"ot ta oa", "Ottawa"},
    {"van cu vo", "Vancouver"},
    {"bruc xen", "Brussels"},
};

size_t
place_unit_word(const char *folded, int *words)
{
	static const struct {
		const char *folded;
		int words;
	} unit[] = {{"tinh ", 1},  {"thanh pho ", 2}, {"tp ", 1},
	            {"huyen ", 1}, {"thi xa ", 2},    {"thu do ", 2}}; /* "Thủ đô Viêng Chăn" */
	for (size_t i = 0; i < sizeof unit / sizeof unit[0]; i++) {
		size_t n = strlen(unit[i].folded);
		if (!strncmp(folded, unit[i].folded, n)) {
			if (words)
				*words = unit[i].words;
			return n;
		}
	}
	if (words)
		*words = 0;
	return 0;
}

const char *
place_name_en(const char *name)
{
	const char *en = place_abroad_en(name, 0);
	if (en)
		return en;
	char *f = text_fold(name);
	int words = 0;
	place_unit_word(f, &words);
	free(f);
	const char *s = name;
	for (int w = 0; w < words; w++) {
		s += strcspn(s, " ");
		s += strspn(s, " ");
	}
	return words && *s ? s : NULL;
}

const char *
place_abroad_en(const char *name, int after_in)
{
	const char *code = country_code_by_name(name);
	if (code)
		return after_in ? country_name_after_of(code, LANG_EN)
		                : country_name(code, LANG_EN);
	if (!name)
		return NULL;
	char *f = text_fold(name);
	/* "Tỉnh Xiêm Riệp", "Thành phố Fukuoka": the place after the word
	 * Vietnamese puts before it */
	const char *k = f + place_unit_word(f, NULL);
	pthread_once(&folded_once, folded_make);
	const size_t *at = strmap_get(&place_by_folded, k);
	const char *en = at ? places_abroad[*at].en : NULL;
	free(f);
	return en;
}

static void
places_make(void)
{
	for (size_t i = 0; i < sizeof places_abroad / sizeof places_abroad[0]; i++)
		first_put(&place_by_folded, places_abroad[i].folded, i);
}

/* Viet Nam's representative agencies abroad by the words their Vietnamese
 * names open with, folded, and as written; in English before the place
 * when the name is "… Việt Nam tại PLACE". A permanent mission's place is
 * an international organisation (org), an embassy's or consulate's never. */
static const struct {
	const char *folded, *vi, *en;
	int org;
} agencies[] = {
    {"dai su quan", "Đại sứ quán", "Embassy of Viet Nam in", 0},
    {"tong lanh su quan", "Tổng Lãnh sự quán", "Consulate General of Viet Nam in", 0},
    {"lanh su quan", "Lãnh sự quán", "Consulate of Viet Nam in", 0},
    {"phai doan thuong truc", "Phái đoàn thường trực", "Permanent Mission of Viet Nam to", 1},
    {"phai doan dai dien thuong truc", "Phái đoàn đại diện thường trực",
     "Permanent Mission of Viet Nam to", 1},
    {"phai doan", NULL, NULL, 0},
    {"co quan dai dien", NULL, NULL, 0},
};

/* The country or organisation a place names, "the" before it or not, and
 * ASEAN by its short name. */
static const char *
place_code(const char *place)
{
	const char *code = country_code_by_name(place);
	if (!code && !strncmp(place, "the ", 4))
		code = country_code_by_name(place + 4);
	return code ? code : !strcasecmp(place, "ASEAN") ? "ASEAN" : NULL;
}

/* The index in agencies of the words name opens with, or -1. */
static int
agency_kind(const char *folded)
{
	for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++) {
		size_t n = strlen(agencies[i].folded);
		if (!strncmp(folded, agencies[i].folded, n) && (folded[n] == ' ' || !folded[n]))
			return (int)i;
	}
	return -1;
}

int
agency_abroad_name(const char *name)
{
	if (!name)
		return 0;
	char *f = text_fold(name);
	int k = agency_kind(f);
	free(f);
	return k >= 0;
}

/* 1 when s holds ASCII letters, digits, spaces and punctuation only: a
 * place written the same in English ("Fukuoka"). */
static int
plain_latin(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80)
			return 0;
	return 1;
}

/* 1 when f (folded) is " Việt Nam" as an agency's name gives it: briefly,
 * or by the state's full name, as the name on its documents does ("Đại
 * sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại …", "CHXHCN"). */
static int
viet_nam_named(const char *f)
{
	static const char *const forms[] = {
	    " viet nam",
	    " nuoc cong hoa xa hoi chu nghia viet nam",
	    " cong hoa xa hoi chu nghia viet nam",
	    " nuoc chxhcn viet nam",
	    " chxhcn viet nam",
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (!strcmp(f, forms[i]))
			return 1;
	return 0;
}

char *
agency_name_en(const char *name)
{
	if (!name)
		return NULL;
	/* the words before the place: "Đại sứ quán Việt Nam tại " */
	const char *tai = NULL, *place = NULL;
	for (const char *p = name; *p && !tai; p += strspn(p, " ")) {
		size_t w = strcspn(p, " ");
		char *word = xstrndup(p, w), *fw = text_fold(word);
		if (p > name && !strcmp(fw, "tai") && p[w] == ' ') {
			tai = p;
			place = p + w + strspn(p + w, " ");
		}
		free(word);
		free(fw);
		p += w;
	}
	if (!tai)
		return NULL;
	char *head = xstrndup(name, (size_t)(tai - name));
	char *fh = text_fold(head);
	free(head);
	int k = agency_kind(fh);
	size_t n = k >= 0 ? strlen(agencies[k].folded) : 0;
	int ours = k >= 0 && agencies[k].en && viet_nam_named(fh + n);
	free(fh);
	if (!ours)
		return NULL;
	/* a permanent mission to an organisation: "Liên hợp quốc" → "the
	 * United Nations"; to anything else the name stays as written */
	const char *org = place_code(place);
	if (agencies[k].org && !country_is_org(org))
		return NULL;
	if (agencies[k].org && !strcmp(org, "ASEAN")) /* a mission to ASEAN, so named */
		return xasprintf("%s ASEAN", agencies[k].en);
	const char *en = place_abroad_en(place, 1);
	if (en)
		return xasprintf("%s %s", agencies[k].en, en);
	/* a place not known: as written when English writes it so too */
	return *place && plain_latin(place) ? xasprintf("%s %s", agencies[k].en, place) : NULL;
}

/* The length of the English words of agency k that f (folded) opens with,
 * "Viet Nam" or "Vietnam", and a space after them; 0 when it does not. */
static size_t
agency_en_head(const char *f, int k)
{
	char *fe = text_fold(agencies[k].en);
	size_t n = 0;
	for (int joined = 0; !n && joined < 2; joined++) {
		char *h = fe;
		if (joined) { /* "vietnam": "viet nam" without its space */
			char *v = strstr(fe, "viet nam");
			h = v ? xasprintf("%.*svietnam%s", (int)(v - fe), fe, v + 8) : NULL;
		}
		size_t m = h ? strlen(h) : 0;
		if (h && !strncmp(f, h, m) && f[m] == ' ')
			n = m + 1;
		if (h != fe)
			free(h);
	}
	free(fe);
	return n;
}

char *
agency_name_vi(const char *name)
{
	if (!name || !plain_latin(name))
		return NULL;
	char *f = text_fold(name);
	int k = -1;
	size_t n = 0, words = 0;
	for (size_t i = 0; k < 0 && i < sizeof agencies / sizeof agencies[0]; i++)
		if (agencies[i].en && (n = agency_en_head(f, (int)i)))
			k = (int)i;
	for (size_t i = 0; i < n; i++)
		words += f[i] == ' ';
	free(f);
	if (k < 0)
		return NULL;
	/* the place: the rest of name after as many words */
	const char *place = name + strspn(name, " ");
	for (size_t w = 0; w < words && *place; w++) {
		place += strcspn(place, " ");
		place += strspn(place, " ");
	}
	const char *code = place_code(place);
	if (agencies[k].org) /* a permanent mission: to an organisation only */
		return country_is_org(code)
		           ? xasprintf("%s Việt Nam tại %s", agencies[k].vi,
		                       strcmp(code, "ASEAN") ? country_name(code, LANG_VI)
		                                             : "ASEAN")
		           : NULL;
	if (code && !country_is_org(code))
		return xasprintf("%s Việt Nam tại %s", agencies[k].vi, country_name(code, LANG_VI));
	/* any other place as written, as Vietnamese names Viet Nam's consulates
	 * ("Tổng Lãnh sự quán Việt Nam tại Osaka") */
	return *place ? xasprintf("%s Việt Nam tại %s", agencies[k].vi, place) : NULL;
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
country_code(const char *s, char buf[6])
{
	size_t n = s ? strlen(s) : 0;
	if (!n || n >= 6)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		buf[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	return country_known(buf) ? buf : NULL;
}

const char *
country_code_problem(enum lang lang)
{
	return L(lang,
	         "không phải là mã quốc gia ISO 3166-1 alpha-2 (hai chữ cái, ví dụ JP, FR, KR; EU, "
	         "UN hoặc ASEAN cho một tổ chức quốc tế)",
	         "is not an ISO 3166-1 alpha-2 country code (two letters, e.g. JP, FR, KR; EU, UN "
	         "or ASEAN for an international organisation)");
}

const char *
country_languages(const char *code)
{
	for (size_t i = 0; code && i < sizeof host_langs / sizeof host_langs[0]; i++)
		if (!strcmp(host_langs[i].country, code))
			return host_langs[i].langs;
	return NULL;
}

/* The bodies a report is usually sent to: the departments of a province
 * (by the names before and after the 2025 reorganisation) and the
 * Ministry, folded, as Vietnamese writes them and in English; people's
 * committees and representative agencies go by their pattern.  A name
 * outside these stays as the record writes it: it is a proper name. */
const struct body_name body_names[] = {
    {"so ngoai vu", "Sở Ngoại vụ", "Department of Foreign Affairs"},
    {"so noi vu", "Sở Nội vụ", "Department of Home Affairs"},
    {"so tai chinh", "Sở Tài chính", "Department of Finance"},
    {"so cong thuong", "Sở Công Thương", "Department of Industry and Trade"},
    {"so nong nghiep va moi truong", "Sở Nông nghiệp và Môi trường",
     "Department of Agriculture and Environment"},
    {"so nong nghiep va phat trien nong thon", "Sở Nông nghiệp và Phát triển nông thôn",
     "Department of Agriculture and Rural Development"},
    {"so tai nguyen va moi truong", "Sở Tài nguyên và Môi trường",
     "Department of Natural Resources and Environment"},
    {"so ke hoach va dau tu", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment"},
    {"so xay dung", "Sở Xây dựng", "Department of Construction"},
    {"so giao thong van tai", "Sở Giao thông vận tải", "Department of Transport"},
    {"so khoa hoc va cong nghe", "Sở Khoa học và Công nghệ",
     "Department of Science and Technology"},
    {"so thong tin va truyen thong", "Sở Thông tin và Truyền thông",
     "Department of Information and Communications"},
    {"so giao duc va dao tao", "Sở Giáo dục và Đào tạo", "Department of Education and Training"},
    {"so y te", "Sở Y tế", "Department of Health"},
    {"so van hoa the thao va du lich", "Sở Văn hóa, Thể thao và Du lịch",
     "Department of Culture, Sports and Tourism"},
    {"so van hoa va the thao", "Sở Văn hóa và Thể thao", "Department of Culture and Sports"},
    {"so du lich", "Sở Du lịch", "Department of Tourism"},
    {"so tu phap", "Sở Tư pháp", "Department of Justice"},
    {"so lao dong thuong binh va xa hoi", "Sở Lao động - Thương binh và Xã hội",
     "Department of Labour, Invalids and Social Affairs"},
    {"so dan toc va ton giao", "Sở Dân tộc và Tôn giáo",
     "Department of Ethnic Minorities and Religions"},
    {"thanh tra tinh", "Thanh tra tỉnh", "Provincial Inspectorate"},
    /* a department of Hà Nội and of TP. Hồ Chí Minh only */
    {"so quy hoach kien truc", "Sở Quy hoạch - Kiến trúc",
     "Department of Planning and Architecture"},
    /* the people's committee and its office named without their province
     * (body_fold writes "UBND" out), as a register under the province
     * lists them */
    {"uy ban nhan dan tinh", "Ủy ban nhân dân tỉnh", "Provincial People's Committee"},
    {"van phong uy ban nhan dan tinh", "Văn phòng Ủy ban nhân dân tỉnh",
     "Office of the Provincial People's Committee"},
    {"uy ban nhan dan thanh pho", "Ủy ban nhân dân thành phố", "City People's Committee"},
    {"van phong uy ban nhan dan thanh pho", "Văn phòng Ủy ban nhân dân thành phố",
     "Office of the City People's Committee"},
    /* the province's other bodies a task often goes to; with the
     * province a record names, "Tay Ninh Provincial Police" */
    {"cong an", "Công an", "Police"},
    {"cong an tinh", "Công an tỉnh", "Provincial Police"},
    {"bo chi huy quan su", "Bộ Chỉ huy Quân sự", "Military Command"},
    {"bo chi huy quan su tinh", "Bộ Chỉ huy Quân sự tỉnh", "Provincial Military Command"},
    {"bo chi huy bo doi bien phong", "Bộ Chỉ huy Bộ đội Biên phòng", "Border Guard Command"},
    {"bo chi huy bo doi bien phong tinh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
     "Provincial Border Guard Command"},
    /* and a centrally-run city's, "Hai Phong City Police" */
    {"cong an thanh pho", "Công an thành phố", "City Police"},
    {"bo chi huy quan su thanh pho", "Bộ Chỉ huy Quân sự thành phố", "City Military Command"},
    {"bo chi huy bo doi bien phong thanh pho", "Bộ Chỉ huy Bộ đội Biên phòng thành phố",
     "City Border Guard Command"},
    {"ban quan ly cac khu cong nghiep", "Ban Quản lý các khu công nghiệp",
     "Industrial Zones Management Board"},
    {"ban quan ly khu kinh te", "Ban Quản lý Khu kinh tế", "Economic Zone Management Board"},
    /* a centrally-run city's boards (TP. Hồ Chí Minh's, Đà Nẵng's) */
    {"ban quan ly cac khu che xuat va cong nghiep", "Ban Quản lý các Khu chế xuất và công nghiệp",
     "Export Processing and Industrial Zones Authority"},
    {"ban quan ly khu cong nghe cao", "Ban Quản lý Khu Công nghệ cao",
     "Hi-Tech Park Management Board"},
    /* the standing board of the province's or city's Party committee, a
     * report's usual recipient */
    {"thuong truc tinh uy", "Thường trực Tỉnh ủy",
     "Standing Board of the Provincial Party Committee"},
    {"thuong truc thanh uy", "Thường trực Thành ủy", "Standing Board of the City Party Committee"},
    /* and of its people's council, written out or as "HĐND" */
    {"thuong truc hoi dong nhan dan tinh", "Thường trực Hội đồng nhân dân tỉnh",
     "Standing Board of the Provincial People's Council"},
    {"thuong truc hdnd tinh", "Thường trực HĐND tỉnh",
     "Standing Board of the Provincial People's Council"},
    {"thuong truc hoi dong nhan dan thanh pho", "Thường trực Hội đồng nhân dân thành phố",
     "Standing Board of the City People's Council"},
    {"thuong truc hdnd thanh pho", "Thường trực HĐND thành phố",
     "Standing Board of the City People's Council"},
    /* the Government's office, to which a people's committee reports */
    {"van phong chinh phu", "Văn phòng Chính phủ", "Office of the Government"},
    {"trung tam xuc tien dau tu", "Trung tâm Xúc tiến Đầu tư", "Investment Promotion Centre"},
    {"trung tam xuc tien dau tu thuong mai va du lich",
     "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
     "Investment, Trade and Tourism Promotion Centre"},
    {"bo ngoai giao", "Bộ Ngoại giao", "Ministry of Foreign Affairs"},
    /* the Ministry's units an embassy's or a province's tasks go to */
    {"cuc ngoai vu", "Cục Ngoại vụ", "Department of External Relations"},
    {"cuc lanh su", "Cục Lãnh sự", "Consular Department"},
    {"cuc le tan nha nuoc", "Cục Lễ tân Nhà nước", "State Protocol Department"},
    {"vu dong bac a", "Vụ Đông Bắc Á", "Department of Northeast Asian Affairs"},
    {"vu dong nam a nam a nam thai binh duong", "Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương",
     "Department of Southeast Asian, South Asian and South Pacific Affairs"},
    {"vu luat phap va dieu uoc quoc te", "Vụ Luật pháp và Điều ước quốc tế",
     "Department of International Law and Treaties"},
    {"uy ban nha nuoc ve nguoi viet nam o nuoc ngoai",
     "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
     "State Committee for Overseas Vietnamese Affairs"},
    {"bo ngoai giao cuc ngoai vu", "Bộ Ngoại giao (Cục Ngoại vụ)",
     "Ministry of Foreign Affairs (Department of External Relations)"},
    /* the ministries a province's report may also go to (2025) */
    {"bo cong thuong", "Bộ Công Thương", "Ministry of Industry and Trade"},
    {"bo tai chinh", "Bộ Tài chính", "Ministry of Finance"},
    {"bo noi vu", "Bộ Nội vụ", "Ministry of Home Affairs"},
    {"bo nong nghiep va moi truong", "Bộ Nông nghiệp và Môi trường",
     "Ministry of Agriculture and Environment"},
    {"bo xay dung", "Bộ Xây dựng", "Ministry of Construction"},
    {"bo khoa hoc va cong nghe", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"},
    {"bo giao duc va dao tao", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training"},
    {"bo y te", "Bộ Y tế", "Ministry of Health"},
    {"bo van hoa the thao va du lich", "Bộ Văn hóa, Thể thao và Du lịch",
     "Ministry of Culture, Sports and Tourism"},
    {"bo cong an", "Bộ Công an", "Ministry of Public Security"},
    {"bo quoc phong", "Bộ Quốc phòng", "Ministry of National Defence"},
    {"bo tu phap", "Bộ Tư pháp", "Ministry of Justice"},
    {"bo dan toc va ton giao", "Bộ Dân tộc và Tôn giáo",
     "Ministry of Ethnic Minorities and Religions"},
};
const size_t nbody_names = sizeof body_names / sizeof body_names[0];

/* "Ủy ban nhân dân tỉnh Tây Ninh" → "Tay Ninh Provincial People's
 * Committee", and its office, "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh",
 * → "Office of the Tay Ninh Provincial People's Committee"; so a
 * commune's, a ward's or a district's ("UBND xã Vĩnh Tế" → "Vinh Te
 * Commune People's Committee"); NULL for any other name. */
char *
committee_name_en(const char *s)
{
	static const char office[] = "Văn phòng ";
	if (!strncmp(s, office, strlen(office))) {
		char *c = committee_name_en(s + strlen(office));
		if (!c)
			return NULL;
		char *t = xasprintf("Office of the %s", c);
		free(c);
		return t;
	}
	static const char *const ub[] = {"Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "};
	/* a commune's, a ward's, a special zone's since 1 July 2025, a
	 * district's or a town's before it, as records still name them */
	static const char *const unit[][2] = {
	    {"tỉnh ", "Provincial"}, {"thành phố ", "City"}, {"huyện ", "District"},
	    {"quận ", "District"},   {"thị xã ", "Town"},    {"thị trấn ", "Township"},
	    {"xã ", "Commune"},      {"phường ", "Ward"},    {"đặc khu ", "Special Zone"}};
	for (size_t i = 0; i < sizeof ub / sizeof ub[0]; i++) {
		size_t n = strlen(ub[i]);
		if (strncmp(s, ub[i], n))
			continue;
		for (size_t k = 0; k < sizeof unit / sizeof unit[0]; k++) {
			size_t m = strlen(unit[k][0]);
			if (strncmp(s + n, unit[k][0], m) || !s[n + m])
				continue;
			char *place = text_unaccent(s + n + m);
			char *t = xasprintf("%s %s People's Committee", place, unit[k][1]);
			free(place);
			return t;
		}
	}
	return NULL;
}

/* The usual titles of the signers of a Sở Ngoại vụ and of an embassy or
 * consulate, of the officials a delegation or a contact list names. */
const struct title_name title_names[] = {
    {"giam doc", "Director"},
    {"pho giam doc", "Deputy Director"},
    {"chanh van phong", "Chief of Office"},
    {"pho chanh van phong", "Deputy Chief of Office"},
    {"truong phong", "Head of Division"},
    {"pho truong phong", "Deputy Head of Division"},
    {"chu tich", "Chairman"},
    {"uy ban nhan dan", "People's Committee"},
    {"pho chu tich", "Vice Chairman"},
    {"pho chu tich thuong truc", "Standing Vice Chairman"},
    {"chuyen vien", "Official"},
    {"dai su", "Ambassador"},
    {"pho dai su", "Deputy Ambassador"},
    {"dai su dac menh toan quyen", "Ambassador Extraordinary and Plenipotentiary"},
    {"dai bien", "Chargé d'Affaires"},
    {"dai bien lam thoi", "Chargé d'Affaires a.i."},
    {"cong su", "Minister"},
    {"tham tan cong su", "Minister-Counsellor"},
    {"tham tan", "Counsellor"},
    {"tong lanh su", "Consul General"},
    {"pho tong lanh su", "Deputy Consul General"},
    {"lanh su", "Consul"},
    {"pho lanh su", "Vice Consul"},
    {"bi thu thu nhat", "First Secretary"},
    {"bi thu thu hai", "Second Secretary"},
    {"bi thu thu ba", "Third Secretary"},
    {"tuy vien", "Attaché"},
    /* a partner's heads, as Vietnamese names them: the governor of a
     * province of Laos or Cambodia, of a prefecture or a state, a mayor */
    {"tinh truong", "Provincial Governor"},
    {"pho tinh truong", "Deputy Provincial Governor"},
    {"thong doc", "Governor"},
    {"pho thong doc", "Vice Governor"},
    {"thi truong", "Mayor"},
    {"pho thi truong", "Deputy Mayor"},
};
const size_t ntitle_names = sizeof title_names / sizeof title_names[0];

/* The title of one who signs "TL. Giám đốc" for the director of a
 * Department of Foreign Affairs: the head of one of its divisions, named
 * with it.  Only a signer's: in a delegation the division is another
 * body's, whose name stays as written. */
static const struct title_name division_titles[] = {
    {"truong phong hop tac quoc te", "Head of the International Cooperation Division"},
    {"pho truong phong hop tac quoc te", "Deputy Head of the International Cooperation Division"},
    {"truong phong lanh su", "Head of the Consular Division"},
    {"pho truong phong lanh su", "Deputy Head of the Consular Division"},
    {"truong phong le tan", "Head of the Protocol Division"},
    {"pho truong phong le tan", "Deputy Head of the Protocol Division"},
};

const char *
division_title_en(const char *folded)
{
	for (size_t i = 0; folded && i < sizeof division_titles / sizeof division_titles[0]; i++)
		if (!strcmp(folded, division_titles[i].fold))
			return division_titles[i].en;
	return NULL;
}

const char *
title_name_en(const char *folded)
{
	for (size_t i = 0; folded && i < ntitle_names; i++)
		if (!strcmp(folded, title_names[i].fold))
			return title_names[i].en;
	return NULL;
}

const struct body_name *
body_name_of(const char *folded)
{
	for (size_t i = 0; folded && i < nbody_names; i++)
		if (!strcmp(folded, body_names[i].fold))
			return &body_names[i];
	return NULL;
}

const struct body_name *
body_name_of_en(const char *folded)
{
	pthread_once(&folded_once, folded_make);
	for (size_t i = 0; folded && i < nbody_names; i++)
		if (!strcmp(folded, body_en_folded[i]))
			return &body_names[i];
	return NULL;
}

char *
body_fold(const char *name)
{
	char *f = text_fold(name);
	size_t at = !strncmp(f, "van phong ", strlen("van phong ")) ? strlen("van phong ") : 0;
	if (!strncmp(f + at, "ubnd", 4) && (!f[at + 4] || f[at + 4] == ' ')) {
		char *g = xasprintf("%.*suy ban nhan dan%s", (int)at, f, f + at + 4);
		free(f);
		f = g;
	}
	return f;
}

const char *
body_name_capitalised(const char *s)
{
	if (!s || !*s)
		return NULL;
	size_t n = 1; /* the first letter's bytes */
	while (((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	char *first = xstrndup(s, n), *up = text_upper(first);
	int small = strcmp(up, first) != 0;
	free(first);
	free(up);
	if (!small)
		return NULL;
	char *f = body_fold(s);
	const struct body_name *b = body_name_of(f);
	free(f);
	return b ? b->vi : NULL;
}
