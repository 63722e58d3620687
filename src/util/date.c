/*
 * date.c: parsing, arithmetic and wording of calendar dates.  Pure
 * functions: no time zone other than UTC, no locale.
 */
#include "date.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_month_days(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

/* Read exactly n digits. */
static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

enum date_parse
date_parse(const char *s, int month_ok, struct date *out)
{
	struct date d = {0, 0, 0};
	size_t n = s ? strlen(s) : 0;
	if (n == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, &d.y) && digits(s + 5, 2, &d.m) &&
	    digits(s + 8, 2, &d.d)) {
		if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > date_month_days(d.y, d.m))
			return DATE_IMPOSSIBLE;
		*out = d;
		return DATE_OK;
	}
	if (n == 7 && s[4] == '-' && digits(s, 4, &d.y) && digits(s + 5, 2, &d.m)) {
		if (d.m < 1 || d.m > 12)
			return DATE_IMPOSSIBLE;
		*out = d;
		return month_ok ? DATE_OK : DATE_MONTH_ONLY;
	}
	if (n == 4 && digits(s, 4, &d.y) && month_ok) {
		*out = d;
		return DATE_OK;
	}
	/* Vietnamese habit: 12/10/2023 or 2/7/2017 (also with '.' or '-'). */
	if (n >= 8 && n <= 10) {
		int a = 0, b = 0, y = 0, i = 0, k;
		char sep = 0;
		for (k = 0; isdigit((unsigned char)s[i]) && k < 2; k++, i++)
			a = a * 10 + (s[i] - '0');
		if (k == 0 || !(s[i] == '/' || s[i] == '.' || s[i] == '-'))
			return DATE_MALFORMED;
		sep = s[i++];
		for (k = 0; isdigit((unsigned char)s[i]) && k < 2; k++, i++)
			b = b * 10 + (s[i] - '0');
		if (k == 0 || s[i] != sep)
			return DATE_MALFORMED;
		i++;
		if (strlen(s + i) != 4 || !digits(s + i, 4, &y))
			return DATE_MALFORMED;
		if (b < 1 || b > 12 || a < 1 || a > date_month_days(y, b))
			return DATE_IMPOSSIBLE;
		out->y = y;
		out->m = b;
		out->d = a;
		return DATE_DMY;
	}
	return DATE_MALFORMED;
}

/* Howard Hinnant's days_from_civil. */
long
date_days(struct date d, int end)
{
	if (!d.m) {
		d.m = end ? 12 : 1;
		d.d = end ? 31 : 1;
	}
	int day = d.d ? d.d : (end ? date_month_days(d.y, d.m) : 1);
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date d;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(y + (d.m <= 2));
	return d;
}

void
date_iso(struct date d, char *buf)
{
	/* Fields are range-checked by date_parse; clamp for the compiler. */
	unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u, dd = (unsigned)d.d % 100u;
	/* as "%04u-%02u-%02u" would write it, by hand: the archive writes
	 * hundreds of thousands of dates */
	char *p = buf;
	*p++ = (char)('0' + y / 1000), *p++ = (char)('0' + y / 100 % 10);
	*p++ = (char)('0' + y / 10 % 10), *p++ = (char)('0' + y % 10);
	if (d.m || d.d)
		*p++ = '-', *p++ = (char)('0' + m / 10), *p++ = (char)('0' + m % 10);
	if (d.d)
		*p++ = '-', *p++ = (char)('0' + dd / 10), *p++ = (char)('0' + dd % 10);
	*p = '\0';
}

void
date_human(struct date d, enum lang lang, char *buf, size_t n)
{
	static const char *months[] = {"January",   "February", "March",    "April",
	                               "May",       "June",     "July",     "August",
	                               "September", "October",  "November", "December"};
	if (!d.m)
		snprintf(buf, n, lang == LANG_EN ? "%d" : "năm %d", d.y);
	else if (lang == LANG_EN) {
		if (d.d)
			snprintf(buf, n, "%d %s %d", d.d, months[d.m - 1], d.y);
		else
			snprintf(buf, n, "%s %d", months[d.m - 1], d.y);
	} else {
		if (d.d)
			snprintf(buf, n, "ngày %d tháng %d năm %d", d.d, d.m, d.y);
		else
			snprintf(buf, n, "tháng %d năm %d", d.m, d.y);
	}
}

void
date_span_human(struct date a, struct date b, enum lang lang, char *buf, size_t n)
{
	static const char *months[] = {"January",   "February", "March",    "April",
	                               "May",       "June",     "July",     "August",
	                               "September", "October",  "November", "December"};
	int days = a.d && b.d && a.m && b.m; /* both to the day */
	if (days && a.y == b.y && a.m == b.m && lang == LANG_EN)
		snprintf(buf, n, "from %d to %d %s %d", a.d, b.d, months[b.m - 1], b.y);
	else if (days && a.y == b.y && a.m == b.m)
		snprintf(buf, n, "từ ngày %d đến ngày %d tháng %d năm %d", a.d, b.d, b.m, b.y);
	else if (days && a.y == b.y && lang == LANG_EN)
		snprintf(buf, n, "from %d %s to %d %s %d", a.d, months[a.m - 1], b.d,
		         months[b.m - 1], b.y);
	else if (days && a.y == b.y)
		snprintf(buf, n, "từ ngày %d tháng %d đến ngày %d tháng %d năm %d", a.d, a.m, b.d,
		         b.m, b.y);
	else {
		char x[64], y[64];
		date_human(a, lang, x, sizeof x);
		date_human(b, lang, y, sizeof y);
		snprintf(buf, n, lang == LANG_EN ? "from %s to %s" : "từ %s đến %s", x, y);
	}
}

void
date_short(struct date d, enum lang lang, char *buf, size_t n)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	if (!d.m)
		snprintf(buf, n, "%d", d.y);
	else if (lang == LANG_EN && d.d)
		snprintf(buf, n, "%d %s %d", d.d, mon[d.m - 1], d.y);
	else if (lang == LANG_EN)
		snprintf(buf, n, "%s %d", mon[d.m - 1], d.y);
	else if (d.d)
		snprintf(buf, n, "%d/%d/%d", d.d, d.m, d.y);
	else
		snprintf(buf, n, "%d/%d", d.m, d.y);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
date_source_epoch_bad(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	return s && *s && (strlen(s) > 15 || strspn(s, "0123456789") != strlen(s));
}

long long
date_source_epoch(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s || date_source_epoch_bad())
		return -1;
	return strtoll(s, NULL, 10);
}

int
date_today(const char *opt, enum lang lang, struct date *out, const char **err)
{
	if (opt) {
		enum date_parse p = date_parse(opt, 0, out);
		if (p == DATE_IMPOSSIBLE && strlen(opt) == 10 && opt[4] == '-') {
			/* written right, but no such day (2026-02-30) */
			*err = L(lang, "ngày ghi ở --today không có trong lịch",
			         "--today names a date that does not exist");
			return 0;
		}
		if (p != DATE_OK) {
			*err = L(lang, "--today cần một ngày viết dạng YYYY-MM-DD",
			         "--today wants a date written YYYY-MM-DD");
			return 0;
		}
		return 1;
	}
	/* one reading of it, the PDFs' creation date's */
	if (date_source_epoch_bad()) {
		*err = L(lang, "SOURCE_DATE_EPOCH không phải là một số giây",
		         "SOURCE_DATE_EPOCH is not a number of seconds");
		return 0;
	}
	long long v = date_source_epoch();
	if (v >= 0) {
		*out = date_from_days((long)(v / 86400));
		return 1;
	}
	time_t t = time(NULL);
	*out = date_from_days((long)(t / 86400));
	return 1;
}
