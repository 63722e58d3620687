/*
 * cmd.h: the subcommands.  Each takes the arguments after its name
 * (argv[0] is the subcommand), parses its own options and returns an
 * enum exit_code.  main.c only dispatches.
 */
#ifndef CMD_H
#define CMD_H

int cmd_check(int argc, char **argv);   /* check.c */
int cmd_rules(int argc, char **argv);   /* explain.c */
int cmd_explain(int argc, char **argv); /* explain.c */
int cmd_report(int argc, char **argv);  /* report.c */
int cmd_archive(int argc, char **argv); /* archive.c */
int cmd_pdf(int argc, char **argv);     /* pdf.c */

#include "debrief.h"
/* The --lang of a command line, looked for before the other options so
 * that messages about them are in the run's language (check.c). */
enum lang cmd_lang(int argc, char **argv);

#endif
