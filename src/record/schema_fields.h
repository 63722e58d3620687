/*
 * schema_fields.h: the record format debrief/1 (debrief(5)) as data.  One
 * table per object lists its fields: name, type, whether required, the
 * allowed words, and where the value goes in struct record.  schema.c
 * walks these tables; nothing else spells a field name of the format.
 */
#ifndef SCHEMA_FIELDS_H
#define SCHEMA_FIELDS_H

#include <stddef.h>

enum ftype {
	FT_TEXT,     /* text (any scalar) */
	FT_SCHEMA,   /* the format version: "debrief/1" */
	FT_ID,       /* record id: ^[a-z0-9][a-z0-9-]{0,63}$ */
	FT_LANG,     /* one ISO 639 language code */
	FT_LANGS,    /* list of ISO 639 language codes */
	FT_COUNTRY,  /* ISO 3166-1 alpha-2 country code */
	FT_RULE,     /* a rule id of the catalogue */
	FT_REF,      /* partner-ref: the name or id of a partner */
	FT_AUDIENCE, /* partner-ref or "all" */
	FT_DATE,     /* YYYY-MM-DD */
	FT_DATEM,    /* YYYY-MM-DD or YYYY-MM (date~) */
	FT_ENUM,     /* one of words[] */
	FT_INT,      /* whole number >= min, written as a number (not quoted) */
	FT_TEXTS,    /* list of text */
	FT_MAP,      /* a mapping holding the fields of sub */
	FT_LIST      /* list of mappings, each holding the fields of sub */
};

struct sobj;

/* Offsets are into the object being filled (struct record for the root,
 * the element for list entries).  count, mark and flag are 0 when unused:
 * no struct of record.h keeps one of those at offset 0. */
struct sfield {
	const char *name;
	enum ftype type;
	int required;             /* missing or empty: schema-required; lists need an entry;
	                             REQ_RULE: required, but a rule says so, naming the entry */
	const char *const *words; /* FT_ENUM: a NULL-terminated table of record.h */
	size_t off;               /* the value; FT_MAP: base of sub's fields; FT_LIST: array */
	size_t count;             /* FT_LIST: its size_t count */
	size_t mark;              /* struct mark of the map, list or enum value */
	size_t flag;              /* FT_MAP: int has_*; FT_ENUM: int *_given */
	const struct sobj *sub;   /* FT_MAP, FT_LIST */
	long min;                 /* FT_INT: the least value allowed */
};

/* required: a missing or empty value is for a rule to report
 * (follow-task-owner), not schema-required; the JSON Schema requires it. */
#define REQ_RULE 2

struct sobj {
	const char *name; /* what the manual calls it: "partner", "task" */
	const struct sfield *fields;
	size_t nfields;
	size_t size; /* bytes of one element when listed */
	size_t mark; /* struct mark of the element, 0 when none */
};

/* The top of the format: the fields of a record. */
extern const struct sobj schema_record_obj;

/* 1 when code (two lower-case letters) is an ISO 639-1 code. */
int schema_lang2_known(const char *code);
/* 1 when s[0..n) is a language code a material can carry, in any case:
 * two letters of ISO 639-1, or three (ISO 639-2/3, too many to list);
 * out gets it in lower case. */
int schema_lang_code(const char *s, size_t n, char out[4]);

#endif
