/*
 * pending.c: commands not built yet.  Each says so and fails; the file
 * shrinks as commands land and is deleted when empty.
 */
#include <stdio.h>

#include "cmd.h"
#include "debrief.h"

static int
pending(const char *name)
{
	fprintf(stderr, "debrief: '%s' is not available in this build\n", name);
	return EXIT_USAGE;
}

int cmd_check(int argc, char **argv) { (void)argc; (void)argv; return pending("check"); }
int cmd_rules(int argc, char **argv) { (void)argc; (void)argv; return pending("rules"); }
int cmd_explain(int argc, char **argv) { (void)argc; (void)argv; return pending("explain"); }
int cmd_report(int argc, char **argv) { (void)argc; (void)argv; return pending("report"); }
int cmd_archive(int argc, char **argv) { (void)argc; (void)argv; return pending("archive"); }
int cmd_pdf(int argc, char **argv) { (void)argc; (void)argv; return pending("pdf"); }
