/*
 * cli.h: the option parsing of every command.  A command declares its
 * options as data: which of the common ones it takes (handled here once:
 * --lang, --today, --config, -j/--jobs, -o/--output, --format, --help)
 * and a table of its own.  Usage errors are said here, in one style and in
 * the run's language: "debrief CMD: " and the message, then the usage;
 * exit status 2.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "date.h"
#include "debrief.h"
#include "strlist.h"

struct fs_unread;

/* The common options a command takes (struct cli's common). */
enum {
	CLI_LANG = 1 << 0,   /* --lang vi|en: lang, lang_given */
	CLI_TODAY = 1 << 1,  /* --today DATE: today (checked by cli_today) */
	CLI_CONFIG = 1 << 2, /* --config FILE: config */
	CLI_JOBS = 1 << 3,   /* -j|--jobs N, 1 to 1024: jobs (else every core) */
	CLI_OUTPUT = 1 << 4, /* -o|--output X: output */
	CLI_FORMAT = 1 << 5, /* --format F, one of formats: format */
};

/* One option of a command's own.  A flag sets *(int *)dst to 1; an option
 * with a value hands it to ok, which checks it and stores it in dst, or
 * (ok NULL) sets *(const char **)dst to it.  When ok refuses the value the
 * usage error is vi or en (at most one %s: the value). */
struct cli_opt {
	const char *name; /* the long name, without "--"; NULL ends a table */
	char letter;      /* its one-letter form (-v), or 0 */
	int flag;         /* 1: takes no value */
	void *dst;
	int (*ok)(const char *v, void *dst);
	const char *vi, *en;
};

struct cli {
	/* the command */
	const char *cmd;           /* "check" */
	const char *usage;         /* its usage, for --help and usage errors (cli_put_usage) */
	const char *usage_vi;      /* a note after the usage, in the run's language, */
	const char *usage_en;      /* or NULL */
	unsigned common;           /* the CLI_* options it takes */
	const char *formats;       /* with CLI_FORMAT: the values, ", " between */
	int format_list;           /* --format takes several, ',' between (md,pdf) */
	const struct cli_opt *own; /* its own options, or NULL */
	/* what the options said (NULL, 0: not given) */
	enum lang lang; /* the run's language, vi unless --lang */
	int lang_given;
	const char *today, *config, *output, *format;
	int jobs;
	int next; /* the first operand in argv */
};

/* The options of argv (argv[0] is the command); -1 to go on with the
 * operands from c->next, else the exit status: EXIT_OK after --help
 * printed the usage, EXIT_USAGE after a usage error. */
int cli_parse(struct cli *c, int argc, char **argv);
/* A usage error of c's command (vi or en, at most one %s for arg);
 * returns EXIT_USAGE. */
int cli_error(const struct cli *c, const char *vi, const char *en, const char *arg);
/* The usage error unless argv has an operand from c->next on; -1 to go
 * on, else EXIT_USAGE. */
int cli_paths(const struct cli *c, int argc);
/* The files the operands from c->next on name, the same for every
 * command (fs_expand: directories walked, repeats and a second "-"
 * dropped); what a walk could not read is said on standard error, or,
 * with unread, kept among the files for the command to report (see
 * fs_expand).  Returns the number of operands that failed. */
int cli_files(const struct cli *c, int argc, char **argv, struct strlist *files,
              struct fs_unread *unread);
/* Today from --today (date_today); 0 after its message. */
int cli_today(const struct cli *c, struct date *today);
/* For a command about to write PDFs: a warning when SOURCE_DATE_EPOCH is
 * set but no number of seconds (date_source_epoch_bad), so that PDFs
 * without a creation date are not a surprise. */
void cli_warn_undated(const struct cli *c);
/* 1 when the --format value names item among those ',' between. */
int cli_format_has(const char *format, const char *item);
/* The --lang of argv ("--lang en" or "--lang=en"; else vi), for the
 * messages of main.c, which has no options of its own. */
enum lang cli_prescan_lang(int argc, char **argv);
/* A usage text ("usage: debrief ...", lines under it aligned after
 * "usage: ") in the run's language: in Vietnamese, "Cách dùng:" on a line
 * of its own. */
void cli_put_usage(FILE *f, enum lang lang, const char *text);

#endif
