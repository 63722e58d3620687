/*
 * debrief.h: the few types every stage shares.
 *
 * Ownership, stated once (as jq's jv.h does): functions never take
 * ownership of their arguments unless the name says _take; results of
 * _new, _dup, _detach and x*alloc belong to the caller, who frees them
 * with the matching _free (every _free accepts NULL).  Strings inside a
 * loaded document live in its arena and die with it.
 *
 * Errors come in three kinds that stay apart: findings (struct diag,
 * data, see diag.h), operational failures (functions return int, 0 on
 * failure, message left in a context), and out-of-memory, which aborts
 * in xalloc.c.
 */
#ifndef DEBRIEF_H
#define DEBRIEF_H

#include <stddef.h>

#define DEBRIEF_VERSION "0.1.0"

/* Version of the JSON outputs (check, rules, archive.json): raised when a
 * field changes meaning or goes away, not when one is added. */
#define JSON_FORMAT_VERSION 1

/* Exit status of every command (docs/outputs.md). */
enum exit_code {
	EXIT_OK = 0,       /* nothing at or above --fail-on */
	EXIT_FINDINGS = 1, /* findings at or above --fail-on */
	EXIT_USAGE = 2     /* usage, I/O or operational error */
};

/* Severity of a finding; ordered so that comparisons mean "at least". */
enum sev { SEV_INFO = 0, SEV_WARNING = 1, SEV_ERROR = 2, SEV_OFF = 3 };

/* Language of messages and reports. */
enum lang { LANG_VI = 0, LANG_EN = 1 };

/* A position in a source file, both counted from 1; 0 means unknown. */
struct mark {
	unsigned line;
	unsigned col;
};

/* Pick the message of the current language. */
#define L(lang, vi, en) ((lang) == LANG_EN ? (en) : (vi))
/* An English noun after a count: "1 task", "2 tasks". */
#define PL(n, one, many) ((n) == 1 ? (one) : (many))

#endif
