/* The guidance table against its specification: every row reads as in
 * docs/guidance.md, and every guidance id a rule names exists.  That the
 * quotes of docs/guidance.md are exact substrings of the two source texts
 * is checked by tools/check-guidance, given the texts. */
#include <stdlib.h>

#include "fsutil.h"
#include "guidance.h"
#include "rules.h"
#include "unit.h"
#include "xalloc.h"

int
main(void)
{
	char *spec = unit_read_top("docs/guidance.md");
	OK(spec != NULL, "guidance/spec-readable");
	INT_EQ(guidance_count, 22, "guidance/twenty-two-items");
	for (size_t i = 0; i < guidance_count; i++) {
		const struct guidance *g = &guidance_table[i];
		char name[64];
		char *want_id = xasprintf("G%zu", i + 1);
		snprintf(name, sizeof name, "guidance/%s-in-order", g->id);
		STR_EQ(g->id, want_id, name);
		free(want_id);
		const struct guidance_source *src = guidance_source_find(g->source);
		snprintf(name, sizeof name, "guidance/%s-source-known", g->id);
		OK(src != NULL, name);
		snprintf(name, sizeof name, "guidance/%s-has-a-quote", g->id);
		OK(g->quotes[0] && *g->quotes[0], name);
		char *quote = guidance_quote(g);
		char *row = xasprintf("| %s | %s | %s | %s |\n", g->id, g->source, quote, g->gloss);
		snprintf(name, sizeof name, "guidance/%s-row-as-in-spec", g->id);
		OK(spec && strstr(spec, row), name);
		free(row);
		free(quote);
		/* explain in Vietnamese prints a Vietnamese gloss, not the English one */
		snprintf(name, sizeof name, "guidance/%s-gloss-vi", g->id);
		OK(g->gloss_vi && *g->gloss_vi && strcmp(g->gloss_vi, g->gloss) &&
		       strstr(g->gloss_vi, "\xe1\xbb") /* a letter of Vietnamese (U+1EC0…) */,
		   name);
	}
	free(spec);

	/* Every id a rule names is in the table. */
	int all = 1;
	for (size_t i = 0; i < rule_count; i++) {
		const char *s = rule_table[i].guidance;
		while (*s) {
			size_t n = strcspn(s, " ");
			char *id = xstrndup(s, n);
			if (!guidance_find(id)) {
				printf("FAIL guidance/rule-ids: %s names %s\n", rule_table[i].id,
				       id);
				all = 0;
			}
			free(id);
			s += n;
			while (*s == ' ')
				s++;
		}
	}
	OK(all, "guidance/rule-ids-known");
	OK(guidance_find("G23") == NULL, "guidance/unknown-id");
	return 0;
}
