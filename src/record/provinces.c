/*
 * provinces.c: the 2025 reorganisation of Vietnam's provincial-level units
 * as data, and the name lookup the archive groups localities with.
 * Source: Resolution 202/2025/QH15 of the National Assembly, 12 June 2025,
 * in force 1 July 2025 (63 units became 34: 28 provinces, 6 cities).
 */
#include "provinces.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "text.h"
#include "xalloc.h"

enum {
	U_HA_NOI,
	U_HUE,
	U_LAI_CHAU,
	U_DIEN_BIEN,
	U_SON_LA,
	U_LANG_SON,
	U_QUANG_NINH,
	U_THANH_HOA,
	U_NGHE_AN,
	U_HA_TINH,
	U_CAO_BANG,
	U_TUYEN_QUANG,
	U_LAO_CAI,
	U_THAI_NGUYEN,
	U_PHU_THO,
	U_BAC_NINH,
	U_HUNG_YEN,
	U_HAI_PHONG,
	U_NINH_BINH,
	U_QUANG_TRI,
	U_DA_NANG,
	U_QUANG_NGAI,
	U_GIA_LAI,
	U_KHANH_HOA,
	U_LAM_DONG,
	U_DAK_LAK,
	U_HO_CHI_MINH,
	U_DONG_NAI,
	U_TAY_NINH,
	U_CAN_THO,
	U_VINH_LONG,
	U_DONG_THAP,
	U_CA_MAU,
	U_AN_GIANG,
	U_COUNT
};

/* The 34 units in force from 1 July 2025: the 11 unchanged, then the 23
 * formed by merging, in the order of docs/provinces-2025.md. */
const struct province_unit province_units[] = {
    [U_HA_NOI] = {"Hà Nội", "ha noi", LOC_CITY},
    [U_HUE] = {"Huế", "hue", LOC_CITY},
    [U_LAI_CHAU] = {"Lai Châu", "lai chau", LOC_PROVINCE},
    [U_DIEN_BIEN] = {"Điện Biên", "dien bien", LOC_PROVINCE},
    [U_SON_LA] = {"Sơn La", "son la", LOC_PROVINCE},
    [U_LANG_SON] = {"Lạng Sơn", "lang son", LOC_PROVINCE},
    [U_QUANG_NINH] = {"Quảng Ninh", "quang ninh", LOC_PROVINCE},
    [U_THANH_HOA] = {"Thanh Hóa", "thanh hoa", LOC_PROVINCE},
    [U_NGHE_AN] = {"Nghệ An", "nghe an", LOC_PROVINCE},
    [U_HA_TINH] = {"Hà Tĩnh", "ha tinh", LOC_PROVINCE},
    [U_CAO_BANG] = {"Cao Bằng", "cao bang", LOC_PROVINCE},
    [U_TUYEN_QUANG] = {"Tuyên Quang", "tuyen quang", LOC_PROVINCE},
    [U_LAO_CAI] = {"Lào Cai", "lao cai", LOC_PROVINCE},
    [U_THAI_NGUYEN] = {"Thái Nguyên", "thai nguyen", LOC_PROVINCE},
    [U_PHU_THO] = {"Phú Thọ", "phu tho", LOC_PROVINCE},
    [U_BAC_NINH] = {"Bắc Ninh", "bac ninh", LOC_PROVINCE},
    [U_HUNG_YEN] = {"Hưng Yên", "hung yen", LOC_PROVINCE},
    [U_HAI_PHONG] = {"Hải Phòng", "hai phong", LOC_CITY},
    [U_NINH_BINH] = {"Ninh Bình", "ninh binh", LOC_PROVINCE},
    [U_QUANG_TRI] = {"Quảng Trị", "quang tri", LOC_PROVINCE},
    [U_DA_NANG] = {"Đà Nẵng", "da nang", LOC_CITY},
    [U_QUANG_NGAI] = {"Quảng Ngãi", "quang ngai", LOC_PROVINCE},
    [U_GIA_LAI] = {"Gia Lai", "gia lai", LOC_PROVINCE},
    [U_KHANH_HOA] = {"Khánh Hòa", "khanh hoa", LOC_PROVINCE},
    [U_LAM_DONG] = {"Lâm Đồng", "lam dong", LOC_PROVINCE},
    [U_DAK_LAK] = {"Đắk Lắk", "dak lak", LOC_PROVINCE},
    [U_HO_CHI_MINH] = {"Hồ Chí Minh", "ho chi minh", LOC_CITY},
    [U_DONG_NAI] = {"Đồng Nai", "dong nai", LOC_PROVINCE},
    [U_TAY_NINH] = {"Tây Ninh", "tay ninh", LOC_PROVINCE},
    [U_CAN_THO] = {"Cần Thơ", "can tho", LOC_CITY},
    [U_VINH_LONG] = {"Vĩnh Long", "vinh long", LOC_PROVINCE},
    [U_DONG_THAP] = {"Đồng Tháp", "dong thap", LOC_PROVINCE},
    [U_CA_MAU] = {"Cà Mau", "ca mau", LOC_PROVINCE},
    [U_AN_GIANG] = {"An Giang", "an giang", LOC_PROVINCE},
};
const size_t province_nunits = U_COUNT;

/* The 63 units before 1 July 2025 and where each one is now. */
const struct province_old province_olds[] = {
    /* unchanged */
    {"Hà Nội", "ha noi", U_HA_NOI},
    {"Thừa Thiên Huế", "thua thien hue", U_HUE},
    {"Lai Châu", "lai chau", U_LAI_CHAU},
    {"Điện Biên", "dien bien", U_DIEN_BIEN},
    {"Sơn La", "son la", U_SON_LA},
    {"Lạng Sơn", "lang son", U_LANG_SON},
    {"Quảng Ninh", "quang ninh", U_QUANG_NINH},
    {"Thanh Hóa", "thanh hoa", U_THANH_HOA},
    {"Nghệ An", "nghe an", U_NGHE_AN},
    {"Hà Tĩnh", "ha tinh", U_HA_TINH},
    {"Cao Bằng", "cao bang", U_CAO_BANG},
    /* merged */
    {"Tuyên Quang", "tuyen quang", U_TUYEN_QUANG},
    {"Hà Giang", "ha giang", U_TUYEN_QUANG},
    {"Lào Cai", "lao cai", U_LAO_CAI},
    {"Yên Bái", "yen bai", U_LAO_CAI},
    {"Thái Nguyên", "thai nguyen", U_THAI_NGUYEN},
    {"Bắc Kạn", "bac kan", U_THAI_NGUYEN},
    {"Phú Thọ", "phu tho", U_PHU_THO},
    {"Vĩnh Phúc", "vinh phuc", U_PHU_THO},
    {"Hòa Bình", "hoa binh", U_PHU_THO},
    {"Bắc Ninh", "bac ninh", U_BAC_NINH},
    {"Bắc Giang", "bac giang", U_BAC_NINH},
    {"Hưng Yên", "hung yen", U_HUNG_YEN},
    {"Thái Bình", "thai binh", U_HUNG_YEN},
    {"Hải Phòng", "hai phong", U_HAI_PHONG},
    {"Hải Dương", "hai duong", U_HAI_PHONG},
    {"Ninh Bình", "ninh binh", U_NINH_BINH},
    {"Hà Nam", "ha nam", U_NINH_BINH},
    {"Nam Định", "nam dinh", U_NINH_BINH},
    {"Quảng Trị", "quang tri", U_QUANG_TRI},
    {"Quảng Bình", "quang binh", U_QUANG_TRI},
    {"Đà Nẵng", "da nang", U_DA_NANG},
    {"Quảng Nam", "quang nam", U_DA_NANG},
    {"Quảng Ngãi", "quang ngai", U_QUANG_NGAI},
    {"Kon Tum", "kon tum", U_QUANG_NGAI},
    {"Gia Lai", "gia lai", U_GIA_LAI},
    {"Bình Định", "binh dinh", U_GIA_LAI},
    {"Khánh Hòa", "khanh hoa", U_KHANH_HOA},
    {"Ninh Thuận", "ninh thuan", U_KHANH_HOA},
    {"Lâm Đồng", "lam dong", U_LAM_DONG},
    {"Đắk Nông", "dak nong", U_LAM_DONG},
    {"Bình Thuận", "binh thuan", U_LAM_DONG},
    {"Đắk Lắk", "dak lak", U_DAK_LAK},
    {"Phú Yên", "phu yen", U_DAK_LAK},
    {"TP. Hồ Chí Minh", "ho chi minh", U_HO_CHI_MINH},
    {"Bình Dương", "binh duong", U_HO_CHI_MINH},
    {"Bà Rịa – Vũng Tàu", "ba ria vung tau", U_HO_CHI_MINH},
    {"Đồng Nai", "dong nai", U_DONG_NAI},
    {"Bình Phước", "binh phuoc", U_DONG_NAI},
    {"Tây Ninh", "tay ninh", U_TAY_NINH},
    {"Long An", "long an", U_TAY_NINH},
    {"Cần Thơ", "can tho", U_CAN_THO},
    {"Sóc Trăng", "soc trang", U_CAN_THO},
    {"Hậu Giang", "hau giang", U_CAN_THO},
    {"Vĩnh Long", "vinh long", U_VINH_LONG},
    {"Bến Tre", "ben tre", U_VINH_LONG},
    {"Trà Vinh", "tra vinh", U_VINH_LONG},
    {"Đồng Tháp", "dong thap", U_DONG_THAP},
    {"Tiền Giang", "tien giang", U_DONG_THAP},
    {"Cà Mau", "ca mau", U_CA_MAU},
    {"Bạc Liêu", "bac lieu", U_CA_MAU},
    {"An Giang", "an giang", U_AN_GIANG},
    {"Kiên Giang", "kien giang", U_AN_GIANG},
};
const size_t province_nolds = sizeof province_olds / sizeof province_olds[0];

/* Spellings seen in records that folding alone does not reconcile: other
 * transliterations (Đắc Lắc), run-together or abbreviated forms (TP.HCM →
 * "hcm" once the prefix is gone), and the old name of Huế.  Keys are
 * province_key() forms. */
static const struct {
	const char *key;
	int unit;
	const char *old; /* the unit it named before 2025, when not the current one */
} variants[] = {
    {"hcm", U_HO_CHI_MINH, NULL},
    {"hcmc", U_HO_CHI_MINH, NULL},
    {"tphcm", U_HO_CHI_MINH, NULL},
    {"sai gon", U_HO_CHI_MINH, NULL},
    {"saigon", U_HO_CHI_MINH, NULL},
    {"br vt", U_HO_CHI_MINH, "Bà Rịa – Vũng Tàu"},
    {"brvt", U_HO_CHI_MINH, "Bà Rịa – Vũng Tàu"},
    {"dac lac", U_DAK_LAK, NULL},
    {"dak lac", U_DAK_LAK, NULL},
    {"dac lak", U_DAK_LAK, NULL},
    {"daklak", U_DAK_LAK, NULL},
    {"daclac", U_DAK_LAK, NULL},
    {"dac nong", U_LAM_DONG, "Đắk Nông"},
    {"daknong", U_LAM_DONG, "Đắk Nông"},
    {"tt hue", U_HUE, "Thừa Thiên Huế"},
    {"tthue", U_HUE, "Thừa Thiên Huế"},
    {"thua thien", U_HUE, "Thừa Thiên Huế"},
    {"bac can", U_THAI_NGUYEN, "Bắc Kạn"},
    {"kontum", U_QUANG_NGAI, "Kon Tum"},
    {"hanoi", U_HA_NOI, NULL},
    {"ha tay", U_HA_NOI, "Hà Tây"},
    {"danang", U_DA_NANG, NULL},
    {"haiphong", U_HAI_PHONG, NULL},
    {"cantho", U_CAN_THO, NULL},
    {"ba ria", U_HO_CHI_MINH, "Bà Rịa – Vũng Tàu"},
    {"vung tau", U_HO_CHI_MINH, "Bà Rịa – Vũng Tàu"},
};

/* Cities inside a province, by province_key(): where a provincial body
 * may sit and date its documents ("Hạ Long, ngày …" for an office of
 * Quảng Ninh).  The cities of provinces before the 2025 reorganisation,
 * a few towns named as often, and Thủ Đức; a city with its province's own
 * name needs no entry. */
static const struct {
	const char *key;
	int unit;
} cities[] = {
    {"son tay", U_HA_NOI},
    {"ha long", U_QUANG_NINH},
    {"mong cai", U_QUANG_NINH},
    {"cam pha", U_QUANG_NINH},
    {"uong bi", U_QUANG_NINH},
    {"dong trieu", U_QUANG_NINH},
    {"sam son", U_THANH_HOA},
    {"vinh", U_NGHE_AN},
    {"hong linh", U_HA_TINH},
    {"dien bien phu", U_DIEN_BIEN},
    {"song cong", U_THAI_NGUYEN},
    {"pho yen", U_THAI_NGUYEN},
    {"viet tri", U_PHU_THO},
    {"vinh yen", U_PHU_THO},
    {"phuc yen", U_PHU_THO},
    {"tu son", U_BAC_NINH},
    {"chi linh", U_HAI_PHONG},
    {"thuy nguyen", U_HAI_PHONG},
    {"phu ly", U_NINH_BINH},
    {"tam diep", U_NINH_BINH},
    {"hoa lu", U_NINH_BINH},
    {"dong ha", U_QUANG_TRI},
    {"dong hoi", U_QUANG_TRI},
    {"tam ky", U_DA_NANG},
    {"hoi an", U_DA_NANG},
    {"pleiku", U_GIA_LAI},
    {"play cu", U_GIA_LAI},
    {"quy nhon", U_GIA_LAI},
    {"nha trang", U_KHANH_HOA},
    {"cam ranh", U_KHANH_HOA},
    {"phan rang thap cham", U_KHANH_HOA},
    {"phan rang", U_KHANH_HOA},
    {"da lat", U_LAM_DONG},
    {"bao loc", U_LAM_DONG},
    {"gia nghia", U_LAM_DONG},
    {"phan thiet", U_LAM_DONG},
    {"buon ma thuot", U_DAK_LAK},
    {"buon me thuot", U_DAK_LAK},
    {"tuy hoa", U_DAK_LAK},
    {"thu duc", U_HO_CHI_MINH},
    {"thu dau mot", U_HO_CHI_MINH},
    {"thuan an", U_HO_CHI_MINH},
    {"di an", U_HO_CHI_MINH},
    {"bien hoa", U_DONG_NAI},
    {"long khanh", U_DONG_NAI},
    {"dong xoai", U_DONG_NAI},
    {"tan an", U_TAY_NINH},
    {"vi thanh", U_CAN_THO},
    {"nga bay", U_CAN_THO},
    {"my tho", U_DONG_THAP},
    {"go cong", U_DONG_THAP},
    {"cao lanh", U_DONG_THAP},
    {"sa dec", U_DONG_THAP},
    {"hong ngu", U_DONG_THAP},
    {"long xuyen", U_AN_GIANG},
    {"chau doc", U_AN_GIANG},
    {"rach gia", U_AN_GIANG},
    {"ha tien", U_AN_GIANG},
    {"phu quoc", U_AN_GIANG},
};

/* Words around a name that say what kind of unit it is, folded.  Longest
 * first so "thanh pho" wins over a shorter match. */
static const char *const prefixes[] = {"thanh pho ", "t p ",     "tinh ",
                                       "tp ",        "city of ", "province of "};
static const char *const suffixes[] = {" city", " province", " municipality"};

/* f, folded, as province_key makes it: the unit's words alone. */
static char *
key_cut(char *f)
{
	size_t n = strlen(f);
	/* "TP.HCM" and "TPHCM": the abbreviation is glued to the name. */
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t k = strlen(prefixes[i]);
		if (n > k && !strncmp(f, prefixes[i], k)) {
			memmove(f, f + k, n - k + 1);
			n -= k;
			break;
		}
	}
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t k = strlen(suffixes[i]);
		if (n > k && !strcmp(f + n - k, suffixes[i])) {
			f[n - k] = '\0';
			n -= k;
			break;
		}
	}
	return f;
}

char *
province_key(const char *name)
{
	return key_cut(text_fold(name ? name : ""));
}

/* Every key of the tables above in one hash table built once, the first
 * table to have a key naming its unit as the walk through them in turn
 * did: units, former units, variants, then cities.  The archive and the
 * rules look a locality up for every tail of its words. */
enum { KEY_SLOTS = 1024 }; /* a power of two, well above the keys */
static struct key_slot {
	const char *key; /* NULL: empty */
	int unit;
	int city; /* from the cities: only when they are asked for */
} key_slots[KEY_SLOTS];
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static struct key_slot *
key_slot(const char *k)
{
	size_t h = strmap_hash(k, strlen(k)) & (KEY_SLOTS - 1);
	while (key_slots[h].key && strcmp(key_slots[h].key, k))
		h = (h + 1) & (KEY_SLOTS - 1);
	return &key_slots[h];
}

static void
key_put(const char *k, int unit, int city)
{
	struct key_slot *sl = key_slot(k);
	if (!sl->key) /* a key met again keeps its first unit */
		*sl = (struct key_slot){k, unit, city};
}

static void
keys_build(void)
{
	_Static_assert(U_COUNT + sizeof province_olds / sizeof province_olds[0] +
	                       sizeof variants / sizeof variants[0] +
	                       sizeof cities / sizeof cities[0] <
	                   KEY_SLOTS / 2,
	               "KEY_SLOTS too small for the tables");
	for (size_t i = 0; i < province_nunits; i++)
		key_put(province_units[i].key, (int)i, 0);
	for (size_t i = 0; i < province_nolds; i++)
		key_put(province_olds[i].key, province_olds[i].unit, 0);
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		key_put(variants[i].key, variants[i].unit, 0);
	for (size_t i = 0; i < sizeof cities / sizeof cities[0]; i++)
		key_put(cities[i].key, cities[i].unit, 1);
}

void
province_cut_unit_word(char *f)
{
	static const char *const pre[] = {" tinh", " thanh pho", " tp", " tp."};
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		size_t n = strlen(f), m = strlen(pre[i]);
		if (n > m && !strcmp(f + n - m, pre[i])) {
			f[n - m] = '\0';
			return;
		}
	}
}

void
province_cut_own(char *f, const char *locality)
{
	char *own = locality ? province_key(locality) : NULL;
	for (char *p = own && *own ? strchr(f, ' ') : NULL; p; p = strchr(p + 1, ' ')) {
		/* f is folded already: folding its tail again would change
		 * nothing but the time a report takes */
		char *k = key_cut(xstrdup(p + 1));
		int hit = !strcmp(k, own);
		free(k);
		if (!hit)
			continue;
		*p = '\0';
		/* "... tinh ca mau" matched at "ca mau"; "... of ca mau province" */
		province_cut_unit_word(f);
		size_t n = strlen(f);
		if (n > 3 && !strcmp(f + n - 3, " of"))
			f[n - 3] = '\0';
		break;
	}
	free(own);
}

/* The unit a key (province_key) names: a unit, a former one, a variant;
 * with cities set, a city of one too.  -1 when none. */
static int
unit_of_key(const char *k, int cities_too)
{
	pthread_once(&keys_once, keys_build);
	const struct key_slot *sl = key_slot(k);
	return sl->key && (cities_too || !sl->city) ? sl->unit : -1;
}

static int
lookup(const char *name, int cities_too)
{
	if (!name || !*name)
		return -1;
	char *k = province_key(name);
	int u = unit_of_key(k, cities_too);
	free(k);
	return u;
}

int
province_lookup(const char *name)
{
	return lookup(name, 0);
}

int
province_of_place(const char *name)
{
	return lookup(name, 1);
}

int
province_named_in(const char *name)
{
	if (!name)
		return -1;
	char *f = text_fold(name);
	int u = -1;
	/* the longest tail of words that is a unit or a city of one */
	for (const char *p = f; p && *p && u < 0; p = strchr(p, ' '), p = p ? p + 1 : NULL)
		u = province_of_place(p);
	free(f);
	return u;
}

const struct date province_reform_day = {2025, 7, 1};
const struct date province_hue_day = {2025, 1, 1};

const struct date *
province_named_since(int u)
{
	return u == U_HUE ? &province_hue_day : &province_reform_day;
}

/* 1 when a record dated *when names the unit u by a name it had before
 * province_named_since(u). */
static int
named_before(int u, const struct date *when)
{
	return date_cmp(*when, *province_named_since(u)) < 0;
}

/* The unit a name denoted before the reorganisation, by its name of the
 * time ("Quảng Nam" for "Tỉnh Quảng Nam", "Thừa Thiên Huế" for "TT Huế"),
 * when that is not the name of the unit it belongs to now; else NULL. */
static const char *
old_name(const char *name)
{
	if (!name || !*name)
		return NULL;
	char *k = province_key(name);
	const char *old = NULL;
	int u = -1;
	for (size_t i = 0; i < province_nolds && u < 0; i++)
		if (!strcmp(k, province_olds[i].key)) {
			u = province_olds[i].unit;
			if (strcmp(k, province_units[u].key))
				old = province_olds[i].name;
		}
	for (size_t i = 0; i < sizeof variants / sizeof variants[0] && u < 0; i++)
		if (!strcmp(k, variants[i].key)) {
			u = variants[i].unit;
			old = variants[i].old;
		}
	free(k);
	return old;
}

int
province_abolished(const char *name)
{
	return province_lookup(name) >= 0 && old_name(name) != NULL;
}

const char *
province_suggest(const char *name)
{
	char *k = province_key(name);
	const char *best = NULL;
	size_t bestd = strlen(k) / 3 + 1; /* at most a third of the letters wrong */
	if (bestd > 3)
		bestd = 3;
	bestd++;
	for (size_t i = 0; i < province_nunits; i++) {
		size_t d = text_distance(k, province_units[i].key);
		if (d < bestd)
			bestd = d, best = province_units[i].name;
	}
	for (size_t i = 0; i < province_nolds; i++) {
		size_t d = text_distance(k, province_olds[i].key);
		if (d < bestd)
			bestd = d, best = province_olds[i].name;
	}
	free(k);
	return best;
}

int
province_said(const char *name, const char *former, const struct date *when, const char **then)
{
	int u = province_lookup(name);
	if (u < 0)
		u = province_lookup(former);
	*then = NULL;
	if (u < 0)
		return -1;
	/* After the reorganisation the visit was to the current unit. */
	if (when && date_cmp(*when, province_reform_day) >= 0)
		return u;
	if (province_lookup(former) == u && old_name(former))
		*then = old_name(former);
	else if (province_lookup(name) == u && old_name(name))
		*then = old_name(name);
	return u;
}

/* The name the unit u bore on *when: Thừa Thiên Huế for Huế before 2025;
 * every other unit is named as one of the units before the reorganisation
 * was. */
static const char *
unit_name_on(int u, const struct date *when)
{
	for (size_t i = 0; u == U_HUE && named_before(u, when) && i < province_nolds; i++)
		if (province_olds[i].unit == u)
			return province_olds[i].name;
	return province_units[u].name;
}

/* 1 when the word w[len] of an id is the province key k without its
 * spaces: "nghean" for "nghe an". */
static int
word_is_key(const char *w, size_t len, const char *k)
{
	size_t i = 0;
	for (; *k; k++) {
		if (*k == ' ')
			continue;
		if (i == len || w[i] != *k)
			return 0;
		i++;
	}
	return i == len;
}

const char *
province_in_id(const char *id, const struct date *when)
{
	const char *hit = NULL;
	for (const char *w = id; *w;) {
		size_t len = strcspn(w, "-");
		const char *name = NULL;
		for (size_t i = 0; len >= 3 && !name && i < province_nunits; i++)
			if (word_is_key(w, len, province_units[i].key))
				name = unit_name_on((int)i, when);
		for (size_t i = 0; len >= 3 && !name && i < province_nolds; i++)
			if (word_is_key(w, len, province_olds[i].key) &&
			    named_before(province_olds[i].unit, when))
				name = province_olds[i].name;
		/* "tphcm", "hcm", "daklak", "tthue": the spellings records write
		 * run together, a former name only before the unit lost it */
		for (size_t i = 0; len >= 3 && !name && i < sizeof variants / sizeof variants[0];
		     i++)
			if (!strchr(variants[i].key, ' ') && word_is_key(w, len, variants[i].key) &&
			    (!variants[i].old || named_before(variants[i].unit, when)))
				name = variants[i].old ? variants[i].old
				                       : province_units[variants[i].unit].name;
		if (name && hit && strcmp(name, hit))
			return NULL;
		if (name)
			hit = name;
		w += len;
		w += *w == '-';
	}
	return hit;
}

/* The units' names in English: without their marks, "Tuyen Quang", as
 * the reports write them; made once a process. */
static char *shown_en[64];
static pthread_once_t shown_en_once = PTHREAD_ONCE_INIT;

static void
shown_en_make(void)
{
	for (size_t i = 0; i < province_nunits && i < sizeof shown_en / sizeof shown_en[0]; i++)
		shown_en[i] = text_unaccent(province_units[i].name);
}

const char *
province_shown(int u, enum lang lang)
{
	if (u == U_HO_CHI_MINH)
		return L(lang, "TP. Hồ Chí Minh", "Ho Chi Minh City");
	if (lang != LANG_EN)
		return province_units[u].name;
	pthread_once(&shown_en_once, shown_en_make);
	return shown_en[u] ? shown_en[u] : province_units[u].name;
}

char *
province_then_now(const char *then, int u, enum lang lang)
{
	const struct province_unit *p = &province_units[u];
	if (lang == LANG_EN && u == U_HO_CHI_MINH)
		return xasprintf("%s, now %s", then, province_shown(u, lang));
	if (lang == LANG_EN) { /* without their marks, as English writes them */
		char *t = text_unaccent(then),
		     *r = xasprintf("%s, now %s %s", t, province_shown(u, lang),
		                    p->kind == LOC_CITY ? "city" : "province");
		free(t);
		return r;
	}
	return xasprintf("%s, nay là %s %s", then, p->kind == LOC_CITY ? "thành phố" : "tỉnh",
	                 p->name);
}
