/* Unit tests of record.c: partner look-up, "completed", the word tables;
 * dates of year precision. */
#include <stdlib.h>

#include "load.h"
#include "schema.h"
#include "unit.h"

static struct record *
build(const char *yaml, struct date today, struct diags *dq)
{
	struct doc *d = load_yaml(yaml, strlen(yaml), "t.yaml", NULL, LANG_EN, dq);
	return schema_record_take(d, today, LANG_EN, dq);
}

static const char base[] = "schema: debrief/1\n"
                           "id: t\n"
                           "title: T\n"
                           "direction: outbound\n"
                           "locality: {name: Cà Mau}\n"
                           "partners:\n"
                           "  - {name: Nagasaki, country: JP}\n"
                           "  - {name: Hà Nội Partner, id: hn, country: JP}\n"
                           "  - {name: hn, country: KR}\n";

int
main(void)
{
	struct diags dq = DIAGS_INIT;
	struct date today = {2026, 1, 1};
	char buf[1024];

	/* A bare year where a month is accepted: the whole year, written as such. */
	struct date y;
	INT_EQ(date_month_days(2024, 2), 29, "date/february-of-a-leap-year");
	INT_EQ(date_month_days(1900, 2), 28, "date/february-of-1900");
	INT_EQ(date_month_days(2000, 2), 29, "date/february-of-2000");
	INT_EQ(date_month_days(2025, 4), 30, "date/april");
	INT_EQ(date_month_days(2025, 12), 31, "date/december");
	INT_EQ(date_parse("1998", 1, &y), DATE_OK, "date/year-accepted");
	OK(date_parse("1998", 0, &y) != DATE_OK, "date/year-not-a-full-date");
	char ys[32];
	date_iso(y, ys);
	STR_EQ(ys, "1998", "date/year-iso");
	date_human(y, LANG_VI, ys, sizeof ys);
	STR_EQ(ys, "năm 1998", "date/year-vi");
	date_human(y, LANG_EN, ys, sizeof ys);
	STR_EQ(ys, "1998", "date/year-en");
	struct date dec31 = {1998, 12, 31}, jan1 = {1998, 1, 1}, oct = {2017, 10, 0};
	/* a span in a sentence: what the two dates share said once */
	struct date s10 = {2017, 7, 10}, s14 = {2017, 7, 14}, s28 = {2024, 9, 28},
	            s2 = {2024, 10, 2}, s30 = {2024, 12, 30}, s3 = {2025, 1, 3};
	char sp[128];
	date_span_human(s10, s14, LANG_VI, sp, sizeof sp);
	STR_EQ(sp, "từ ngày 10 đến ngày 14 tháng 7 năm 2017", "date/span-same-month-vi");
	date_span_human(s10, s14, LANG_EN, sp, sizeof sp);
	STR_EQ(sp, "from 10 to 14 July 2017", "date/span-same-month-en");
	date_span_human(s28, s2, LANG_VI, sp, sizeof sp);
	STR_EQ(sp, "từ ngày 28 tháng 9 đến ngày 2 tháng 10 năm 2024", "date/span-same-year-vi");
	date_span_human(s28, s2, LANG_EN, sp, sizeof sp);
	STR_EQ(sp, "from 28 September to 2 October 2024", "date/span-same-year-en");
	date_span_human(s30, s3, LANG_VI, sp, sizeof sp);
	STR_EQ(sp, "từ ngày 30 tháng 12 năm 2024 đến ngày 3 tháng 1 năm 2025",
	       "date/span-across-years-vi");
	date_span_human(s30, s3, LANG_EN, sp, sizeof sp);
	STR_EQ(sp, "from 30 December 2024 to 3 January 2025", "date/span-across-years-en");
	date_span_human(oct, s2, LANG_EN, sp, sizeof sp);
	STR_EQ(sp, "from October 2017 to 2 October 2024", "date/span-month-only-in-full");
	/* table cells: the reports' and the archive's pages */
	char sh[32];
	date_short(dec31, LANG_VI, sh, sizeof sh);
	STR_EQ(sh, "31/12/1998", "date/short-vi");
	date_short(jan1, LANG_EN, sh, sizeof sh);
	STR_EQ(sh, "1 Jan 1998", "date/short-en");
	date_short(oct, LANG_VI, sh, sizeof sh);
	STR_EQ(sh, "10/2017", "date/short-month-vi");
	date_short(oct, LANG_EN, sh, sizeof sh);
	STR_EQ(sh, "Oct 2017", "date/short-month-en");
	date_short(y, LANG_VI, sh, sizeof sh);
	STR_EQ(sh, "1998", "date/short-year");
	INT_EQ(date_days(y, 1), date_days(dec31, 0), "date/year-ends-dec-31");
	INT_EQ(date_days(y, 0), date_days(jan1, 0), "date/year-starts-jan-1");

	snprintf(buf, sizeof buf, "%sdates: {start: 2025-12-01, end: 2025-12-31}\n", base);
	struct record *r = build(buf, today, &dq);
	OK(r != NULL, "record/built");
	INT_EQ(dq.n, 0, "record/no-findings");
	OK(record_partner(r, "Nagasaki") == &r->partners[0], "partner/by-name");
	OK(record_partner(r, "nagasaki") == &r->partners[0], "partner/folded-case");
	OK(record_partner(r, "Ha Noi partner") == &r->partners[1], "partner/folded-accents");
	OK(record_partner(r, "hn") == &r->partners[1], "partner/exact-id-before-later-name");
	OK(record_partner(r, "HN") == &r->partners[1], "partner/folded-id");
	OK(record_partner(r, "Fukuoka") == NULL, "partner/unknown");
	OK(record_partner(r, "") == NULL, "partner/empty");
	OK(record_partner(r, NULL) == NULL, "partner/null-ref");
	OK(record_partner(NULL, "x") == NULL, "partner/null-record");
	OK(record_partner(r, "!!") == NULL, "partner/punctuation-folds-to-nothing");

	/* Derived status: the visit ended the day before "today". */
	INT_EQ(r->status_given, 0, "completed/status-not-given");
	INT_EQ(r->status, STATUS_COMPLETED, "completed/derived-at-build");
	INT_EQ(record_completed(r, today), 1, "completed/end-before-today");
	struct date last = {2025, 12, 31}, before = {2025, 12, 30};
	INT_EQ(record_completed(r, last), 0, "completed/not-on-end-day");
	INT_EQ(record_completed(r, before), 0, "completed/not-before-end");
	INT_EQ(record_completed(NULL, today), 0, "completed/null-record");
	record_free(r);

	/* A written status wins over the dates. */
	snprintf(buf, sizeof buf,
	         "%sstatus: planned\ndates: {start: 2017-07-10, end: 2017-07-14}\n", base);
	r = build(buf, today, &dq);
	INT_EQ(r->status_given, 1, "completed/status-given");
	INT_EQ(record_completed(r, today), 0, "completed/planned-wins");
	record_free(r);
	snprintf(buf, sizeof buf,
	         "%sstatus: completed\ndates: {start: 2030-07-10, end: 2030-07-14}\n", base);
	r = build(buf, today, &dq);
	INT_EQ(record_completed(r, today), 1, "completed/completed-wins");
	record_free(r);

	/* No end date: planned, never completed by the calendar. */
	snprintf(buf, sizeof buf, "%sdates: {start: 2017-07-10}\n", base);
	r = build(buf, today, &dq);
	INT_EQ(r->status, STATUS_PLANNED, "completed/no-end-is-planned");
	INT_EQ(record_completed(r, today), 0, "completed/no-end-not-completed");
	record_free(r);
	/* A rejected status counts as not written. */
	snprintf(buf, sizeof buf,
	         "%sstatus: finished\ndates: {start: 2017-07-10, end: 2017-07-14}\n", base);
	r = build(buf, today, &dq);
	INT_EQ(r->status_given, 0, "completed/rejected-status-not-given");
	INT_EQ(record_completed(r, today), 1, "completed/rejected-status-derived");
	record_free(r);
	record_free(NULL);
	diags_free(&dq);

	STR_EQ(direction_words[DIR_INBOUND], "inbound", "words/direction");
	STR_EQ(task_status_words[TASK_OPEN], "open", "words/task-status-from-zero");
	STR_EQ(reciprocal_status_words[RECIP_NOT_PLANNED], "none", "words/reciprocal-none");
	OK(partner_kind_words[PK_UNIVERSITY + 1] == NULL, "words/terminated");
	OK(stage_words[STAGE_NONE] == NULL, "words/none-is-null");
	return unit_failed != 0;
}
