/*
 * config.h: a run's configuration (.debrief.yaml): severities, limits,
 * vague owners, host languages, owner aliases and the issuing office;
 * found from a record's directory upward, or given with --config.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stddef.h>

#include "diag.h"

struct strlist;

/* A configuration: .debrief.yaml found from the current directory upward,
 * or --config FILE.  Defaults when no file. */
/* The issuing office (office: in .debrief.yaml): who sends and signs
 * reports.  Every string owned; NULL when not given. */
/* Where an office profile stands (config.c, from its parent, name and
 * place): a provincial body of one unit, one of Viet Nam's representative
 * agencies abroad, or neither that debrief can tell. */
enum office_at { OFFICE_UNPLACED, OFFICE_PROVINCE, OFFICE_ABROAD };

struct office {
	int given; /* office: present */
	enum office_at at;
	int unit;        /* OFFICE_PROVINCE: its index in province_units */
	int apex;        /* a provincial people's committee: no parent body above it */
	int for_someone; /* authority signs for another (KT., TL., TUQ., TM.): title needed */
	char *parent, *name, *symbol, *place;
	char *authority, *title, *signer; /* signer: authority, title, name */
	char *authority2;  /* the authority's second line, under TM.: "KT. Chủ tịch" */
	char **recipients; /* added before the file copy */
	size_t nrecipients;
};

struct config {
	char *path;              /* owned; NULL when defaults */
	enum sev *sev;           /* owned, [rule_count]: SEV_OFF disables; -1 keeps default */
	long presentation_pages; /* prep-concise limit, default 20 */
	long stale_days;         /* follow-task-stale, default 90 */
	long report_days;        /* follow-report grace, default 30 */
	long review_days;        /* follow-reviews grace, default 90 */
	long cold_years;         /* archive-cold-partner, default 2 */
	char **vague_owners;     /* owned, folded words that make an owner vague */
	size_t nvague_owners;
	char **host_lang_country; /* owned, extra host languages: country code … */
	char **host_lang_lang;    /* … → language code */
	size_t nhost_lang;
	char **owner_alias_from; /* owned, folded alias … */
	char **owner_alias_to;   /* … → canonical owner name (archive, report) */
	size_t nowner_alias;
	struct office office;
};

void config_default(struct config *cfg);
/* The canonical name owner_aliases gives owner (whatever the case and the
 * diacritics), or owner itself; a department named with the record's own
 * locality (NULL: none) as it is named without it, so that "Sở Kế hoạch
 * và Đầu tư tỉnh Bắc Ninh" in a record of Bắc Ninh is renamed as "Sở Kế
 * hoạch và Đầu tư" is. */
const char *config_owner_name(const struct config *cfg, const char *owner, const char *locality);
/* The canonical name owner_aliases gives a folded name (text_fold), or
 * NULL. */
const char *config_owner_alias(const struct config *cfg, const char *folded);
/* Load FILE; problems are findings (file:line:col) in dq.  Returns 0 when
 * the file cannot be read or is not a mapping (message in *err). */
int config_load(const char *file, enum lang lang, struct config *cfg, struct diags *dq, char **err);
/* Find .debrief.yaml (else .debrief.yml) from dir upward, up to the
 * repository's root (a directory holding .git) or the home directory,
 * whichever comes first; in a world-writable directory (/tmp) only a file
 * of the user's own or root's is read, another's ends the search unread.
 * 1 if found; -1 if the file found is such another's (not to be read);
 * 0 if none.  *path (owned by caller) is set for 1 and -1. */
int config_find(const char *dir, char **path);
void config_free(struct config *cfg);
/* What --verbose calls cfg: its file, or the defaults when it has none. */
const char *config_name(const struct config *cfg, enum lang lang);
/* The configuration of a run, as every command finds it: FILE (--config)
 * when given, else .debrief.yaml in the first PATH's directory or above,
 * else in the current directory or above, else the defaults.  Problems in
 * the file are findings in dq; returns 0 after a message on stderr when it
 * cannot be read. */
int config_for(const char *file, const char *first_path, enum lang lang, struct config *cfg,
               struct diags *dq);
/* The same, the message kept in *said (one line) instead of said. */
int config_for_said(const char *file, const char *first_path, enum lang lang, struct config *cfg,
                    struct diags *dq, struct strlist *said);

/* The configuration of each file, when no --config was given: the
 * .debrief.yaml nearest to it (config_find), each file loaded once, run
 * (the run's own, or NULL) shared rather than loaded again.
 * config_set_for returns the defaults where none is found, and NULL after
 * a message on stderr when the one found cannot be read. */
struct config_set;
struct config_set *config_set_new(struct config *run);
const struct config *config_set_for(struct config_set *cs, const char *record, enum lang lang,
                                    struct diags *dq);
/* Lines config_set_for would print (a configuration that cannot be read)
 * go into said instead, until called again with NULL. */
void config_set_say_into(struct config_set *cs, struct strlist *said);
void config_set_free(struct config_set *cs);

#endif
