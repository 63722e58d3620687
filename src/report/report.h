/*
 * report.h: post-visit reports.  report_view() turns a record and its
 * findings into the data tree a template reads; cmd_report (report.c)
 * renders it to Markdown with the template set and to PDF from that very
 * Markdown.
 */
#ifndef REPORT_H
#define REPORT_H

#include "diag.h"
#include "node.h"
#include "record.h"

/* The template data of one report, allocated in a.  findings are the
 * record's final findings (after configuration and waivers); number is
 * the report's number as its header writes it (report_number_text), for
 * the body to write it the same; by_agency: the report is one of Viet
 * Nam's representative agencies' own, which sends no feedback to itself;
 * cfg: the configuration, whose vague_owners are no department. */
struct config;
struct node *report_view(struct arena *a, const struct record *r, const struct diag *findings,
                         size_t nfindings, struct date today, enum lang lang, const char *number,
                         int by_agency, const struct config *cfg);

/* A partner's name as the report's language writes it: in English a
 * province or city Vietnamese transcribes by its English name ("Luông
 * Pha-bang" → "Luang Prabang"), as an agency's place is; else as the
 * record writes it. */
const char *report_partner_name(const struct partner *p, enum lang lang);
/* name into b as a Vietnamese sentence names it after its first word:
 * the unit word it opens with ("Tỉnh Savannakhet", "Thành phố Mukdahan",
 * "Huyện …") in lower case, "tỉnh Savannakhet", where the capital stays
 * only at the start of a sentence, a heading or a cell; an abbreviation
 * ("TP Hồ Chí Minh") and a word all in capitals as written. */
struct buf;
void report_name_in_sentence(struct buf *b, const char *name);
/* A partner inside a Vietnamese sentence, as report_name_in_sentence
 * names it; one named with its kind's English word by the Vietnamese word
 * before the name instead, as the summary line names it ("Kagawa
 * Prefecture" → "tỉnh Kagawa"). */
void report_partner_in_sentence(struct buf *b, const struct partner *p);

/* A Vietnamese body's name (a department, a people's committee, an agency)
 * as the report's language writes it: in English by its English name when
 * debrief knows one ("Sở Tài chính" → "Department of Finance"), else as
 * written; a people's committee named without its province ("UBND tỉnh")
 * is that of locality, the record's, named in full: as the recipients list
 * writes it.  Caller frees. */
char *report_body_name(const char *s, const char *locality, enum lang lang);
/* A person's title in the report's language: in English one of the
 * usual titles ("Giám đốc" → "Director"), or such a title followed by a
 * body report_body_name knows in English ("Phó Chủ tịch UBND tỉnh" → "Vice
 * Chairman of the Nghe An Provincial People's Committee" in a record of
 * Nghệ An); else as written.  Caller frees. */
char *report_title(const char *s, const char *locality, enum lang lang);
/* b, one body a task names, as the recipients name it (in Vietnamese): a
 * people's committee without its province that of home (a unit, or -1),
 * in full, so that it is not listed again as the parent body; and, for an
 * office abroad (unit: the record's locality's; -1 for an office at home),
 * one of the locality's named with it ("Sở Tài chính" → "Sở Tài chính tỉnh
 * Đồng Nai", "Công an tỉnh" → "Công an tỉnh Tây Ninh") unless it names a
 * province.  Task headings and the support column name bodies so too.
 * Caller frees. */
char *report_body_recipient(const char *b, int unit, int home);
/* The key that tells two bodies apart, however a record writes them:
 * folded, "UBND" written out, a people's committee without its province
 * the locality's, and the locality's own name cut (province_cut_own), and
 * then a unit word it ends with, so that "UBND tỉnh", "Ủy ban nhân dân tỉnh
 * Cà Mau" and "Sở Tài chính tỉnh Cà Mau", "Sở Tài chính" in a record of Cà
 * Mau, and "Công an thành phố", "Công an thành phố Hải Phòng" in one of
 * Hải Phòng, are one each.  Caller frees. */
char *report_body_key(const char *s, const char *locality);

struct office;
/* The report's number as the document writes it: "7" → "07/BC-SNV", with
 * the office's symbol (a blank without one); one with its own symbol, or
 * of a report by another body (report_author_other), as written.  Caller
 * frees. */
char *report_number_text(const struct record *r, const struct office *of);
/* The symbol of r's report number when it is another body's ("SNV" of
 * "125/BC-SNV" for an office whose symbol is TLSQ; one followed by the
 * drafting unit, "SNV-HTQT", is the office's own); NULL when it is the
 * office's, or cannot be told.  The header then leaves the number and the
 * date blank: they are that other document's. */
const char *report_number_foreign(const struct record *r, const struct office *of);
/* The author of r's report (follow_up.report.author) when it is another
 * body than the office that issues the document ("Sở Ngoại vụ" under a
 * people's committee's profile); NULL when it is the office, or none is
 * written, or the number has a symbol, which says whose it is.  The header then leaves the number
 * and the date blank, and the body writes the number as the record does, without the office's
 * symbol. */
const char *report_author_other(const struct record *r, const struct office *of);
/* Adds to root what makes the report an administrative document: the
 * front matter values ("y_*", escaped for a YAML double-quoted scalar),
 * inbound/outbound, draft/final, the programme and the delegation.  cfg
 * as for report_view. */
void report_form(struct arena *a, struct node *root, const struct record *r,
                 const struct office *of, enum lang lang, int draft, const struct config *cfg);
/* Whether the office profile may issue r's report: a provincial office
 * reports on its own province's records only (*ours and *theirs then name
 * the two units); an embassy or consulate, on every record; an office
 * whose province cannot be told (config.c), on none. */
enum office_fit { OFFICE_FITS, OFFICE_OTHER_PROVINCE, OFFICE_NOT_PLACED };
enum office_fit report_office_fits(const struct office *of, const struct record *r,
                                   const char **ours, const char **theirs, enum lang lang);

#endif
