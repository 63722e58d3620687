/*
 * build.h: what tells this build of debrief from any other (build.c).
 */
#ifndef BUILD_H
#define BUILD_H

#include "hash.h"

/* A hash of the version and of the program's own bytes (/proc/self/exe;
 * the version alone where that cannot be read), worked out once: the same
 * program gives the same bytes, any change to it other ones.  Static. */
const unsigned char *build_id(void);

#endif
