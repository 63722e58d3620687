/*
 * escape.h: text made safe for the machine-readable outputs: JSON strings,
 * XML text and attributes, GitHub workflow-command data and properties, URI
 * paths, and text for a terminal or a log.  Each appends to a buffer;
 * invalid UTF-8 becomes U+FFFD so that the output stays well-formed
 * whatever a file name or message holds.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include "buf.h"

/* The inside of a JSON string (no quotes): '"', '\\' and control
 * characters escaped, valid UTF-8 passed through. */
void escape_json(struct buf *b, const char *s);
/* A JSON string: escape_json within quotes. */
void escape_json_str(struct buf *b, const char *s);
/* A space-separated list of ids ("G8 G19") as a JSON array of strings. */
void escape_json_ids(struct buf *b, const char *ids);
/* XML 1.0 text or attribute value: & < > " ' as entities, tab and line
 * breaks as character references, other characters XML forbids dropped. */
void escape_xml(struct buf *b, const char *s);
/* GitHub workflow command message: %, CR, LF and other controls
 * percent-encoded. */
void escape_gh_data(struct buf *b, const char *s);
/* GitHub workflow command property value: as data, plus ':' and ','. */
void escape_gh_property(struct buf *b, const char *s);
/* A relative path as a URI reference: '\\' becomes '/', unreserved
 * characters and '/' kept, every other byte percent-encoded. */
void escape_uri_path(struct buf *b, const char *s);

/* Human-readable text (findings, messages naming a file): line breaks and
 * tab as \\n \\r \\t, other control characters (C0, DEL, C1) as \\xHH,
 * bidirectional overrides as \\uHHHH, so that a file name or record text
 * can neither start a line of its own (a forged "::error" workflow
 * command) nor send a terminal escape sequence. */
void escape_text(struct buf *b, const char *s);
/* The same, as a new string (caller frees). */
char *escape_text_dup(const char *s);
/* fprintf to standard error, the line escaped as escape_text does (its
 * final newline kept): for messages that name a file or quote a record. */
void escape_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
