/*
 * fuzz/rules.c: any bytes → load → schema → every record rule, the
 * collection rules over two copies, and rules_apply under a configuration
 * that changes severities.  Rules read half-built records (rejected
 * values absent); none may crash, read out of bounds or leak.  The first
 * byte picks the language and how far "today" lies from the record.
 */
#include <stddef.h>
#include <stdint.h>

#include "load.h"
#include "collection.h"
#include "rules.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags dq = DIAGS_INIT;
	struct load_limits lim;
	struct config cfg;
	unsigned char b = size ? data[0] : 0;
	struct date today = {2020 + (b >> 2) % 8, 1 + (b >> 5), 1};
	enum lang lang = b & 1 ? LANG_EN : LANG_VI;
	load_limits_default(&lim);
	lim.max_nodes = 20000; /* keep each run short */
	config_default(&cfg);
	cfg.sev[b % rule_count] = b & 2 ? SEV_OFF : SEV_INFO;
	cfg.stale_days = b & 4 ? 0 : 90;
	struct check_ctx ctx = {today, lang, &cfg};
	struct doc *doc = load_yaml((const char *)data, size, "fuzz.yaml", &lim, lang, &dq);
	struct record *r = schema_record_take(doc, today, lang, &dq);
	if (r) {
		rules_check(r, &ctx, &dq);
		rules_apply(&dq, 0, r, &cfg);
		struct record *two[2] = {r, r};
		rules_collection(two, 2, &ctx, &dq);
	}
	record_free(r);
	diags_free(&dq);
	config_free(&cfg);
	return 0;
}
