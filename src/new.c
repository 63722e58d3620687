/*
 * new.c: `debrief new`: writes ID.yaml, a commented skeleton of a record
 * with every section of the guidance, the line that lets an editor
 * complete keys and words from the record schema, and values in the
 * required fields that the schema accepts, so that the officer starts
 * from a file `check` reads without a YAML or schema error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "date.h"
#include "escape.h"
#include "fsutil.h"
#include "provinces.h"
#include "schema.h"
#include "xalloc.h"

static const char usage[] =
    "usage: debrief new [--direction outbound|inbound] [--lang vi|en] [--today "
    "YYYY-MM-DD]\n"
    "                   [--schema URL] ID\n"
    "       debrief new --help\n";

/* The skeleton: %1$s id, %2$s schema location, %3$s direction, %4$s the
 * date of today, %5$s who the delegation is, %6$s the locality (a
 * placeholder when the id does not name it). */
static const char skeleton_vi[] =
    "# yaml-language-server: $schema=%2$s\n"
    "# Hồ sơ chuyến công tác theo định dạng debrief/1 (xem debrief(5)).\n"
    "# Các giá trị trong ngoặc đơn là chỗ cần điền; các mục đánh dấu # là tùy chọn:\n"
    "# bỏ dấu # ở đầu dòng khi điền.  Kiểm tra bằng: debrief check %1$s.yaml\n"
    "schema: debrief/1\n"
    "id: %1$s\n"
    "title: (tên đoàn công tác)\n"
    "lang: vi\n"
    "direction: %3$s  # outbound: đoàn ra; inbound: đoàn vào\n"
    "dates: {start: %4$s, end: %4$s}  # ngày bắt đầu và kết thúc, YYYY-MM-DD\n"
    "locality:\n"
    "  name: %6$s\n"
    "  # kind: province | city\n"
    "\n"
    "# Đối tác nước ngoài (G3, G10, G16, G21).  country: mã quốc gia ISO 3166-1 hai\n"
    "# chữ cái của đối tác: sửa lại cho đúng.\n"
    "partners:\n"
    "  - name: (tên đối tác)\n"
    "    country: JP\n"
    "    # local_name: (tên đối tác bằng chữ viết bản địa)\n"
    "    # kind: prefecture | region | province | state | city | department | organization | "
    "business | university\n"
    "    # relationship: {stage: prospect | exploring | mou | sister | declined, since: YYYY-MM}\n"
    "    # profile: {strengths: [], priorities: [], updated: YYYY-MM}\n"
    "    # needs: [(nhu cầu của đối tác)]\n"
    "    # response: pending | accepted | declined\n"
    "\n"
    "# Cơ quan đại diện Việt Nam hỗ trợ chuyến công tác (G2, G17).\n"
    "# agency:\n"
    "#   name: (tên Đại sứ quán hoặc Tổng Lãnh sự quán)\n"
    "#   kind: embassy | consulate | mission\n"
    "#   consulted: YYYY-MM-DD\n"
    "#   staff:\n"
    "#     - {name: (họ tên), title: (chức vụ)}\n"
    "\n"
    "# Thành phần đoàn (%5$s) và doanh nghiệp đi cùng (G6, G12).\n"
    "# delegation:\n"
    "#   head: {name: (họ tên), title: (chức vụ)}\n"
    "#   members:\n"
    "#     - {name: (họ tên), title: (chức vụ)}\n"
    "#   businesses:\n"
    "#     - {name: (tên doanh nghiệp), sector: (ngành), need: (nhu cầu)}\n"
    "\n"
    "# Hình thức và thời điểm (G6, G14).\n"
    "# occasion: {kind: standalone | major_event | anniversary, event: (sự kiện), "
    "anniversary_years: 10}\n"
    "\n"
    "# Chuẩn bị: xúc tiến cái gì, với ai, như thế nào (G1, G2, G4, G5, G9, G10, G11, G18).\n"
    "# preparation:\n"
    "#   promote:\n"
    "#     - {item: (sản phẩm thế mạnh), sector: (ngành), data: (số liệu)}\n"
    "#   objectives:\n"
    "#     - {field: (lĩnh vực), goal: (mục tiêu), project: (dự án), roadmap: (lộ trình), "
    "partner: (tên đối tác)}\n"
    "#   materials:\n"
    "#     - {title: (tên tài liệu), kind: presentation, audience: (tên đối tác), lang: [ja, en], "
    "pages: 10}\n"
    "#   asks:\n"
    "#     - {what: (đề nghị), kind: exchange, partner: (tên đối tác)}\n"
    "#   briefing: {date: YYYY-MM-DD, by: (cơ quan)}\n"
    "\n"
    "# Các cuộc làm việc trong chuyến công tác.\n"
    "# meetings:\n"
    "#   - {date: YYYY-MM-DD, with: (làm việc với ai), kind: working, summary: (nội dung)}\n"
    "\n"
    "# Kết quả, ngắn gọn (G19).\n"
    "# outcomes:\n"
    "#   - (kết quả)\n"
    "# agreements:\n"
    "#   - {kind: mou, title: (tên văn kiện), signed: YYYY-MM-DD, parties: [(bên ký)]}\n"
    "\n"
    "# Phân công nhiệm vụ: mỗi việc một sở, ngành chủ trì, có thời hạn (G8, G19).\n"
    "# tasks:\n"
    "#   - task: (việc cần làm)\n"
    "#     owner: (một sở, ngành chủ trì)\n"
    "#     support: [(sở hoặc ngành phối hợp)]\n"
    "#     due: YYYY-MM-DD\n"
    "#     status: open\n"
    "\n"
    "# Sau chuyến công tác: báo cáo, thông tin lại cho cơ quan đại diện, chương trình dài\n"
    "# hạn, kiểm tra tình hình triển khai, đón đoàn thăm đáp lễ (G7, G8, G19, G22).\n"
    "# follow_up:\n"
    "#   report: {date: YYYY-MM-DD, author: (cơ quan), number: (số văn bản)}\n"
    "#   feedback_to_agency: YYYY-MM-DD\n"
    "#   plan: {title: (tên chương trình), horizon: (giai đoạn), items: [(nội dung)]}\n"
    "#   reviews:\n"
    "#     - {date: YYYY-MM-DD, by: (cơ quan), note: (ghi chú)}\n"
    "#   reciprocal_visit: {expected: YYYY-MM, status: proposed}\n"
    "\n"
    "# Đầu mối liên hệ và ghi chú bàn giao cho người kế nhiệm (G17, G20).\n"
    "# contacts:\n"
    "#   - {name: (họ tên), org: (cơ quan), side: partner, since: YYYY-MM}\n"
    "# handover: (những điều người tiếp nhận cần biết)\n";

static const char skeleton_en[] =
    "# yaml-language-server: $schema=%2$s\n"
    "# A visit record in the format debrief/1 (see debrief(5)).\n"
    "# Values in brackets are to be filled in; sections behind # are optional:\n"
    "# remove the # when you fill them in.  Check with: debrief check %1$s.yaml\n"
    "schema: debrief/1\n"
    "id: %1$s\n"
    "title: (title of the visit)\n"
    "lang: en\n"
    "direction: %3$s  # outbound: our delegation abroad; inbound: a delegation received\n"
    "dates: {start: %4$s, end: %4$s}  # first and last day, YYYY-MM-DD\n"
    "locality:\n"
    "  name: %6$s\n"
    "  # kind: province | city\n"
    "\n"
    "# Foreign partners (G3, G10, G16, G21).  country: the partner's two-letter ISO\n"
    "# 3166-1 code: set it right.\n"
    "partners:\n"
    "  - name: (partner)\n"
    "    country: JP\n"
    "    # local_name: (name in the partner's own script)\n"
    "    # kind: prefecture | region | province | state | city | department | organization | "
    "business | university\n"
    "    # relationship: {stage: prospect | exploring | mou | sister | declined, since: YYYY-MM}\n"
    "    # profile: {strengths: [], priorities: [], updated: YYYY-MM}\n"
    "    # needs: [(what the partner needs)]\n"
    "    # response: pending | accepted | declined\n"
    "\n"
    "# The Vietnamese representative agency that supports the visit (G2, G17).\n"
    "# agency:\n"
    "#   name: (embassy or consulate general)\n"
    "#   kind: embassy | consulate | mission\n"
    "#   consulted: YYYY-MM-DD\n"
    "#   staff:\n"
    "#     - {name: (name), title: (position)}\n"
    "\n"
    "# Who travels (%5$s), and the businesses that come along (G6, G12).\n"
    "# delegation:\n"
    "#   head: {name: (name), title: (position)}\n"
    "#   members:\n"
    "#     - {name: (name), title: (position)}\n"
    "#   businesses:\n"
    "#     - {name: (business), sector: (sector), need: (what it looks for)}\n"
    "\n"
    "# Format and timing (G6, G14).\n"
    "# occasion: {kind: standalone | major_event | anniversary, event: (event), "
    "anniversary_years: 10}\n"
    "\n"
    "# Preparation: what to promote, with whom, and how (G1, G2, G4, G5, G9, G10, G11, G18).\n"
    "# preparation:\n"
    "#   promote:\n"
    "#     - {item: (strongest product), sector: (sector), data: (figures)}\n"
    "#   objectives:\n"
    "#     - {field: (field), goal: (goal), project: (project), roadmap: (roadmap), "
    "partner: (partner)}\n"
    "#   materials:\n"
    "#     - {title: (title), kind: presentation, audience: (partner), lang: [ja, en], pages: 10}\n"
    "#   asks:\n"
    "#     - {what: (request), kind: exchange, partner: (partner)}\n"
    "#   briefing: {date: YYYY-MM-DD, by: (body)}\n"
    "\n"
    "# The meetings of the visit.\n"
    "# meetings:\n"
    "#   - {date: YYYY-MM-DD, with: (with whom), kind: working, summary: (summary)}\n"
    "\n"
    "# Results, kept short (G19).\n"
    "# outcomes:\n"
    "#   - (result)\n"
    "# agreements:\n"
    "#   - {kind: mou, title: (title), signed: YYYY-MM-DD, parties: [(party)]}\n"
    "\n"
    "# Task assignments: one responsible department per task, with a deadline (G8, G19).\n"
    "# tasks:\n"
    "#   - task: (what must be done)\n"
    "#     owner: (one responsible department)\n"
    "#     support: [(departments that help)]\n"
    "#     due: YYYY-MM-DD\n"
    "#     status: open\n"
    "\n"
    "# After the visit: the report, feedback to the representative agency, the long-term\n"
    "# programme, reviews of implementation, the return visit (G7, G8, G19, G22).\n"
    "# follow_up:\n"
    "#   report: {date: YYYY-MM-DD, author: (body), number: (document number)}\n"
    "#   feedback_to_agency: YYYY-MM-DD\n"
    "#   plan: {title: (programme), horizon: (period), items: [(item)]}\n"
    "#   reviews:\n"
    "#     - {date: YYYY-MM-DD, by: (body), note: (note)}\n"
    "#   reciprocal_visit: {expected: YYYY-MM, status: proposed}\n"
    "\n"
    "# Contacts, and notes for whoever takes over the relationship (G17, G20).\n"
    "# contacts:\n"
    "#   - {name: (name), org: (organisation), side: partner, since: YYYY-MM}\n"
    "# handover: (what a successor needs to know)\n";

/* The record schema of the installation the program runs from, found as
 * its templates are (fs_data_dir).  Caller frees. */
static char *
installed_schema(void)
{
	char *dir = fs_data_dir("schemas", "record.schema.json");
	char *path = xasprintf("%s/record.schema.json", dir);
	free(dir);
	return path;
}

static int
direction_ok(const char *v, void *dst)
{
	*(const char **)dst = v;
	return !strcmp(v, "outbound") || !strcmp(v, "inbound");
}

int
cmd_new(int argc, char **argv)
{
	const char *direction = "outbound", *schema = NULL;
	const struct cli_opt own[] = {{"direction", 0, 0, &direction, direction_ok,
	                               "hướng không hợp lệ '%s' (outbound, inbound)",
	                               "unknown direction '%s' (outbound, inbound)"},
	                              {"schema", 0, 0, &schema, NULL, NULL, NULL},
	                              {NULL, 0, 0, NULL, NULL, NULL, NULL}};
	struct cli c = {.cmd = "new", .usage = usage, .common = CLI_LANG | CLI_TODAY, .own = own};
	int rc = cli_parse(&c, argc, argv);
	if (rc >= 0)
		return rc;
	enum lang lang = c.lang;
	if (c.next + 1 != argc)
		return cli_error(&c, "cần đúng một mã hồ sơ (ID)", "exactly one ID is needed",
		                 NULL);
	const char *id = argv[c.next];
	char *why = schema_id_problem(id, lang);
	if (why) { /* the schema's own check, so that check accepts what new writes */
		char *esc = escape_text_dup(id);
		char *msg = xasprintf(L(lang, "mã hồ sơ '%s' %s", "'%s' %s"), esc, why);
		rc = cli_error(&c, "%s", "%s", msg);
		free(msg);
		free(esc);
		free(why);
		return rc;
	}
	struct date today;
	if (!cli_today(&c, &today))
		return EXIT_USAGE;
	char iso[11];
	date_iso(today, iso);
	struct date on = today; /* the skeleton's date */
	/* A record named by its date, as 2027-03-15-hanoi-kr, starts and ends
	 * that day until the officer says otherwise, one named by its month,
	 * as 2027-03-hanoi-kr, that month's first day; an impossible one
	 * (2027-02-30-…, 2027-13-…) is not written as a date. */
	struct date named;
	char head[11];
	size_t n = strlen(id);
	int taken = 0;
	if (n >= 10 && (id[10] == '\0' || id[10] == '-')) {
		memcpy(head, id, 10);
		head[10] = '\0';
		enum date_parse p = date_parse(head, 0, &named);
		if (p == DATE_OK) {
			date_iso(named, iso);
			on = named;
		}
		taken = p == DATE_OK || p == DATE_IMPOSSIBLE;
	}
	if (!taken && n >= 7 && (id[7] == '\0' || id[7] == '-')) {
		memcpy(head, id, 7);
		head[7] = '\0';
		if (date_parse(head, 1, &named) == DATE_OK) {
			named.d = 1;
			date_iso(named, iso);
			on = named;
		}
	}

	char *name = xasprintf("%s.yaml", id);
	char *found = schema ? NULL : installed_schema();
	struct stat st;
	rc = EXIT_OK;
	if (lstat(name, &st) == 0 || errno != ENOENT) {
		/* Never over an officer's record. */
		fprintf(stderr,
		        L(lang, "debrief new: %s: đã có, không ghi đè\n",
		          "debrief new: %s: already exists, not overwritten\n"),
		        name);
		rc = EXIT_USAGE;
	} else {
		struct buf b = BUF_INIT;
		const char *who =
		    !strcmp(direction, "outbound")
		        ? L(lang, "đoàn ra của địa phương", "our locality's delegation")
		        : L(lang, "đoàn vào của đối tác", "the partner's delegation");
		const char *loc = province_in_id(id, &on);
		buf_printf(&b, lang == LANG_EN ? skeleton_en : skeleton_vi, id,
		           schema ? schema : found, direction, iso, who,
		           loc ? loc : L(lang, "(tên tỉnh hoặc thành phố)", "(province or city)"));
		char *err = NULL;
		if (!fs_write_atomic(".", name, b.data, b.len, &err)) {
			fprintf(stderr, "debrief new: %s: %s\n", name, err);
			free(err);
			rc = EXIT_USAGE;
		} else {
			printf("%s\n", name);
		}
		buf_free(&b);
	}
	free(name);
	free(found);
	return rc;
}
