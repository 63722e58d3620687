/*
 * countries.h: country names as Vietnamese state documents and English
 * diplomatic usage write them, by ISO 3166-1 alpha-2 code; one table for
 * reports, archive pages and archive.json; language names likewise; which
 * codes ISO 3166-1 assigns, and each country's host languages.
 */
#ifndef COUNTRIES_H
#define COUNTRIES_H

#include "debrief.h"

/* "tiếng Nhật" / "Japanese" for "ja"; NULL for a code the table lacks. */
const char *language_name(const char *code, enum lang lang);
/* "Nhật Bản" / "Japan" for "JP"; NULL for a code the table lacks. */
const char *country_name(const char *code, enum lang lang);
/* The same after "of" in an English sentence: "the Republic of Korea". */
const char *country_name_after_of(const char *code, enum lang lang);
/* 1 for a code that stands for an international organisation, not a
 * country: "ASEAN" (which ISO 3166-1 gives no code), "EU" and "UN" (reserved in ISO 3166-1 for the
 * European Union and the United Nations). */
int country_is_org(const char *code);
/* 1 for an ISO 3166-1 alpha-2 code officially assigned, or EU or UN. */
int country_known(const char *code);
/* The host languages of a country, ISO 639-1 codes separated by spaces
 * ("fr nl" for "BE"); NULL for a country the table lacks. */
const char *country_languages(const char *code);

#endif
