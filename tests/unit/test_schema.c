/* Unit tests of schema.c: what the record holds after a clean build
 * (values, defaults, marks, resolved references), and that any tree shape
 * gives a record or NULL without a crash. */
#include <stdlib.h>

#include "buf.h"
#include "fsutil.h"
#include "load.h"
#include "schema.h"
#include "unit.h"

static const struct date today = {2026, 1, 1};

static struct record *
build(const char *yaml, struct diags *dq)
{
	struct doc *d = load_yaml(yaml, strlen(yaml), "t.yaml", NULL, LANG_EN, dq);
	return schema_record_take(d, today, LANG_EN, dq);
}

static size_t
count_rule(const struct diags *dq, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < dq->n; i++)
		n += !strcmp(dq->v[i].rule, rule);
	return n;
}

static void
complete_example(void)
{
	struct diags dq = DIAGS_INIT;
	char *data = NULL, *err = NULL;
	size_t len;
	if (!fs_read("../schema/clean-complete-record.yaml", 1 << 20, &data, &len, &err)) {
		printf("FAIL example/read: %s\n", err);
		free(err);
		unit_failed++;
		return;
	}
	struct record *r = build(data, &dq);
	free(data);
	INT_EQ(dq.n, 0, "example/no-findings");
	STR_EQ(r->schema.s, "debrief/1", "example/schema");
	STR_EQ(r->id.s, "2017-07-camau-nagasaki", "example/id");
	INT_EQ(r->title.mark.line, 3, "example/title-line");
	INT_EQ(r->title.mark.col, 8, "example/title-col");
	STR_EQ(r->lang.s, "vi", "example/lang");
	INT_EQ(r->direction, DIR_OUTBOUND, "example/direction");
	INT_EQ(r->status, STATUS_COMPLETED, "example/status-derived");
	INT_EQ(r->status_given, 0, "example/status-not-given");
	INT_EQ(r->start.set && r->start.d.y == 2017 && r->start.d.m == 7 && r->start.d.d == 10, 1,
	       "example/start");
	INT_EQ(r->end.d.d, 14, "example/end");
	STR_EQ(r->locality_name.s, "Cà Mau", "example/locality-name");
	INT_EQ(r->locality_kind, LOC_PROVINCE, "example/locality-kind");
	INT_EQ(r->has_agency, 1, "example/has-agency");
	INT_EQ(r->agency_kind, AGENCY_CONSULATE, "example/agency-kind");
	INT_EQ(r->agency_consulted.d.m, 6, "example/agency-consulted");
	INT_EQ(r->nagency_staff, 1, "example/agency-staff");
	STR_EQ(r->agency_staff[0].title.s, "Tổng Lãnh sự", "example/staff-title");

	INT_EQ(r->npartners, 1, "example/partners");
	struct partner *p = &r->partners[0];
	STR_EQ(p->country.s, "JP", "example/partner-country");
	STR_EQ(p->local_name.s, "長崎県", "example/partner-local-name");
	INT_EQ(p->kind, PK_PREFECTURE, "example/partner-kind");
	INT_EQ(p->has_relationship, 1, "example/has-relationship");
	INT_EQ(p->stage, STAGE_EXPLORING, "example/stage");
	INT_EQ(p->stage_since.set && p->stage_since.d.d == 0 && p->stage_since.d.m == 3, 1,
	       "example/stage-since-month");
	INT_EQ(p->has_profile, 1, "example/has-profile");
	INT_EQ(p->strengths.n, 3, "example/strengths");
	STR_EQ(p->priorities.v[1].s, "đào tạo nhân lực", "example/priorities");
	INT_EQ(p->profile_mark.line, 21, "example/profile-mark");
	INT_EQ(p->needs.n, 2, "example/needs");
	INT_EQ(p->response, RESP_ACCEPTED, "example/response");
	OK(p->alternative == NULL && p->alternative_to.s == NULL, "example/no-alternative");

	INT_EQ(r->has_delegation && r->has_head, 1, "example/head");
	STR_EQ(r->head.title.s, "Phó Chủ tịch UBND tỉnh", "example/head-title");
	INT_EQ(r->nmembers, 0, "example/members");
	INT_EQ(r->nbusinesses, 1, "example/businesses");
	INT_EQ(r->occasion_kind, OCC_STANDALONE, "example/occasion");
	INT_EQ(r->anniversary_years, -1, "example/anniversary-absent");
	INT_EQ(r->has_preparation, 1, "example/has-preparation");
	INT_EQ(r->npromote, 1, "example/promote");
	OK(r->nobjectives == 1 && r->objectives[0].partner == p, "example/objective-partner");
	OK(r->nmaterials == 1 && r->materials[0].audience == p, "example/material-audience");
	INT_EQ(r->materials[0].audience_all, 0, "example/material-not-all");
	INT_EQ(r->materials[0].langs.n, 2, "example/material-langs");
	STR_EQ(r->materials[0].langs.v[0].s, "ja", "example/material-lang-ja");
	INT_EQ(r->materials[0].pages, 12, "example/material-pages");
	INT_EQ(r->materials[0].kind, MAT_PRESENTATION, "example/material-kind");
	OK(r->nasks == 1 && r->asks[0].partner == p, "example/ask-partner");
	INT_EQ(r->asks[0].kind, ASK_TECHNOLOGY, "example/ask-kind");
	INT_EQ(r->asks[0].kind_mark.line, 39, "example/ask-kind-mark");
	INT_EQ(r->nmeetings, 1, "example/meetings");
	INT_EQ(r->meetings[0].kind, MEET_WORKING, "example/meeting-kind");
	INT_EQ(r->outcomes.n, 1, "example/outcomes");

	INT_EQ(r->ntasks, 2, "example/tasks");
	STR_EQ(r->tasks[0].id.s, "T1", "example/task-id-default-1");
	STR_EQ(r->tasks[1].id.s, "T2", "example/task-id-default-2");
	INT_EQ(r->tasks[0].status, TASK_IN_PROGRESS, "example/task-status");
	INT_EQ(r->tasks[0].status_given, 1, "example/task-status-given");
	INT_EQ(r->tasks[1].status, TASK_OPEN, "example/task-status-default");
	INT_EQ(r->tasks[1].status_given, 0, "example/task-status-not-given");
	OK(r->tasks[0].partner == p, "example/task-partner");
	OK(r->tasks[1].partner == NULL && r->tasks[1].partner_ref.s == NULL,
	   "example/task-no-partner");
	INT_EQ(r->tasks[1].partner_ref.mark.line, r->tasks[1].mark.line,
	       "example/absent-field-marks-its-mapping");
	INT_EQ(r->tasks[1].due.set && r->tasks[1].due.d.d == 0, 1, "example/due-month");
	INT_EQ(r->tasks[0].nupdates, 1, "example/updates");
	INT_EQ(r->tasks[0].support.n, 1, "example/support");

	INT_EQ(r->has_follow_up && r->has_report && r->has_plan && r->has_reciprocal, 1,
	       "example/follow-up");
	INT_EQ(r->report_date.d.d, 20, "example/report-date");
	STR_EQ(r->report_author.s, "Sở Ngoại vụ", "example/report-author");
	OK(r->report_number.s == NULL, "example/report-number-absent");
	INT_EQ(r->feedback_to_agency.d.d, 25, "example/feedback");
	INT_EQ(r->nreviews, 1, "example/reviews");
	INT_EQ(r->reciprocal_status, RECIP_AGREED, "example/reciprocal");
	INT_EQ(r->ncontacts, 1, "example/contacts");
	INT_EQ(r->contacts[0].side, SIDE_PARTNER, "example/contact-side");
	OK(r->handover.s != NULL, "example/handover");
	INT_EQ(r->nwaivers, 0, "example/waivers");
	record_free(r);
	diags_free(&dq);
}

static const char head[] = "schema: debrief/1\nid: t\ntitle: T\ndirection: inbound\n"
                           "dates: {start: 2030-01-01, end: 2030-01-02}\nlocality: {name: X}\n";

static void
defaults_and_rejections(void)
{
	struct diags dq = DIAGS_INIT;
	char buf[2048];
	snprintf(buf, sizeof buf,
	         "%spartners:\n  - {name: A, country: FR}\n"
	         "preparation:\n  materials:\n    - {title: x, audience: ALL}\n"
	         "    - {title: y, pages: many}\n"
	         "tasks:\n  - {task: a, owner: b, status: later}\n",
	         head);
	struct record *r = build(buf, &dq);
	STR_EQ(r->lang.s, "vi", "defaults/lang-vi");
	INT_EQ(r->status, STATUS_PLANNED, "defaults/status-planned-before-end");
	INT_EQ(r->materials[0].audience_all, 1, "defaults/audience-all-any-case");
	INT_EQ(r->materials[0].pages, -1, "defaults/pages-absent");
	INT_EQ(r->materials[1].pages, -1, "rejected/pages-absent");
	INT_EQ(r->tasks[0].status, TASK_OPEN, "rejected/task-status-open");
	INT_EQ(r->tasks[0].status_given, 0, "rejected/task-status-not-given");
	INT_EQ(count_rule(&dq, "schema-type"), 2, "rejected/two-type-findings");
	record_free(r);
	diags_free(&dq);

	snprintf(buf, sizeof buf,
	         "%slang: EN\npartners:\n  - {name: A, country: Japan}\n  - Fukuoka\n"
	         "  - {name: B, country: de}\n",
	         head);
	r = build(buf, &dq);
	STR_EQ(r->lang.s, "en", "defaults/lang-lower-case");
	INT_EQ(r->npartners, 2, "rejected/scalar-partner-absent");
	OK(r->partners[0].country.s == NULL, "rejected/country-absent");
	STR_EQ(r->partners[1].country.s, "DE", "defaults/country-upper-case");
	record_free(r);
	diags_free(&dq);
}

static void
robustness(void)
{
	struct diags dq = DIAGS_INIT;
	OK(schema_record_take(NULL, today, LANG_EN, &dq) == NULL && dq.n == 0, "robust/null-doc");

	static const char *const roots[] = {"7\n", "- a\n- b\n", "~\n", "''\n", "# empty\n"};
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		struct record *r = build(roots[i], &dq);
		OK(r == NULL && count_rule(&dq, "schema-type") == 1, "robust/non-mapping-root");
		diags_free(&dq);
	}

	/* Every top-level field given every wrong shape. */
	static const char *const keys[] = {
	    "schema",      "id",       "title",    "lang",       "direction",  "status",
	    "dates",       "locality", "partners", "agency",     "delegation", "occasion",
	    "preparation", "meetings", "outcomes", "agreements", "tasks",      "follow_up",
	    "contacts",    "handover", "waivers"};
	static const char *const shapes[] = {
	    "7",
	    "~",
	    "[]",
	    "{}",
	    "[[[]]]",
	    "[~, 1, {a: [b]}]",
	    "{x: {y: [z]}}",
	    "{start: [1], end: {a: b}, name: [], head: 1, members: {}, promote: 7, report: []}",
	    ("[{name: [x], country: {}, relationship: 1, profile: [], task: {}, owner: [], "
	     "updates: 7, rule: [], staff: 1, date: {}, lang: {}, audience: []}]")};
	int fine = 1;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
			char buf[512];
			snprintf(buf, sizeof buf, "%s: %s\n? [x]\n: y\n", keys[k], shapes[s]);
			struct record *r = build(buf, &dq);
			if (!r || !r->lang.s)
				fine = 0;
			record_free(r);
			diags_free(&dq);
		}
	OK(fine, "robust/every-field-every-shape");

	/* Aliases: one partner reached three times, one finding. */
	struct record *r =
	    build("partners:\n  - &p {name: A, country: Japan}\n  - *p\n  - *p\n", &dq);
	INT_EQ(r->npartners, 3, "robust/alias-entries");
	INT_EQ(count_rule(&dq, "schema-type"), 1, "robust/alias-finding-once");
	record_free(r);
	diags_free(&dq);

	/* A huge list is read up to a bound, with a finding. */
	struct buf b = BUF_INIT;
	buf_puts(&b, "partners:\n");
	for (int i = 0; i < 12000; i++)
		buf_printf(&b, "  - {name: P%d, country: JP}\n", i);
	buf_puts(&b, "tasks:\n");
	for (int i = 0; i < 3000; i++)
		buf_printf(&b, "  - {task: t, owner: o, id: x%d, partner: P%d}\n", i % 1500, i * 4);
	r = build(buf_cstr(&b), &dq);
	buf_free(&b);
	INT_EQ(r->npartners, 10000, "robust/huge-list-bounded");
	INT_EQ(count_rule(&dq, "yaml-limit"), 1, "robust/huge-list-finding");
	INT_EQ(count_rule(&dq, "schema-duplicate-id"), 1500, "robust/many-duplicate-ids");
	INT_EQ(count_rule(&dq, "schema-reference"), 500, "robust/references-past-the-bound");
	record_free(r);
	diags_free(&dq);
}

int
main(void)
{
	complete_example();
	defaults_and_rejections();
	robustness();
	return unit_failed != 0;
}
