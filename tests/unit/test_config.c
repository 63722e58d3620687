/* Configuration (.debrief.yaml): defaults, every key, the findings of bad
 * values with their positions, the upward search, and rules_apply with
 * severities, disabled rules and waivers. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "rules_int.h"
#include "unit.h"
#include "xalloc.h"

static char dir[256];

static char *
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

static const struct diag *
find(const struct diags *dq, const char *rule, unsigned line)
{
	for (size_t i = 0; i < dq->n; i++)
		if (!strcmp(dq->v[i].rule, rule) && dq->v[i].mark.line == line)
			return &dq->v[i];
	return NULL;
}

static enum sev
sev_of(const struct config *cfg, const char *id)
{
	return cfg->sev[rule_find(id) - rule_table];
}

int
main(void)
{
	const char *work = getenv("WORK");
	snprintf(dir, sizeof dir, "%s/cfgXXXXXX", work && *work ? work : "/tmp");
	if (!mkdtemp(dir)) {
		printf("FAIL config/mkdtemp\n");
		return 0;
	}
	struct config cfg;
	struct diags dq = DIAGS_INIT;
	char *err = NULL;

	config_default(&cfg);
	INT_EQ(cfg.presentation_pages, 20, "config/default-pages");
	INT_EQ(cfg.stale_days, 90, "config/default-stale");
	INT_EQ(cfg.report_days, 30, "config/default-report");
	INT_EQ(cfg.review_days, 90, "config/default-review");
	INT_EQ(cfg.cold_years, 2, "config/default-cold");
	OK((unsigned)sev_of(&cfg, "prep-what") > SEV_OFF, "config/default-keeps-severity");
	OK(cfg.path == NULL, "config/default-no-path");

	char *good = write_file("good.yaml",
	                        "rules:\n"
	                        "  prep-concise: off\n"
	                        "  follow-task-stale: warning\n"
	                        "presentation_pages: 15\n"
	                        "stale_days: 60\n"
	                        "report_days: 45\n"
	                        "review_days: 120\n"
	                        "cold_years: 3\n"
	                        "vague_owners: [\"Các phòng chuyên môn\"]\n"
	                        "host_languages: {br: pt, CH: \"fr, DE\", ME: [sq, sr]}\n"
	                        "owner_aliases: {\"Sở NN&MT\": Sở Nông nghiệp và Môi trường}\n");
	OK(config_load(good, LANG_EN, &cfg, &dq, &err), "config/good-loads");
	INT_EQ(dq.n, 0, "config/good-no-findings");
	STR_EQ(cfg.path, good, "config/path-kept");
	INT_EQ(sev_of(&cfg, "prep-concise"), SEV_OFF, "config/disable");
	INT_EQ(sev_of(&cfg, "follow-task-stale"), SEV_WARNING, "config/severity");
	OK((unsigned)sev_of(&cfg, "prep-what") > SEV_OFF, "config/others-untouched");
	INT_EQ(cfg.presentation_pages, 15, "config/pages");
	INT_EQ(cfg.stale_days, 60, "config/stale");
	INT_EQ(cfg.report_days, 45, "config/report");
	INT_EQ(cfg.review_days, 120, "config/review");
	INT_EQ(cfg.cold_years, 3, "config/cold");
	INT_EQ(cfg.nvague_owners, 1, "config/vague-count");
	STR_EQ(cfg.vague_owners[0], "cac phong chuyen mon", "config/vague-folded");
	INT_EQ(cfg.nhost_lang, 3, "config/host-count");
	STR_EQ(cfg.host_lang_country[0], "BR", "config/host-country-upper");
	STR_EQ(rules_host_langs(&cfg, "BR"), "pt", "config/host-lang");
	STR_EQ(rules_host_langs(&cfg, "CH"), "fr de", "config/host-overrides-builtin");
	STR_EQ(rules_host_langs(&cfg, "ME"), "sq sr", "config/host-list");
	STR_EQ(rules_host_langs(&cfg, "JP"), "ja", "config/host-builtin");
	OK(rules_host_langs(&cfg, "ZZ") == NULL, "config/host-unknown");
	INT_EQ(cfg.nowner_alias, 1, "config/alias-count");
	STR_EQ(cfg.owner_alias_from[0], "so nn mt", "config/alias-folded");
	STR_EQ(cfg.owner_alias_to[0], "Sở Nông nghiệp và Môi trường", "config/alias-target");
	config_free(&cfg);
	config_free(&cfg); /* twice: a freed config is empty */
	config_free(NULL);

	config_default(&cfg);
	char *bad = write_file("bad.yaml", "rules:\n"
	                                   "  prep-wat: off\n"
	                                   "  prep-how: warnign\n"
	                                   "  prep-why: [x]\n"
	                                   "stale_day: 10\n"
	                                   "report_days: -3\n"
	                                   "review_days: lots\n"
	                                   "vague_owners: TBD\n"
	                                   "host_languages: {JPN: ja, FR: \"f1\"}\n"
	                                   "cold_years: 2\n");
	OK(config_load(bad, LANG_EN, &cfg, &dq, &err), "config/bad-still-loads");
	const struct diag *d = find(&dq, "config-unknown-rule", 2);
	OK(d && d->mark.col == 3 && strstr(d->msg, "did you mean 'prep-what'"),
	   "config/unknown-rule-suggests");
	OK(d && d->sev == SEV_ERROR, "config/unknown-rule-error");
	d = find(&dq, "config-value", 3);
	OK(d && d->mark.col == 13 && strstr(d->msg, "'warning'"), "config/bad-severity-suggests");
	d = find(&dq, "config-unknown-rule", 4);
	OK(d && strstr(d->msg, "prep-why"), "config/unknown-rule-named");
	d = find(&dq, "config-unknown-key", 5);
	OK(d && d->sev == SEV_WARNING && strstr(d->msg, "'stale_days'"),
	   "config/unknown-key-suggests");
	OK(find(&dq, "config-value", 6) != NULL, "config/negative-number");
	OK(find(&dq, "config-value", 7) != NULL, "config/word-for-number");
	OK(find(&dq, "config-value", 8) != NULL, "config/scalar-for-list");
	INT_EQ(dq.n, 9, "config/one-finding-each");
	INT_EQ(cfg.report_days, 30, "config/bad-keeps-default");
	INT_EQ(cfg.review_days, 90, "config/bad-keeps-default-2");
	INT_EQ(cfg.nhost_lang, 0, "config/bad-host-skipped");
	OK((unsigned)sev_of(&cfg, "prep-how") > SEV_OFF, "config/bad-severity-ignored");
	config_free(&cfg);
	diags_free(&dq);

	/* A host language is a code a material can carry: "jp" (Japan's
	 * country code) and "sr-Latn" are none, and would make prep-language
	 * ask for what no record can give. */
	config_default(&cfg);
	char *hosts = write_file("hosts.yaml", "host_languages:\n"
	                                       "  FR: jp\n"
	                                       "  ME: [sq, sr-Latn]\n"
	                                       "  BR: PT\n");
	OK(config_load(hosts, LANG_EN, &cfg, &dq, &err), "config/hosts-load");
	d = find(&dq, "config-value", 2);
	OK(d && strstr(d->msg, "'jp' (language of FR)"), "config/host-country-code-refused");
	d = find(&dq, "config-value", 3);
	OK(d && strstr(d->msg, "'sr-Latn' (language of ME)"), "config/host-subtag-refused");
	INT_EQ(dq.n, 2, "config/hosts-two-findings");
	INT_EQ(cfg.nhost_lang, 1, "config/hosts-good-kept");
	STR_EQ(rules_host_langs(&cfg, "BR"), "pt", "config/host-upper-case-folded");
	config_free(&cfg);
	diags_free(&dq);

	config_default(&cfg);
	char *list = write_file("list.yaml", "- a\n- b\n");
	OK(!config_load(list, LANG_EN, &cfg, &dq, &err) && err && strstr(err, "mapping"),
	   "config/not-a-mapping");
	free(err);
	err = NULL;
	char *syntax = write_file("syntax.yaml", "rules: [\n");
	OK(!config_load(syntax, LANG_VI, &cfg, &dq, &err) && err, "config/syntax-error");
	OK(dq.n && !strcmp(dq.v[0].rule, "yaml-syntax"), "config/syntax-finding");
	free(err);
	err = NULL;
	char *missing = xasprintf("%s/none.yaml", dir);
	OK(!config_load(missing, LANG_EN, &cfg, &dq, &err) && err, "config/missing-file");
	free(err);
	err = NULL;
	char *empty = write_file("empty.yaml", "");
	OK(config_load(empty, LANG_EN, &cfg, &dq, &err), "config/empty-is-defaults");
	config_free(&cfg);
	diags_free(&dq);

	/* Upward search: relative names, nearest file wins. */
	char *a = xasprintf("%s/a", dir), *ab = xasprintf("%s/a/b", dir);
	mkdir(a, 0777);
	mkdir(ab, 0777);
	char *path = NULL;
	OK(!config_find(ab, &path), "config/find-none");
	/* from an absolute directory, the file's absolute, physical name */
	char *top = write_file(".debrief.yaml", "stale_days: 1\n");
	char *real = realpath(dir, NULL);
	char *want = xasprintf("%s/.debrief.yaml", real);
	OK(config_find(ab, &path) && !strcmp(path, want), "config/find-upward");
	free(path);
	path = NULL;
	char *mid = write_file("a/.debrief.yaml", "stale_days: 2\n");
	free(want);
	want = xasprintf("%s/a/.debrief.yaml", real);
	OK(config_find(ab, &path) && !strcmp(path, want), "config/find-nearest");
	free(path);
	path = NULL;
	/* from a relative one, as the current directory reaches it: up
	 * with "..", down without ("a/.debrief.yaml", not "a/b/../.debrief.yaml") */
	char *cwd = getcwd(NULL, 0);
	if (chdir(ab) == 0) {
		OK(config_find(".", &path) && !strcmp(path, "../.debrief.yaml"),
		   "config/find-from-dot");
		free(path);
		path = NULL;
		if (chdir(cwd) != 0)
			printf("FAIL config/chdir-back\n");
	}
	if (chdir(dir) == 0) {
		OK(config_find("a/b", &path) && !strcmp(path, "a/.debrief.yaml"),
		   "config/find-below-cwd");
		free(path);
		path = NULL;
		remove(mid);
		OK(config_find("a/b/", &path) && !strcmp(path, ".debrief.yaml"),
		   "config/find-at-cwd");
		free(path);
		if (chdir(cwd) != 0)
			printf("FAIL config/chdir-back\n");
	}
	free(real);
	free(cwd);
	remove(top);
	remove(mid);
	free(top);
	free(mid);
	free(want);

	/* rules_apply: configuration, then waivers, then guidance. */
	config_default(&cfg);
	cfg.sev[rule_find("prep-how") - rule_table] = SEV_ERROR;
	cfg.sev[rule_find("memory-handover") - rule_table] = SEV_OFF;
	struct mark m = {3, 1};
	diags_add(&dq, "x.yaml", m, SEV_WARNING, "schema-unknown-key", "", "before from");
	diags_add(&dq, "x.yaml", m, SEV_WARNING, "prep-how", "", "how");
	diags_add(&dq, "x.yaml", m, SEV_INFO, "memory-handover", "", "handover");
	diags_add(&dq, "x.yaml", m, SEV_WARNING, "follow-plan", "", "plan");
	diags_add(&dq, "x.yaml", m, SEV_WARNING, "follow-feedback", "", "feedback");
	struct record r;
	memset(&r, 0, sizeof r);
	struct waiver w[2];
	memset(w, 0, sizeof w);
	w[0].rule.s = "follow-plan";
	w[1].rule.s = "prep-asks-aid"; /* waives a rule that does not fire: fine */
	r.waivers = w;
	r.nwaivers = 2;
	rules_apply(&dq, 1, &r, &cfg);
	INT_EQ(dq.n, 3, "apply/removes-disabled-and-waived");
	STR_EQ(dq.v[0].rule, "schema-unknown-key", "apply/keeps-before-from");
	STR_EQ(dq.v[0].guidance, "", "apply/before-from-untouched");
	STR_EQ(dq.v[1].rule, "prep-how", "apply/order-kept");
	INT_EQ(dq.v[1].sev, SEV_ERROR, "apply/severity-raised");
	STR_EQ(dq.v[1].guidance, "G1 G6", "apply/guidance-filled");
	STR_EQ(dq.v[2].rule, "follow-feedback", "apply/unwaived-kept");
	INT_EQ(dq.v[2].sev, SEV_WARNING, "apply/default-kept");
	rules_apply(&dq, 0, NULL, NULL);
	INT_EQ(dq.n, 3, "apply/no-record-no-config");
	diags_free(&dq);
	config_free(&cfg);

	remove(good);
	remove(bad);
	remove(list);
	remove(hosts);
	remove(syntax);
	remove(empty);
	rmdir(ab);
	rmdir(a);
	rmdir(dir);
	free(good);
	free(bad);
	free(list);
	free(hosts);
	free(syntax);
	free(missing);
	free(empty);
	free(a);
	free(ab);
	return 0;
}
