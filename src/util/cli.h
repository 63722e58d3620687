/*
 * cli.h: what the option parsing of every command shares: the
 * language of messages looked for before the other options, and usage
 * errors in the run's language followed by the command's usage.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "debrief.h"

/* The --lang of argv ("--lang en" or "--lang=en"; else vi), for the
 * messages about the other options, which come before it is parsed. */
enum lang cli_prescan_lang(int argc, char **argv);
/* "debrief CMD: " and the message (vi or en, one %s for arg) on stderr,
 * then the usage; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, enum lang lang, void (*usage)(FILE *), const char *vi,
                    const char *en, const char *arg);
/* After getopt_long returned c, ':' (a value missing) or anything it does
 * not know: the message about argv[optind - 1]; returns EXIT_USAGE. */
int cli_option_error(const char *cmd, enum lang lang, void (*usage)(FILE *), int c, char **argv);
/* --lang v: *lang and 1 for vi or en, else the message and 0. */
int cli_lang(const char *cmd, const char *v, enum lang *lang, void (*usage)(FILE *));

#endif
