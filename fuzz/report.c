/*
 * fuzz/report.c: any bytes → load → schema → the record rules → what a
 * report is made of: its number, the template data (report_view) and the
 * administrative form (report_form: header, recipients, delegation,
 * programme), under no office profile, a provincial Department's or an
 * embassy's.  They read half-built records (rejected values absent) and
 * names as users write them; none may crash, read out of bounds or leak.
 * The first byte picks the language, the profile, draft or final and how
 * far "today" lies from the record.  Rendering the data through the
 * templates is fuzz_mustache's.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "load.h"
#include "provinces.h"
#include "report.h"
#include "rules.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The three kinds of issuing office a report may have. */
static void
office_pick(struct office *of, unsigned k)
{
	static char *const recips[] = {"Bộ Ngoại giao (Cục Ngoại vụ)"};
	struct office none = {0};
	*of = none;
	if (k == 1) { /* a provincial Department */
		of->given = 1;
		of->at = OFFICE_PROVINCE;
		of->unit = province_lookup("Cà Mau");
		of->parent = "UBND tỉnh Cà Mau";
		of->name = "Sở Ngoại vụ";
		of->symbol = "SNV";
		of->place = "Cà Mau";
		of->authority = "KT. Giám đốc";
		of->title = "Phó Giám đốc";
		of->signer = "Nguyễn Văn A";
		of->for_someone = 1;
		of->recipients = (char **)recips;
		of->nrecipients = 1;
	} else if (k == 2) { /* an embassy */
		of->given = 1;
		of->at = OFFICE_ABROAD;
		of->unit = -1;
		of->name = "Đại sứ quán Việt Nam tại Hàn Quốc";
		of->symbol = "ĐSQ";
		of->place = "Seoul";
		of->authority = "Q. Đại sứ";
		of->signer = "Trần Thị B";
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags dq = DIAGS_INIT;
	struct load_limits lim;
	struct config cfg;
	unsigned char b = size ? data[0] : 0;
	struct date today = {2020 + (b >> 3) % 8, 1 + (b >> 4) % 12, 1};
	enum lang lang = b & 1 ? LANG_EN : LANG_VI;
	load_limits_default(&lim);
	lim.max_nodes = 20000; /* keep each run short */
	config_default(&cfg);
	office_pick(&cfg.office, (b >> 1) % 3);
	struct check_ctx ctx = {today, lang, &cfg};
	struct doc *doc = load_yaml((const char *)data, size, "fuzz.yaml", &lim, lang, &dq);
	struct record *r = schema_record_take(doc, today, lang, &dq);
	if (r) {
		rules_check(r, &ctx, &dq);
		rules_apply(&dq, 0, r, &cfg);
		struct arena *a = arena_new();
		char *num = report_number_text(r, &cfg.office);
		struct node *view =
		    report_view(a, r, dq.v, dq.n, today, lang, arena_strdup(a, num),
		                cfg.office.given && cfg.office.at == OFFICE_ABROAD, &cfg);
		report_form(a, view, r, &cfg.office, lang, b & 8, &cfg);
		free(num);
		arena_free(a);
	}
	record_free(r);
	diags_free(&dq);
	cfg.office = (struct office){0}; /* not the configuration's to free */
	config_free(&cfg);
	return 0;
}
