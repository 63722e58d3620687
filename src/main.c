/*
 * main.c: the command line: finds the subcommand and hands it the rest of
 * the arguments.  No logic of its own.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "debrief.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
} commands[] = {
    {"check", cmd_check}, {"report", cmd_report}, {"archive", cmd_archive},
    {"pdf", cmd_pdf},     {"rules", cmd_rules},   {"explain", cmd_explain},
};

static void
usage(FILE *f)
{
	fputs("usage: debrief check   [--format F] [--fail-on SEV] [--today DATE] [--config FILE]\n"
	      "                       [--lang L] PATH...\n"
	      "       debrief report  -o DIR [--format md,pdf] [--lang L] [--templates DIR]\n"
	      "                       [--today DATE] FILE...\n"
	      "       debrief archive -o DIR [--today DATE] [--lang L] [--config FILE]\n"
	      "                       [--format md,pdf] [--verbose] PATH...\n"
	      "       debrief pdf     [-o OUT.pdf] [--title T] [--font FAMILY] FILE.md\n"
	      "       debrief rules   [--format text|json]\n"
	      "       debrief explain RULE\n"
	      "       debrief --help | --version\n"
	      "Each command takes --help.  See debrief(1) and debrief(5).\n",
	      f);
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("debrief %s\n", DEBRIEF_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr,
	        L(cmd_lang(argc, argv), "debrief: không có lệnh '%s'\n",
	          "debrief: unknown command '%s'\n"),
	        argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
