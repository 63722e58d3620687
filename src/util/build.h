/*
 * build.h: what tells this build of debrief from any other (build.c).
 */
#ifndef BUILD_H
#define BUILD_H

#include "hash.h"

/* A hash of the version and of the sources the program was built from
 * (the program's own bytes when built without the Makefile's source id),
 * worked out once.  Static. */
const unsigned char *build_id(void);
/* The sources' id as the build gave it (hex), or "" without one. */
const char *build_source_id(void);

#endif
