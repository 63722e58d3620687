/*
 * record.c: what the typed record offers its readers besides its fields:
 * the words of every enum as records write them, partner look-up by name
 * or id, "completed" as docs/rules.md defines it, and freeing.  schema.c builds
 * records; this file never looks at the node tree.
 */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Indexed by enum value; [0] is NULL where it is the *_NONE value.  Every
 * table ends with a NULL so a reader can walk it without knowing its size. */
const char *const direction_words[] = {NULL, "outbound", "inbound", NULL};
const char *const status_words[] = {NULL, "planned", "completed", NULL};
const char *const task_status_words[] = {"open", "in_progress", "done", "blocked", "dropped", NULL};
const char *const stage_words[] = {NULL,     "prospect", "exploring", "mou",
                                   "sister", "declined", NULL};
const char *const meeting_kind_words[] = {NULL,         "courtesy", "working", "signing",
                                          "site_visit", "event",    NULL};
const char *const agreement_kind_words[] = {NULL, "mou", "agreement", "plan", "letter_of_intent",
                                            NULL};
const char *const side_words[] = {NULL, "partner", "agency", "ours", NULL};
const char *const partner_kind_words[] = {NULL,       "prefecture", "region",     "province",
                                          "state",    "city",       "department", "organization",
                                          "business", "university", NULL};
const char *const response_words[] = {NULL, "pending", "accepted", "declined", NULL};
const char *const material_kind_words[] = {NULL,      "presentation", "brochure",
                                           "dossier", "video",        NULL};
const char *const ask_kind_words[] = {NULL,       "aid",      "funding",    "investment", "trade",
                                      "exchange", "training", "technology", NULL};
const char *const occasion_kind_words[] = {NULL, "standalone", "major_event", "anniversary", NULL};
const char *const agency_kind_words[] = {NULL, "embassy", "consulate", "mission", NULL};
const char *const locality_kind_words[] = {NULL, "province", "city", NULL};
const char *const reciprocal_status_words[] = {NULL, "proposed", "agreed", "done", "none", NULL};

static int
same(const struct text *t, const char *s)
{
	return t->s && !strcmp(t->s, s);
}

/* Whether t's text folds to f (text_fold): names as people write them. */
static int
folds_to(const struct text *t, const char *f)
{
	if (!t->s)
		return 0;
	char *g = text_fold(t->s);
	int eq = !strcmp(g, f);
	free(g);
	return eq;
}

struct partner *
record_partner(const struct record *r, const char *ref)
{
	if (!r || !ref || !*ref)
		return NULL;
	for (size_t i = 0; i < r->npartners; i++)
		if (same(&r->partners[i].name, ref) || same(&r->partners[i].id, ref))
			return &r->partners[i];
	/* Then as people write names: "nagasaki", "Ha Noi" for "Hà Nội". */
	struct partner *found = NULL;
	char *want = text_fold(ref);
	for (size_t i = 0; i < r->npartners && !found && *want; i++)
		if (folds_to(&r->partners[i].name, want) || folds_to(&r->partners[i].id, want))
			found = &r->partners[i];
	free(want);
	return found;
}

const struct person *
record_staff_named(const struct record *r, const char *name)
{
	if (!name || !r->nagency_staff)
		return NULL;
	char *f = text_fold(name);
	const struct person *found = NULL;
	for (size_t i = 0; i < r->nagency_staff && !found; i++)
		if (folds_to(&r->agency_staff[i].name, f))
			found = &r->agency_staff[i];
	free(f);
	return found;
}

int
record_completed(const struct record *r, struct date today)
{
	if (!r)
		return 0;
	if (r->status_given)
		return r->status == STATUS_COMPLETED;
	return r->end.set && date_days(r->end.d, 1) < date_days(today, 0);
}

void
record_free(struct record *r)
{
	if (!r)
		return;
	doc_free(r->doc); /* r itself lives in the document's arena */
}

const struct contact *
record_contact_named(const struct record *r, const char *name)
{
	if (!name)
		return NULL;
	char *f = text_fold(name);
	const struct contact *found = NULL;
	for (size_t i = 0; i < r->ncontacts && !found; i++)
		if (folds_to(&r->contacts[i].name, f))
			found = &r->contacts[i];
	free(f);
	return found;
}

static int
cmp_reported(const void *a, const void *b)
{
	const struct reported *x = a, *y = b;
	if (x->map.line != y->map.line)
		return x->map.line < y->map.line ? -1 : 1;
	if (x->map.col != y->map.col)
		return x->map.col < y->map.col ? -1 : 1;
	return strcmp(x->field, y->field);
}

void
record_set_reported(struct record *r, const struct reported *v, size_t n)
{
	r->nreported = n;
	if (!n)
		return;
	r->reported = arena_alloc(r->doc->arena, n * sizeof *v);
	memcpy(r->reported, v, n * sizeof *v);
	qsort(r->reported, n, sizeof *v, cmp_reported);
}

int
record_reported(const struct record *r, struct mark map, const char *field)
{
	struct reported key = {map, field};
	return r->nreported &&
	       bsearch(&key, r->reported, r->nreported, sizeof key, cmp_reported) != NULL;
}
