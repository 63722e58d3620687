/*
 * schema_check.c: load + schema alone over files, printing findings in the
 * text format of `debrief check` (to look at the schema without the rules),
 * and the schema's tables for the schema suite:
 *   schema_check [--lang vi|en] [--today YYYY-MM-DD] FILE...
 *   schema_check --fields      the field tables, one field a line
 *   schema_check --countries   the ISO 3166-1 codes it knows
 *   schema_check --langs       the two-letter ISO 639 codes it knows
 * Without arguments it checks itself on a small clean record.
 */
#include <stdlib.h>

#include "countries.h"
#include "fsutil.h"
#include "load.h"
#include "schema.h"
#include "schema_fields.h"
#include "unit.h"

static const char clean[] = "schema: debrief/1\n"
                            "id: 2017-07-camau-nagasaki\n"
                            "title: Đoàn Cà Mau tại Nagasaki\n"
                            "direction: outbound\n"
                            "dates: {start: 2017-07-10, end: 2017-07-14}\n"
                            "locality: {name: Cà Mau}\n"
                            "partners:\n  - {name: Nagasaki, country: JP}\n";

static void
check_one(const char *name, const char *data, size_t len, struct date today, enum lang lang,
          struct diags *dq)
{
	struct load_limits lim;
	load_limits_default(&lim);
	struct doc *doc = load_yaml(data, len, name, &lim, lang, dq);
	record_free(schema_record_take(doc, today, lang, dq));
}

static void
list_fields(const struct sobj *o, const char *prefix)
{
	static const char *const names[] = {"text",      "schema",    "id",      "lang",
	                                    "lang-list", "country",   "rule",    "partner-ref",
	                                    "audience",  "date",      "date~",   "word",
	                                    "int",       "text-list", "mapping", "list"};
	for (size_t i = 0; i < o->nfields; i++) {
		const struct sfield *f = &o->fields[i];
		char path[256];
		snprintf(path, sizeof path, "%s%s%s%s", prefix, *prefix ? "." : "", f->name,
		         f->type == FT_LIST ? "[]" : "");
		printf("%-40s %-11s %s", path, names[f->type], f->required ? "required" : "-");
		if (f->type == FT_INT)
			printf(" %ld", f->min);
		if (f->type == FT_ENUM) {
			int first = f->words[0] ? 0 : 1;
			for (int w = first; f->words[w]; w++)
				printf("%s%s", w == first ? " " : "|", f->words[w]);
		}
		if (f->type == FT_LIST || f->type == FT_MAP)
			printf(" (%s)", f->sub->name);
		printf("\n");
		if (f->type == FT_LIST || f->type == FT_MAP)
			list_fields(f->sub, path);
	}
}

/* Every two-letter code from first ("a" or "A") that known knows, a line each. */
static void
print_codes(char first, int (*known)(const char *))
{
	for (char a = first; a <= first + 25; a++)
		for (char b = first; b <= first + 25; b++) {
			char c[3] = {a, b, 0};
			if (known(c))
				printf("%s\n", c);
		}
}

int
main(int argc, char **argv)
{
	struct diags dq = DIAGS_INIT;
	struct date today = {2026, 1, 1};
	enum lang lang = LANG_VI;
	int i = 1, nfiles = 0;
	if (argc == 1) {
		check_one("self.yaml", clean, sizeof clean - 1, today, LANG_EN, &dq);
		INT_EQ(dq.n, 0, "schema_check/clean-record-has-no-findings");
		diags_free(&dq);
		return unit_failed != 0;
	}
	if (!strcmp(argv[1], "--fields")) {
		list_fields(&schema_record_obj, "");
		return 0;
	}
	if (!strcmp(argv[1], "--langs")) {
		print_codes('a', schema_lang2_known);
		return 0;
	}
	if (!strcmp(argv[1], "--countries")) {
		print_codes('A', country_known);
		return 0;
	}
	for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
		const char *err = NULL;
		if (!strcmp(argv[i], "--lang"))
			lang = strcmp(argv[i + 1], "en") ? LANG_VI : LANG_EN;
		else if (!strcmp(argv[i], "--today") &&
		         !date_today(argv[i + 1], LANG_EN, &today, &err)) {
			fprintf(stderr, "schema_check: %s\n", err);
			return 2;
		}
	}
	for (; i < argc; i++, nfiles++) {
		char *data = NULL, *err = NULL;
		size_t len = 0;
		if (!fs_read(argv[i], 8u << 20, &data, &len, &err)) {
			fprintf(stderr, "schema_check: %s: %s\n", argv[i], err);
			free(err);
			return 2;
		}
		check_one(argv[i], data, len, today, lang, &dq);
		free(data);
	}
	diags_sort(&dq);
	for (size_t k = 0; k < dq.n; k++)
		printf("%s:%u:%u: %s: %s [%s]\n", dq.v[k].file, dq.v[k].mark.line, dq.v[k].mark.col,
		       sev_name(dq.v[k].sev), dq.v[k].msg, dq.v[k].rule);
	size_t e = diags_count(&dq, SEV_ERROR), wn = diags_count(&dq, SEV_WARNING),
	       in = diags_count(&dq, SEV_INFO);
	if (lang == LANG_EN)
		printf("%d files checked: %zu errors, %zu warnings, %zu infos\n", nfiles, e, wn,
		       in);
	else
		printf("Đã kiểm tra %d tệp: %zu lỗi, %zu cảnh báo, %zu thông tin\n", nfiles, e, wn,
		       in);
	diags_free(&dq);
	return e ? 1 : 0;
}
