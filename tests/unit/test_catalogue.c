/* The rule catalogue against docs/rules.md: every id of the spec is in
 * the table with the same default severity and guidance, and every rule
 * of the table is in the spec; every entry has its
 * texts in both languages; ids are unique; did-you-mean finds near ids. */
#include <stdlib.h>

#include "fsutil.h"
#include "rules.h"
#include "rules_int.h"
#include "unit.h"
#include "xalloc.h"

/* Trim spaces and backticks in place. */
static char *
trim(char *s)
{
	while (*s == ' ' || *s == '`')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '`'))
		s[--n] = '\0';
	return s;
}

int
main(void)
{
	char *md = unit_read_top("docs/rules.md");
	OK(md != NULL, "catalogue/spec-readable");
	size_t spec_rules = 0;
	char *in_spec = xcalloc(rule_count ? rule_count : 1, 1);
	for (char *line = md ? strtok(md, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "| `", 3))
			continue;
		/* | `id` | sev | guidance | when |   or   | `id` | sev | when | */
		char *cols[6] = {0};
		int nc = 0;
		for (char *p = line + 1; nc < 6 && p && *p;) {
			char *bar = strstr(p, " |");
			if (!bar)
				break;
			*bar = '\0';
			cols[nc++] = trim(p);
			p = bar + 2;
		}
		if (nc < 3)
			continue;
		spec_rules++;
		char name[96];
		const struct rule *ru = rule_find(cols[0]);
		snprintf(name, sizeof name, "catalogue/%s-present", cols[0]);
		OK(ru != NULL, name);
		if (!ru)
			continue;
		in_spec[ru - rule_table] = 1;
		const char *sev = !strcmp(cols[1], "error / warning") ? "error" : cols[1];
		snprintf(name, sizeof name, "catalogue/%s-severity", cols[0]);
		STR_EQ(sev_name(ru->sev), sev, name);
		if (nc == 4) {
			snprintf(name, sizeof name, "catalogue/%s-guidance", cols[0]);
			STR_EQ(ru->guidance, cols[2], name);
		}
	}
	free(md);
	OK(spec_rules >= 40, "catalogue/spec-parsed");
	int all_in_spec = 1;
	for (size_t i = 0; i < rule_count; i++)
		if (!in_spec[i]) {
			printf("# %s is not in docs/rules.md\n", rule_table[i].id);
			all_in_spec = 0;
		}
	OK(all_in_spec, "catalogue/every-rule-in-spec");
	free(in_spec);

	int texts = 1, unique = 1, groups = 1;
	static const char *const known_groups[] = {"input", "schema", "config", "prep",
	                                           "visit", "follow", "memory", "archive"};
	for (size_t i = 0; i < rule_count; i++) {
		const struct rule *ru = &rule_table[i];
		if (!*ru->when_vi || !*ru->when_en || !*ru->why_vi || !*ru->why_en ||
		    strchr(ru->when_vi, '\n') || strchr(ru->when_en, '\n'))
			texts = 0;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(rule_table[j].id, ru->id))
				unique = 0;
		int g = 0;
		for (size_t k = 0; k < sizeof known_groups / sizeof known_groups[0]; k++)
			g |= !strcmp(ru->group, known_groups[k]);
		groups &= g;
		if (rule_find(ru->id) != ru)
			unique = 0;
	}
	OK(texts, "catalogue/texts-in-both-languages-one-line");
	OK(unique, "catalogue/ids-unique");
	OK(groups, "catalogue/groups-known");
	OK(rule_find("no-such-rule") == NULL, "catalogue/unknown-id");
	OK(rule_find(NULL) == NULL, "catalogue/null-id");
	STR_EQ(rules_suggest("prep-wat"), "prep-what", "catalogue/suggest-typo");
	STR_EQ(rules_suggest("follow-task-onwer"), "follow-task-owner", "catalogue/suggest-swap");
	OK(rules_suggest("completely-different") == NULL, "catalogue/suggest-nothing-near");
	STR_EQ(rules_sev_label(rule_find("prep-language")), "error/warning",
	       "catalogue/two-levels");
	STR_EQ(rules_sev_label(rule_find("prep-what")), "error", "catalogue/one-level");
	/* explain says what each group is about, in both languages */
	int labelled = 1;
	for (size_t i = 0; i < rule_count; i++)
		labelled &= rules_group_label(rule_table[i].group, LANG_VI) != NULL &&
		            rules_group_label(rule_table[i].group, LANG_EN) != NULL;
	OK(labelled, "catalogue/groups-labelled");
	STR_EQ(rules_group_label("follow", LANG_VI), "sau chuyến công tác",
	       "catalogue/group-label-vi");
	OK(rules_group_label("no-such-group", LANG_EN) == NULL, "catalogue/group-label-unknown");
	return 0;
}
