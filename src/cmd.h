/*
 * cmd.h: the subcommands.  Each takes the arguments after its name
 * (argv[0] is the subcommand), parses its options with cli_parse (cli.h)
 * and returns an enum exit_code.  main.c only dispatches.
 */
#ifndef CMD_H
#define CMD_H

int cmd_check(int argc, char **argv);   /* check.c */
int cmd_rules(int argc, char **argv);   /* explain.c */
int cmd_explain(int argc, char **argv); /* explain.c */
int cmd_report(int argc, char **argv);  /* report.c */
int cmd_archive(int argc, char **argv); /* archive.c */
int cmd_pdf(int argc, char **argv);     /* pdf.c */
int cmd_new(int argc, char **argv);     /* new.c */
int cmd_tasks(int argc, char **argv);   /* tasks.c */

#endif
