/* The guidance table against its sources: every quote is an exact
 * substring of its seed text, every row reads as in guidance.md, and
 * every guidance id a rule names exists. */
#include <stdlib.h>

#include "fsutil.h"
#include "guidance.h"
#include "rules.h"
#include "unit.h"
#include "xalloc.h"

static char *
read_shared(const char *rel)
{
	const char *shared = getenv("SHARED");
	char *path = xasprintf("%s/%s", shared && *shared ? shared : "../../../shared", rel);
	char *data = NULL, *err = NULL;
	size_t len;
	if (!fs_read(path, 1u << 22, &data, &len, &err)) {
		printf("FAIL read %s: %s\n", path, err);
		free(err);
		data = NULL;
	}
	free(path);
	return data;
}

int
main(void)
{
	const char *top = getenv("TOP");
	char *specpath = xasprintf("%s/docs/guidance.md", top && *top ? top : "../..");
	char *spec = NULL, *err = NULL;
	size_t speclen;
	if (!fs_read(specpath, 1u << 22, &spec, &speclen, &err)) {
		printf("FAIL read %s: %s\n", specpath, err);
		free(err);
		spec = NULL;
	}
	free(specpath);
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
		char *rel = xasprintf("seeds/%s", src ? src->file : "?");
		char *seed = src ? read_shared(rel) : NULL;
		free(rel);
		for (size_t q = 0; g->quotes[q]; q++) {
			snprintf(name, sizeof name, "guidance/%s-quote%zu-in-seed", g->id, q + 1);
			OK(seed && strstr(seed, g->quotes[q]), name);
		}
		free(seed);
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
