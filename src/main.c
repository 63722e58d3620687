/*
 * main.c: the command line: finds the subcommand and hands it the rest of
 * the arguments.  No logic of its own.
 */
#include <stdio.h>
#include <string.h>

#include "build.h"
#include "cli.h"
#include "cmd.h"
#include "debrief.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
} commands[] = {
    {"check", cmd_check}, {"report", cmd_report},   {"archive", cmd_archive}, {"pdf", cmd_pdf},
    {"rules", cmd_rules}, {"explain", cmd_explain}, {"new", cmd_new},         {"tasks", cmd_tasks},
};

/* The options of every command, as each command's --help and debrief(1)
 * name them (tests/check compares the three). */
static void
usage(FILE *f, enum lang lang)
{
	cli_put_usage(
	    f, lang,
	    "usage: debrief check   [--format F] [--fail-on SEV|never] [--min-severity SEV]\n"
	    "                       [--today DATE] [--config FILE] [--stdin-filename NAME]\n"
	    "                       [--lang L] [-j|--jobs N] [--verbose] PATH...\n"
	    "       debrief report  -o|--output DIR [--format md,pdf] [--lang L] [--draft]\n"
	    "                       [--templates DIR] [--today DATE] [--config FILE]\n"
	    "                       [-j|--jobs N] FILE...\n"
	    "       debrief archive -o|--output DIR [--today DATE] [--lang L] [--config FILE]\n"
	    "                       [--format md,pdf] [-j|--jobs N] [--verbose] PATH...\n"
	    "       debrief pdf     [-o|--output OUT.pdf] [--title T] [--font FAMILY] [--lang L]\n"
	    "                       FILE.md\n"
	    "       debrief rules   [--format text|json] [--lang L]\n"
	    "       debrief explain [--format text|markdown] [--lang L] RULE\n"
	    "       debrief new     [--direction outbound|inbound] [--lang L] [--today DATE]\n"
	    "                       [--schema URL] ID\n"
	    "       debrief tasks   [--due-within DAYS] [--owner NAME] [--format text|json|md]\n"
	    "                       [--today DATE] [--config FILE] [--lang L] PATH...\n"
	    "       debrief --help | --version\n");
	fputs(L(lang, "Mỗi lệnh đều có tùy chọn --help.  Xem debrief(1) và debrief(5).\n",
	        "Each command takes --help.  See debrief(1) and debrief(5).\n"),
	      f);
}

int
main(int argc, char **argv)
{
	enum lang lang = cli_prescan_lang(argc, argv);
	if (argc < 2) {
		usage(stderr, lang);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout, lang);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		/* the sources' id tells a patched build from the release */
		if (*build_source_id())
			printf("debrief %s (sources %s)\n", DEBRIEF_VERSION, build_source_id());
		else
			printf("debrief %s\n", DEBRIEF_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	/* an option before the command ("debrief --lang en check"): the
	 * command it stands before, if one follows */
	int at = 0; /* where the command is */
	for (int k = 2; argv[1][0] == '-' && !at && k < argc; k++)
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (!strcmp(argv[k], commands[i].name))
				at = k;
	if (at) {
		fprintf(stderr,
		        L(lang, "debrief: tùy chọn '%s' đặt sau tên lệnh: debrief %s",
		          "debrief: the option '%s' goes after the command: debrief %s"),
		        argv[1], argv[at]);
		for (int k = 1; k < at; k++)
			fprintf(stderr, " %s", argv[k]);
		fputs(" …\n", stderr);
	} else
		fprintf(stderr,
		        L(lang, "debrief: không có lệnh '%s'\n", "debrief: unknown command '%s'\n"),
		        argv[1]);
	usage(stderr, lang);
	return EXIT_USAGE;
}
