/*
 * Unit tests of text_looks_legacy: Vietnamese typed in TCVN3 (ABC) or VNI,
 * read as Latin-1 and saved as Unicode, must be recognised; real French,
 * German, Spanish, Italian, Portuguese, English, romaji and Unicode
 * Vietnamese must not.  The mojibake is made here from the Unicode text
 * with each encoding's table, so every sentence is tested three ways.
 */
#include <stdlib.h>

#include "buf.h"
#include "text.h"
#include "unit.h"

/* Vietnamese letter → what its TCVN3 or VNI bytes look like in Latin-1. */
static const char *const tcvn3[][2] = {
    {"À", "µ"}, {"Á", "¸"}, {"Â", "¢"}, {"Ã", "·"}, {"È", "Ì"}, {"É", "Ð"}, {"Ê", "£"}, {"Ì", "×"},
    {"Í", "Ý"}, {"Ò", "ß"}, {"Ó", "ã"}, {"Ô", "¤"}, {"Õ", "â"}, {"Ù", "ï"}, {"Ú", "ó"}, {"Ý", "ý"},
    {"à", "µ"}, {"á", "¸"}, {"â", "©"}, {"ã", "·"}, {"è", "Ì"}, {"é", "Ð"}, {"ê", "ª"}, {"ì", "×"},
    {"í", "Ý"}, {"ò", "ß"}, {"ó", "ã"}, {"ô", "«"}, {"õ", "â"}, {"ù", "ï"}, {"ú", "ó"}, {"ý", "ý"},
    {"Ă", "¡"}, {"ă", "¨"}, {"Đ", "§"}, {"đ", "®"}, {"Ĩ", "Ü"}, {"ĩ", "Ü"}, {"Ũ", "ò"}, {"ũ", "ò"},
    {"Ơ", "¥"}, {"ơ", "¬"}, {"Ư", "¦"}, {"ư", "­"}, {"Ạ", "¹"}, {"ạ", "¹"}, {"Ả", "¶"}, {"ả", "¶"},
    {"Ấ", "Ê"}, {"ấ", "Ê"}, {"Ầ", "Ç"}, {"ầ", "Ç"}, {"Ẩ", "È"}, {"ẩ", "È"}, {"Ẫ", "É"}, {"ẫ", "É"},
    {"Ậ", "Ë"}, {"ậ", "Ë"}, {"Ắ", "¾"}, {"ắ", "¾"}, {"Ằ", "»"}, {"ằ", "»"}, {"Ẳ", "¼"}, {"ẳ", "¼"},
    {"Ẵ", "½"}, {"ẵ", "½"}, {"Ặ", "Æ"}, {"ặ", "Æ"}, {"Ẹ", "Ñ"}, {"ẹ", "Ñ"}, {"Ẻ", "Î"}, {"ẻ", "Î"},
    {"Ẽ", "Ï"}, {"ẽ", "Ï"}, {"Ế", "Õ"}, {"ế", "Õ"}, {"Ề", "Ò"}, {"ề", "Ò"}, {"Ể", "Ó"}, {"ể", "Ó"},
    {"Ễ", "Ô"}, {"ễ", "Ô"}, {"Ệ", "Ö"}, {"ệ", "Ö"}, {"Ỉ", "Ø"}, {"ỉ", "Ø"}, {"Ị", "Þ"}, {"ị", "Þ"},
    {"Ọ", "ä"}, {"ọ", "ä"}, {"Ỏ", "á"}, {"ỏ", "á"}, {"Ố", "è"}, {"ố", "è"}, {"Ồ", "å"}, {"ồ", "å"},
    {"Ổ", "æ"}, {"ổ", "æ"}, {"Ỗ", "ç"}, {"ỗ", "ç"}, {"Ộ", "é"}, {"ộ", "é"}, {"Ớ", "í"}, {"ớ", "í"},
    {"Ờ", "ê"}, {"ờ", "ê"}, {"Ở", "ë"}, {"ở", "ë"}, {"Ỡ", "ì"}, {"ỡ", "ì"}, {"Ợ", "î"}, {"ợ", "î"},
    {"Ụ", "ô"}, {"ụ", "ô"}, {"Ủ", "ñ"}, {"ủ", "ñ"}, {"Ứ", "ø"}, {"ứ", "ø"}, {"Ừ", "õ"}, {"ừ", "õ"},
    {"Ử", "ö"}, {"ử", "ö"}, {"Ữ", "÷"}, {"ữ", "÷"}, {"Ự", "ù"}, {"ự", "ù"}, {"Ỳ", "ú"}, {"ỳ", "ú"},
    {"Ỵ", "þ"}, {"ỵ", "þ"}, {"Ỷ", "û"}, {"ỷ", "û"}, {"Ỹ", "ü"}, {"ỹ", "ü"},
};

static const char *const vni[][2] = {
    {"À", "AØ"}, {"Á", "AÙ"}, {"Â", "AÂ"}, {"Ã", "AÕ"}, {"È", "EØ"}, {"É", "EÙ"}, {"Ê", "EÂ"},
    {"Ì", "Ì"},  {"Í", "Í"},  {"Ò", "OØ"}, {"Ó", "OÙ"}, {"Ô", "OÂ"}, {"Õ", "OÕ"}, {"Ù", "UØ"},
    {"Ú", "UÙ"}, {"Ý", "YÙ"}, {"à", "aø"}, {"á", "aù"}, {"â", "aâ"}, {"ã", "aõ"}, {"è", "eø"},
    {"é", "eù"}, {"ê", "eâ"}, {"ì", "ì"},  {"í", "í"},  {"ò", "oø"}, {"ó", "où"}, {"ô", "oâ"},
    {"õ", "oõ"}, {"ù", "uø"}, {"ú", "uù"}, {"ý", "yù"}, {"Ă", "AÊ"}, {"ă", "aê"}, {"Đ", "Ñ"},
    {"đ", "ñ"},  {"Ĩ", "Ó"},  {"ĩ", "ó"},  {"Ũ", "UÕ"}, {"ũ", "uõ"}, {"Ơ", "Ô"},  {"ơ", "ô"},
    {"Ư", "Ö"},  {"ư", "ö"},  {"Ạ", "AÏ"}, {"ạ", "aï"}, {"Ả", "AÛ"}, {"ả", "aû"}, {"Ấ", "AÁ"},
    {"ấ", "aá"}, {"Ầ", "AÀ"}, {"ầ", "aà"}, {"Ẩ", "AÅ"}, {"ẩ", "aå"}, {"Ẫ", "AÃ"}, {"ẫ", "aã"},
    {"Ậ", "AÄ"}, {"ậ", "aä"}, {"Ắ", "AÉ"}, {"ắ", "aé"}, {"Ằ", "AÈ"}, {"ằ", "aè"}, {"Ẳ", "AÚ"},
    {"ẳ", "aú"}, {"Ẵ", "AÜ"}, {"ẵ", "aü"}, {"Ặ", "AË"}, {"ặ", "aë"}, {"Ẹ", "EÏ"}, {"ẹ", "eï"},
    {"Ẻ", "EÛ"}, {"ẻ", "eû"}, {"Ẽ", "EÕ"}, {"ẽ", "eõ"}, {"Ế", "EÁ"}, {"ế", "eá"}, {"Ề", "EÀ"},
    {"ề", "eà"}, {"Ể", "EÅ"}, {"ể", "eå"}, {"Ễ", "EÃ"}, {"ễ", "eã"}, {"Ệ", "EÄ"}, {"ệ", "eä"},
    {"Ỉ", "Æ"},  {"ỉ", "æ"},  {"Ị", "Ò"},  {"ị", "ò"},  {"Ọ", "OÏ"}, {"ọ", "oï"}, {"Ỏ", "OÛ"},
    {"ỏ", "oû"}, {"Ố", "OÁ"}, {"ố", "oá"}, {"Ồ", "OÀ"}, {"ồ", "oà"}, {"Ổ", "OÅ"}, {"ổ", "oå"},
    {"Ỗ", "OÃ"}, {"ỗ", "oã"}, {"Ộ", "OÄ"}, {"ộ", "oä"}, {"Ớ", "ÔÙ"}, {"ớ", "ôù"}, {"Ờ", "ÔØ"},
    {"ờ", "ôø"}, {"Ở", "ÔÛ"}, {"ở", "ôû"}, {"Ỡ", "ÔÕ"}, {"ỡ", "ôõ"}, {"Ợ", "ÔÏ"}, {"ợ", "ôï"},
    {"Ụ", "UÏ"}, {"ụ", "uï"}, {"Ủ", "UÛ"}, {"ủ", "uû"}, {"Ứ", "ÖÙ"}, {"ứ", "öù"}, {"Ừ", "ÖØ"},
    {"ừ", "öø"}, {"Ử", "ÖÛ"}, {"ử", "öû"}, {"Ữ", "ÖÕ"}, {"ữ", "öõ"}, {"Ự", "ÖÏ"}, {"ự", "öï"},
    {"Ỳ", "YØ"}, {"ỳ", "yø"}, {"Ỵ", "YÏ"}, {"ỵ", "yï"}, {"Ỷ", "YÛ"}, {"ỷ", "yû"}, {"Ỹ", "YÕ"},
    {"ỹ", "yõ"},
};

/* s with every letter found in table[n] replaced: the mojibake. */
static char *
encode(const char *s, const char *const (*table)[2], size_t n)
{
	struct buf b = BUF_INIT;
	while (*s) {
		size_t k = 1;
		while (((unsigned char)s[k] & 0xC0) == 0x80)
			k++;
		const char *to = NULL;
		for (size_t i = 0; i < n && !to; i++)
			if (strlen(table[i][0]) == k && !memcmp(table[i][0], s, k))
				to = table[i][1];
		if (to)
			buf_puts(&b, to);
		else
			buf_put(&b, s, k);
		s += k;
	}
	return buf_detach(&b);
}

static const char *const vietnamese[] = {
    "Sở Ngoại vụ",
    "Việt Nam",
    "Hà Nội",
    "Cà Mau",
    "Đà Nẵng",
    "Thành phố Hồ Chí Minh",
    "Sở Kế hoạch và Đầu tư",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Ủy ban nhân dân tỉnh Quảng Ninh",
    "Trường Đại học Cần Thơ",
    "Nguyễn Phương Hồng",
    "Tổng Lãnh sự quán Việt Nam tại Fukuoka",
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Đoàn lãnh đạo tỉnh Cà Mau làm việc tại tỉnh Nagasaki",
    "Xây dựng đề án liên kết nuôi tôm sinh thái với doanh nghiệp Nagasaki",
    "Hai bên thống nhất chọn thủy sản là lĩnh vực ưu tiên.",
    "Chuẩn bị đón đoàn Liên đoàn Công Thương tỉnh Nagasaki",
    "Báo cáo kết quả chuyến công tác tại Pháp",
    "Đã gửi bản dự thảo cho đối tác",
};

static const char *const not_legacy[] = {
    "Val-de-Marne, coopération décentralisée, à côté",
    ("Le département du Val-de-Marne a signé un accord de coopération décentralisée avec "
     "la province."),
    "Où est l'aéroport ? Nous irons à Noël chez Loïc, près d'Israël.",
    "Une délégation économique, à côté de la préfecture, a visité l'hôtel de région.",
    "Ça coûte très cher en août, mais c'est naïf de croire qu'on peut s'en passer.",
    "« Bonjour », dit-il ; «Merci».",
    "Conseil départemental de la Haute-Garonne, Île-de-France, Auvergne-Rhône-Alpes",
    "Größere Städte in Baden-Württemberg: Übersetzung und Straße",
    "Die Delegation aus Sachsen besuchte »Dresden« im März.",
    "Cooperación internacional con la Región de Murcia, España; año 2019",
    "¡Hola! ¿Qué tal? Mª José y Raúl, Nº 5",
    "Più cooperazione tra le città, perché è già così.",
    "Cooperação internacional, saúde e educação; não há problema.",
    "col·laboració amb la Generalitat de Catalunya",
    "Nagasaki-ken, Tōkyō, Ōsaka, Kyōto",
    "Tôkyô-to Chiyoda-ku, Ôsaka-fu",
    "長崎県 東京都千代田区",
    "Microsoft® Word ©2024 Acme Corp., 5 µm thick",
    "The footnote¹ says: 50°C, a 3×4 grid, ½ price, £5, 50¢",
    "Sister-city relationship since 1997 — naïve café résumé",
    "hoà bình Hoà Bình",
    "coopÃ©ration dÃ©centralisÃ©e",
    "Kø­ben­havn, co­opé­ra­tion",
    "Seán Murphy, Meán-Fraincis",
    "Mª Luisa, Nº 3",
    "Loïc Dupont",
    "le goût du thé",
    "di più",
    "5 µm",
    "%s×%s",
};

int
main(void)
{
	char name[160];
	for (size_t i = 0; i < sizeof vietnamese / sizeof vietnamese[0]; i++) {
		const char *u = vietnamese[i];
		char *t = encode(u, tcvn3, sizeof tcvn3 / sizeof tcvn3[0]);
		char *v = encode(u, vni, sizeof vni / sizeof vni[0]);
		snprintf(name, sizeof name, "legacy/unicode-is-not-legacy/%zu", i);
		INT_EQ(text_looks_legacy(u), 0, name);
		snprintf(name, sizeof name, "legacy/tcvn3/%zu", i);
		INT_EQ(text_looks_legacy(t), 1, name);
		snprintf(name, sizeof name, "legacy/vni/%zu", i);
		INT_EQ(text_looks_legacy(v), 2, name);
		if (text_looks_legacy(t) != 1 || text_looks_legacy(v) != 2)
			printf("  %s | %s | %s\n", u, t, v);
		free(t);
		free(v);
	}
	/* The forms quoted in docs/rules.md and by users, written out literally. */
	INT_EQ(text_looks_legacy("Së Ngo¹i vô"), 1, "legacy/tcvn3-literal");
	INT_EQ(text_looks_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), 1,
	       "legacy/tcvn3-literal-national-motto");
	INT_EQ(text_looks_legacy("Sôû Ngoaïi vuï"), 2, "legacy/vni-literal");
	INT_EQ(text_looks_legacy("Vieät Nam"), 2, "legacy/vni-literal-short");
	for (size_t i = 0; i < sizeof not_legacy / sizeof not_legacy[0]; i++) {
		snprintf(name, sizeof name, "legacy/not-legacy/%zu", i);
		INT_EQ(text_looks_legacy(not_legacy[i]), 0, name);
		if (text_looks_legacy(not_legacy[i]))
			printf("  %s\n", not_legacy[i]);
	}
	INT_EQ(text_looks_legacy(""), 0, "legacy/empty");
	INT_EQ(text_looks_legacy("plain ASCII text"), 0, "legacy/ascii");
	return unit_failed != 0;
}
