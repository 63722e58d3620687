/*
 * date.h: calendar dates as the record format writes them (YYYY-MM-DD, or
 * YYYY-MM where month precision is allowed), "today", and dates written
 * out in Vietnamese and English.
 */
#ifndef DATE_H
#define DATE_H

#include "debrief.h"

struct date {
	int y, m, d; /* d == 0: month precision (YYYY-MM); m == 0 too: a year (YYYY) */
};

enum date_parse {
	DATE_OK,         /* a valid date */
	DATE_MONTH_ONLY, /* valid YYYY-MM, but a full date was required */
	DATE_IMPOSSIBLE, /* well-formed but no such day (2023-02-30) */
	DATE_DMY,        /* DD/MM/YYYY or D/M/YYYY: *out holds it, for the message */
	DATE_MALFORMED   /* anything else */
};

/* Parse s; month_ok accepts YYYY-MM and YYYY (a year is all people know
 * of an old twinning).  *out is set for OK, MONTH_ONLY, DMY. */
enum date_parse date_parse(const char *s, int month_ok, struct date *out);
/* Days since 1970-01-01; a month- or year-precision date counts as its
 * last day when "end" is set, else its first. */
long date_days(struct date d, int end);
struct date date_from_days(long days);
/* "2017-07-20", "2017-07" or "2017" into buf (at least 11 bytes). */
void date_iso(struct date d, char *buf);
/* "ngày 20 tháng 7 năm 2017" / "20 July 2017"; "tháng 7 năm 2017" / "July 2017";
 * "năm 2017" / "2017". */
void date_human(struct date d, enum lang lang, char *buf, size_t n);
/* From a to b, as a sentence writes it, what the two share said once:
 * "từ ngày 10 đến ngày 14 tháng 7 năm 2017" / "from 10 to 14 July 2017",
 * "từ ngày 28 tháng 9 đến ngày 2 tháng 10 năm 2024" / "from 28 September
 * to 2 October 2024"; across years, or to the month only, each in full
 * (date_human). */
void date_span_human(struct date a, struct date b, enum lang lang, char *buf, size_t n);
/* As a table cell writes it: "31/10/2017", "10/2017" (vi); "31 Oct 2017",
 * "Oct 2017" (en); "2017".  buf: at least 16 bytes. */
void date_short(struct date d, enum lang lang, char *buf, size_t n);
int date_cmp(struct date a, struct date b);
/* The days of month m (1 to 12) of year y. */
int date_month_days(int y, int m);
/* Today: --today value if given, else SOURCE_DATE_EPOCH, else the clock (UTC).
 * Returns 0 and leaves a message in *err, in lang, when the given value is
 * unusable. */
int date_today(const char *opt, enum lang lang, struct date *out, const char **err);
/* SOURCE_DATE_EPOCH as a PDF's creation date: seconds since 1970, or -1
 * when it is unset or not a plain number of at most 15 digits. */
long long date_source_epoch(void);
/* 1 when SOURCE_DATE_EPOCH is set, not empty, and not such a number: no
 * date comes from it (date_today refuses it; the PDFs are undated). */
int date_source_epoch_bad(void);

#endif
