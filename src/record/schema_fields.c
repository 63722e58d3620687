/*
 * schema_fields.c: the tables of schema_fields.h: every field of the
 * format debrief/1 with its type, whether it is required, its allowed
 * words (the record.h word tables) and its place in struct record; and
 * the ISO code lists the format refers to.  The manual page debrief(5)
 * and docs/record-format.md describe exactly these tables.
 */
#include "schema_fields.h"

#include <stdlib.h>
#include <string.h>

#include "record.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
/* initialisers on one line each: clang-format would spread them out */
/* clang-format off */
#define OBJ(nm, tab, st, mk) {nm, tab, N(tab), sizeof(st), mk}

/* One field: name, type, required, in struct st at member f. */
#define FLD(st, nm, t, req, f) {nm, t, req, NULL, offsetof(st, f), 0, 0, 0, NULL, 0}
/* A whole number, at least lo. */
#define INT(st, nm, req, f, lo) {nm, FT_INT, req, NULL, offsetof(st, f), 0, 0, 0, NULL, lo}
/* A word of w; mk: where its mark goes, given: an int set when written. */
#define ENUM(st, nm, req, f, w, mk, given) {nm, FT_ENUM, req, w, offsetof(st, f), 0, mk, given, NULL, 0}
/* A mapping whose fields are sub's, relative to base. */
#define MAP(nm, req, base, mk, flag, sub) {nm, FT_MAP, req, NULL, base, 0, mk, flag, &(sub), 0}
/* A list of sub: array pointer f, count cnt. */
#define LIST(st, nm, req, f, cnt, mk, sub)                                                          \
	{nm, FT_LIST, req, NULL, offsetof(st, f), offsetof(st, cnt), mk, 0, &(sub), 0}
/* clang-format on */

#define R struct record
#define RO(f) offsetof(struct record, f)

/* person: {name, title, org} */
static const struct sfield person_f[] = {
    FLD(struct person, "name", FT_TEXT, 1, name),
    FLD(struct person, "title", FT_TEXT, 0, title),
    FLD(struct person, "org", FT_TEXT, 0, org),
};
static const struct sobj person_o =
    OBJ("person", person_f, struct person, offsetof(struct person, mark));

static const struct sfield business_f[] = {
    FLD(struct business, "name", FT_TEXT, 0, name),
    FLD(struct business, "sector", FT_TEXT, 0, sector),
    FLD(struct business, "need", FT_TEXT, 0, need),
};
static const struct sobj business_o =
    OBJ("business", business_f, struct business, offsetof(struct business, mark));

/* partner.relationship and partner.profile: fields of struct partner. */
static const struct sfield relationship_f[] = {
    ENUM(struct partner, "stage", 0, stage, stage_words, 0, 0),
    FLD(struct partner, "since", FT_DATEM, 0, stage_since),
};
static const struct sobj relationship_o = {"relationship", relationship_f, N(relationship_f), 0, 0};

static const struct sfield profile_f[] = {
    FLD(struct partner, "strengths", FT_TEXTS, 0, strengths),
    FLD(struct partner, "priorities", FT_TEXTS, 0, priorities),
    FLD(struct partner, "updated", FT_DATEM, 0, profile_updated),
};
static const struct sobj profile_o = {"profile", profile_f, N(profile_f), 0, 0};

static const struct sfield partner_f[] = {
    FLD(struct partner, "id", FT_TEXT, 0, id),
    FLD(struct partner, "name", FT_TEXT, 1, name),
    FLD(struct partner, "local_name", FT_TEXT, 0, local_name),
    FLD(struct partner, "country", FT_COUNTRY, 1, country),
    ENUM(struct partner, "kind", 0, kind, partner_kind_words, 0, 0),
    MAP("relationship", 0, 0, 0, offsetof(struct partner, has_relationship), relationship_o),
    MAP("profile", 0, 0, offsetof(struct partner, profile_mark),
        offsetof(struct partner, has_profile), profile_o),
    FLD(struct partner, "needs", FT_TEXTS, 0, needs),
    ENUM(struct partner, "response", 0, response, response_words, 0, 0),
    FLD(struct partner, "alternative_to", FT_REF, 0, alternative_to),
};
static const struct sobj partner_o =
    OBJ("partner", partner_f, struct partner, offsetof(struct partner, mark));

static const struct sfield dates_f[] = {
    FLD(R, "start", FT_DATE, 1, start),
    FLD(R, "end", FT_DATE, 1, end),
};
static const struct sobj dates_o = {"dates", dates_f, N(dates_f), 0, 0};

static const struct sfield locality_f[] = {
    FLD(R, "name", FT_TEXT, 1, locality_name),
    ENUM(R, "kind", 0, locality_kind, locality_kind_words, 0, 0),
    FLD(R, "former_name", FT_TEXT, 0, locality_former_name),
};
static const struct sobj locality_o = {"locality", locality_f, N(locality_f), 0, 0};

static const struct sfield agency_f[] = {
    FLD(R, "name", FT_TEXT, 0, agency_name),
    ENUM(R, "kind", 0, agency_kind, agency_kind_words, 0, 0),
    LIST(R, "staff", 0, agency_staff, nagency_staff, 0, person_o),
    FLD(R, "consulted", FT_DATE, 0, agency_consulted),
};
static const struct sobj agency_o = {"agency", agency_f, N(agency_f), 0, 0};

static const struct sfield delegation_f[] = {
    MAP("head", 0, RO(head), 0, RO(has_head), person_o),
    LIST(R, "members", 0, members, nmembers, 0, person_o),
    LIST(R, "businesses", 0, businesses, nbusinesses, 0, business_o),
};
static const struct sobj delegation_o = {"delegation", delegation_f, N(delegation_f), 0, 0};

static const struct sfield occasion_f[] = {
    ENUM(R, "kind", 0, occasion_kind, occasion_kind_words, 0, 0),
    FLD(R, "event", FT_TEXT, 0, occasion_event),
    /* the first anniversary is a year on: there is no zeroth */
    INT(R, "anniversary_years", 0, anniversary_years, 1),
};
static const struct sobj occasion_o = {"occasion", occasion_f, N(occasion_f), 0, 0};

static const struct sfield promote_f[] = {
    FLD(struct promote_item, "item", FT_TEXT, 0, item),
    FLD(struct promote_item, "sector", FT_TEXT, 0, sector),
    FLD(struct promote_item, "data", FT_TEXT, 0, data),
};
static const struct sobj promote_o =
    OBJ("promote item", promote_f, struct promote_item, offsetof(struct promote_item, mark));

static const struct sfield objective_f[] = {
    FLD(struct objective, "field", FT_TEXT, 0, field),
    FLD(struct objective, "goal", FT_TEXT, 0, goal),
    FLD(struct objective, "project", FT_TEXT, 0, project),
    FLD(struct objective, "roadmap", FT_TEXT, 0, roadmap),
    FLD(struct objective, "partner", FT_REF, 0, partner_ref),
};
static const struct sobj objective_o =
    OBJ("objective", objective_f, struct objective, offsetof(struct objective, mark));

static const struct sfield material_f[] = {
    FLD(struct material, "title", FT_TEXT, 0, title),
    ENUM(struct material, "kind", 0, kind, material_kind_words, 0, 0),
    FLD(struct material, "audience", FT_AUDIENCE, 0, audience_ref),
    FLD(struct material, "lang", FT_LANGS, 0, langs),
    INT(struct material, "pages", 0, pages, 0),
};
static const struct sobj material_o =
    OBJ("material", material_f, struct material, offsetof(struct material, mark));

static const struct sfield ask_f[] = {
    FLD(struct ask, "what", FT_TEXT, 0, what),
    ENUM(struct ask, "kind", 0, kind, ask_kind_words, offsetof(struct ask, kind_mark), 0),
    FLD(struct ask, "partner", FT_REF, 0, partner_ref),
};
static const struct sobj ask_o = OBJ("ask", ask_f, struct ask, offsetof(struct ask, mark));

static const struct sfield briefing_f[] = {
    FLD(R, "date", FT_DATE, 0, briefing_date),
    FLD(R, "by", FT_TEXT, 0, briefing_by),
};
static const struct sobj briefing_o = {"briefing", briefing_f, N(briefing_f), 0, 0};

static const struct sfield preparation_f[] = {
    LIST(R, "promote", 0, promote, npromote, 0, promote_o),
    LIST(R, "objectives", 0, objectives, nobjectives, 0, objective_o),
    LIST(R, "materials", 0, materials, nmaterials, 0, material_o),
    LIST(R, "asks", 0, asks, nasks, 0, ask_o),
    MAP("briefing", 0, 0, 0, 0, briefing_o),
};
static const struct sobj preparation_o = {"preparation", preparation_f, N(preparation_f), 0, 0};

static const struct sfield meeting_f[] = {
    FLD(struct meeting, "date", FT_DATE, 0, date),
    FLD(struct meeting, "with", FT_TEXT, 0, with),
    ENUM(struct meeting, "kind", 0, kind, meeting_kind_words, 0, 0),
    FLD(struct meeting, "summary", FT_TEXT, 0, summary),
};
static const struct sobj meeting_o =
    OBJ("meeting", meeting_f, struct meeting, offsetof(struct meeting, mark));

static const struct sfield agreement_f[] = {
    ENUM(struct agreement, "kind", 0, kind, agreement_kind_words, 0, 0),
    FLD(struct agreement, "title", FT_TEXT, 0, title),
    FLD(struct agreement, "signed", FT_DATE, 0, signed_on),
    FLD(struct agreement, "parties", FT_TEXTS, 0, parties),
};
static const struct sobj agreement_o =
    OBJ("agreement", agreement_f, struct agreement, offsetof(struct agreement, mark));

static const struct sfield update_f[] = {
    FLD(struct update, "date", FT_DATE, 0, date),
    FLD(struct update, "note", FT_TEXT, 0, note),
};
static const struct sobj update_o =
    OBJ("update", update_f, struct update, offsetof(struct update, mark));

static const struct sfield task_f[] = {
    FLD(struct task, "id", FT_TEXT, 0, id),
    FLD(struct task, "task", FT_TEXT, 1, task),
    /* required, but follow-task-owner says so, naming the task */
    FLD(struct task, "owner", FT_TEXT, REQ_RULE, owner),
    FLD(struct task, "support", FT_TEXTS, 0, support),
    FLD(struct task, "partner", FT_REF, 0, partner_ref),
    FLD(struct task, "due", FT_DATEM, 0, due),
    ENUM(struct task, "status", 0, status, task_status_words, 0,
         offsetof(struct task, status_given)),
    LIST(struct task, "updates", 0, updates, nupdates, 0, update_o),
};
static const struct sobj task_o = OBJ("task", task_f, struct task, offsetof(struct task, mark));

static const struct sfield report_f[] = {
    FLD(R, "date", FT_DATE, 0, report_date),
    FLD(R, "author", FT_TEXT, 0, report_author),
    FLD(R, "number", FT_TEXT, 0, report_number),
};
static const struct sobj report_o = {"report", report_f, N(report_f), 0, 0};

static const struct sfield plan_f[] = {
    FLD(R, "title", FT_TEXT, 0, plan_title),
    FLD(R, "horizon", FT_TEXT, 0, plan_horizon),
    FLD(R, "items", FT_TEXTS, 0, plan_items),
};
static const struct sobj plan_o = {"plan", plan_f, N(plan_f), 0, 0};

static const struct sfield review_f[] = {
    FLD(struct review, "date", FT_DATE, 0, date),
    FLD(struct review, "by", FT_TEXT, 0, by),
    FLD(struct review, "note", FT_TEXT, 0, note),
};
static const struct sobj review_o =
    OBJ("review", review_f, struct review, offsetof(struct review, mark));

static const struct sfield reciprocal_f[] = {
    FLD(R, "expected", FT_DATEM, 0, reciprocal_expected),
    ENUM(R, "status", 0, reciprocal_status, reciprocal_status_words, 0, 0),
};
static const struct sobj reciprocal_o = {"reciprocal_visit", reciprocal_f, N(reciprocal_f), 0, 0};

static const struct sfield follow_up_f[] = {
    MAP("report", 0, 0, 0, RO(has_report), report_o),
    FLD(R, "feedback_to_agency", FT_DATE, 0, feedback_to_agency),
    MAP("plan", 0, 0, 0, RO(has_plan), plan_o),
    LIST(R, "reviews", 0, reviews, nreviews, 0, review_o),
    MAP("reciprocal_visit", 0, 0, 0, RO(has_reciprocal), reciprocal_o),
};
static const struct sobj follow_up_o = {"follow_up", follow_up_f, N(follow_up_f), 0, 0};

static const struct sfield contact_f[] = {
    FLD(struct contact, "name", FT_TEXT, 1, name),
    FLD(struct contact, "title", FT_TEXT, 0, title),
    FLD(struct contact, "org", FT_TEXT, 0, org),
    ENUM(struct contact, "side", 0, side, side_words, 0, 0),
    FLD(struct contact, "email", FT_TEXT, 0, email),
    FLD(struct contact, "phone", FT_TEXT, 0, phone),
    FLD(struct contact, "since", FT_DATEM, 0, since),
    FLD(struct contact, "notes", FT_TEXT, 0, notes),
};
static const struct sobj contact_o =
    OBJ("contact", contact_f, struct contact, offsetof(struct contact, mark));

static const struct sfield waiver_f[] = {
    FLD(struct waiver, "rule", FT_RULE, 1, rule),
    FLD(struct waiver, "reason", FT_TEXT, 1, reason),
};
static const struct sobj waiver_o =
    OBJ("waiver", waiver_f, struct waiver, offsetof(struct waiver, mark));

static const struct sfield record_f[] = {
    FLD(R, "schema", FT_SCHEMA, 1, schema),
    FLD(R, "id", FT_ID, 1, id),
    FLD(R, "title", FT_TEXT, 1, title),
    FLD(R, "lang", FT_LANG, 0, lang),
    ENUM(R, "direction", 1, direction, direction_words, RO(direction_mark), 0),
    ENUM(R, "status", 0, status, status_words, 0, RO(status_given)),
    MAP("dates", 1, 0, RO(dates_mark), 0, dates_o),
    MAP("locality", 1, 0, RO(locality_mark), 0, locality_o),
    LIST(R, "partners", 1, partners, npartners, RO(partners_mark), partner_o),
    MAP("agency", 0, 0, RO(agency_mark), RO(has_agency), agency_o),
    MAP("delegation", 0, 0, RO(delegation_mark), RO(has_delegation), delegation_o),
    MAP("occasion", 0, 0, RO(occasion_mark), 0, occasion_o),
    MAP("preparation", 0, 0, RO(preparation_mark), RO(has_preparation), preparation_o),
    LIST(R, "meetings", 0, meetings, nmeetings, RO(meetings_mark), meeting_o),
    FLD(R, "outcomes", FT_TEXTS, 0, outcomes),
    LIST(R, "agreements", 0, agreements, nagreements, 0, agreement_o),
    LIST(R, "tasks", 0, tasks, ntasks, RO(tasks_mark), task_o),
    MAP("follow_up", 0, 0, RO(follow_up_mark), RO(has_follow_up), follow_up_o),
    LIST(R, "contacts", 0, contacts, ncontacts, RO(contacts_mark), contact_o),
    FLD(R, "handover", FT_TEXT, 0, handover),
    LIST(R, "waivers", 0, waivers, nwaivers, 0, waiver_o),
};
const struct sobj schema_record_obj = {"record", record_f, N(record_f), sizeof(struct record), 0};

/* ISO 639-1 (the two-letter codes of ISO 639-2). */
static const char langs2[][3] = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
};

static int
cmp_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
schema_lang2_known(const char *code)
{
	if (!code || strlen(code) != 2)
		return 0;
	return bsearch(code, langs2, N(langs2), sizeof langs2[0], cmp_code) != NULL;
}

int
schema_lang_code(const char *s, size_t n, char out[4])
{
	if (n < 2 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch < 'a' || ch > 'z')
			return 0;
		out[i] = ch;
	}
	out[n] = '\0';
	return n == 3 || schema_lang2_known(out);
}
