/*
 * explain.h: one rule's explanation (why it exists, the guidance it
 * enforces, quoted), as `debrief explain` prints it and as SARIF carries
 * it in each rule's help.
 */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "buf.h"
#include "catalogue.h"

/* Append the explanation of r to b: plain text (markdown 0) or Markdown. */
void explain_rule(struct buf *b, const struct rule *r, enum lang lang, int markdown);

#endif
