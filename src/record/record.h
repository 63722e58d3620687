/*
 * record.h: one trip record (format debrief/1, see debrief(5)) as typed
 * data.  schema.c builds it from a loaded document; rules, report and
 * archive read it.  Every value keeps the position of its YAML node so a
 * finding can point at it.  All memory belongs to the document's arena:
 * record_free() frees the record and its document together.
 *
 * A field the record does not have, or whose value the schema rejected,
 * is "absent": text with s == NULL, a date with set == 0, an enum at its
 * *_NONE value, a list with n == 0.  has_* flags say whether an optional
 * mapping was present at all.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stddef.h>

#include "date.h"
#include "debrief.h"
#include "node.h"

struct text {
	const char *s;    /* NFC UTF-8, NULL when absent */
	struct mark mark; /* position of the value (or of the key when absent) */
};

struct rdate {
	struct date d; /* d.d == 0 for month precision (date~ fields) */
	int set;       /* 0 when absent or invalid */
	struct mark mark;
};

struct texts {
	struct text *v;
	size_t n;
	struct mark mark; /* the sequence */
};

enum direction { DIR_NONE, DIR_OUTBOUND, DIR_INBOUND };
enum status { STATUS_NONE, STATUS_PLANNED, STATUS_COMPLETED };
enum locality_kind { LOC_NONE, LOC_PROVINCE, LOC_CITY };
enum agency_kind { AGENCY_NONE, AGENCY_EMBASSY, AGENCY_CONSULATE, AGENCY_MISSION };
enum occasion_kind { OCC_NONE, OCC_STANDALONE, OCC_MAJOR_EVENT, OCC_ANNIVERSARY };
enum meeting_kind {
	MEET_NONE,
	MEET_COURTESY,
	MEET_WORKING,
	MEET_SIGNING,
	MEET_SITE_VISIT,
	MEET_EVENT
};
enum agreement_kind { AGR_NONE, AGR_MOU, AGR_AGREEMENT, AGR_PLAN, AGR_LETTER_OF_INTENT };
enum side { SIDE_NONE, SIDE_PARTNER, SIDE_AGENCY, SIDE_OURS };
enum partner_kind {
	PK_NONE,
	PK_PREFECTURE,
	PK_REGION,
	PK_PROVINCE,
	PK_STATE,
	PK_CITY,
	PK_DEPARTMENT,
	PK_ORGANIZATION,
	PK_BUSINESS,
	PK_UNIVERSITY
};
enum stage { STAGE_NONE, STAGE_PROSPECT, STAGE_EXPLORING, STAGE_MOU, STAGE_SISTER, STAGE_DECLINED };
enum response { RESP_NONE, RESP_PENDING, RESP_ACCEPTED, RESP_DECLINED };
enum material_kind { MAT_NONE, MAT_PRESENTATION, MAT_BROCHURE, MAT_DOSSIER, MAT_VIDEO };
enum ask_kind {
	ASK_NONE,
	ASK_AID,
	ASK_FUNDING,
	ASK_INVESTMENT,
	ASK_TRADE,
	ASK_EXCHANGE,
	ASK_TRAINING,
	ASK_TECHNOLOGY
};
enum task_status { TASK_OPEN, TASK_IN_PROGRESS, TASK_DONE, TASK_BLOCKED, TASK_DROPPED };
/* RECIP_NOT_PLANNED is the word "none"; RECIP_NONE means absent. */
enum reciprocal_status { RECIP_NONE, RECIP_PROPOSED, RECIP_AGREED, RECIP_DONE, RECIP_NOT_PLANNED };

/* The words of each enum as written in records, indexed by value; [0] is
 * NULL for the *_NONE values.  schema.c parses with them, outputs print
 * them, debrief(5) lists them. */
extern const char *const direction_words[];
extern const char *const status_words[];
extern const char *const task_status_words[];
extern const char *const stage_words[];
extern const char *const meeting_kind_words[];
extern const char *const agreement_kind_words[];
extern const char *const side_words[];
extern const char *const partner_kind_words[];
extern const char *const response_words[];
extern const char *const material_kind_words[];
extern const char *const ask_kind_words[];
extern const char *const occasion_kind_words[];
extern const char *const agency_kind_words[];
extern const char *const locality_kind_words[];
extern const char *const reciprocal_status_words[];

struct person {
	struct text name, title, org;
	struct mark mark;
};

struct contact {
	struct text name, title, org, email, phone, notes;
	enum side side;
	struct rdate since; /* date~ */
	struct mark mark;
};

struct business {
	struct text name, sector, need;
	struct mark mark;
};

struct partner {
	struct text id;                        /* optional short id, another way to refer to it */
	struct text name, local_name, country; /* country: ISO 3166-1 alpha-2, upper case */
	enum partner_kind kind;
	int has_relationship;
	enum stage stage;
	struct rdate stage_since; /* date~ */
	int has_profile;
	struct texts strengths, priorities;
	struct rdate profile_updated; /* date~ */
	struct mark profile_mark;
	struct texts needs;
	enum response response;
	struct text alternative_to;  /* as written */
	struct partner *alternative; /* resolved, or NULL */
	struct mark mark;
};

struct promote_item {
	struct text item, sector, data;
	struct mark mark;
};

struct objective {
	struct text field, goal, project, roadmap, partner_ref;
	struct partner *partner; /* resolved, or NULL */
	struct mark mark;
};

struct material {
	struct text title;
	enum material_kind kind;
	struct text audience_ref; /* a partner name/id, or "all" */
	int audience_all;         /* audience: all */
	struct partner *audience; /* resolved, or NULL */
	struct texts langs;       /* language codes, lower case */
	long pages;               /* -1 when absent */
	struct mark mark;
};

struct ask {
	struct text what, partner_ref;
	enum ask_kind kind;
	struct mark kind_mark;
	struct partner *partner;
	struct mark mark;
};

struct meeting {
	struct rdate date;
	struct text with, summary;
	enum meeting_kind kind;
	struct mark mark;
};

struct agreement {
	enum agreement_kind kind;
	struct text title;
	struct rdate signed_on;
	struct texts parties;
	struct mark mark;
};

struct update {
	struct rdate date;
	struct text note;
	struct mark mark;
};

struct task {
	struct text id; /* as written, or "T<n>" by position (mark of the task) */
	struct text task, owner;
	struct texts support;
	struct text partner_ref;
	struct partner *partner;
	struct rdate due;        /* date~ */
	enum task_status status; /* TASK_OPEN when absent */
	int status_given;
	struct update *updates;
	size_t nupdates;
	struct mark mark;
};

struct review {
	struct rdate date;
	struct text by, note;
	struct mark mark;
};

struct waiver {
	struct text rule, reason;
	struct mark mark;
};

/* A field the schema has already given its finding about (value rejected,
 * key misspelt, required field missing): a rule that would say the field
 * is missing stays quiet, so one problem gives one finding. */
struct reported {
	struct mark map;   /* the mapping that holds, or should hold, the field */
	const char *field; /* its name in the format */
};

struct record {
	struct doc *doc; /* owns all memory of the record */
	const char *file;
	struct node *root;

	struct text schema, id, title, lang; /* lang: lower case, "vi" when absent */
	enum direction direction;
	struct mark direction_mark;
	enum status status; /* as written, else derived from dates and today */
	int status_given;
	struct rdate start, end;
	struct mark dates_mark;

	struct text locality_name, locality_former_name;
	enum locality_kind locality_kind;
	struct mark locality_mark;

	struct partner *partners;
	size_t npartners;
	struct mark partners_mark;

	int has_agency;
	struct text agency_name;
	enum agency_kind agency_kind;
	struct person *agency_staff;
	size_t nagency_staff;
	struct rdate agency_consulted;
	struct mark agency_mark;

	int has_delegation;
	int has_head;
	struct person head;
	struct person *members;
	size_t nmembers;
	struct business *businesses;
	size_t nbusinesses;
	struct mark delegation_mark;

	enum occasion_kind occasion_kind;
	struct text occasion_event;
	long anniversary_years; /* -1 when absent */
	struct mark occasion_mark;

	int has_preparation;
	struct mark preparation_mark;
	struct promote_item *promote;
	size_t npromote;
	struct objective *objectives;
	size_t nobjectives;
	struct material *materials;
	size_t nmaterials;
	struct ask *asks;
	size_t nasks;
	struct rdate briefing_date;
	struct text briefing_by;

	struct meeting *meetings;
	size_t nmeetings;
	struct mark meetings_mark;
	struct texts outcomes;
	struct agreement *agreements;
	size_t nagreements;
	struct task *tasks;
	size_t ntasks;
	struct mark tasks_mark;

	int has_follow_up;
	struct mark follow_up_mark;
	int has_report;
	struct rdate report_date;
	struct text report_author, report_number;
	struct rdate feedback_to_agency;
	int has_plan;
	struct text plan_title, plan_horizon;
	struct texts plan_items;
	struct review *reviews;
	size_t nreviews;
	int has_reciprocal;
	struct rdate reciprocal_expected; /* date~ */
	enum reciprocal_status reciprocal_status;

	struct contact *contacts;
	size_t ncontacts;
	struct mark contacts_mark;
	struct text handover;

	struct waiver *waivers;
	size_t nwaivers;

	struct reported *reported; /* sorted; see record_reported */
	size_t nreported;
};

/* Find a partner by name or id (exact, then accent/case-insensitive). */
struct partner *record_partner(const struct record *r, const char *ref);
/* The contact of that name (case, accents and spacing aside), or NULL:
 * a person of agency.staff who is also a contact is listed once. */
const struct contact *record_contact_named(const struct record *r, const char *name);
/* The person of agency.staff of that name, likewise, or NULL: what such a
 * contact leaves out (a title) is taken from the staff entry. */
const struct person *record_staff_named(const struct record *r, const char *name);
/* 1 when the record counts as completed on "today" (docs/rules.md). */
int record_completed(const struct record *r, struct date today);
/* Keeps a copy of v[0..n) (in the record's arena), sorted for look-ups. */
void record_set_reported(struct record *r, const struct reported *v, size_t n);
/* 1 when the schema has given a finding about field of the mapping at map. */
int record_reported(const struct record *r, struct mark map, const char *field);
/* Frees the record and the document it came from. */
void record_free(struct record *r);

#endif
