/*
 * witness.h: what stat(2) said of files whose content a run knew, kept in
 * a small file for the next run, so that a file of which stat still says
 * exactly that is taken to hold the same bytes without being read.  The
 * archive uses it for the pages it wrote (DIR/.debrief-archive.stat) and
 * for the records it read (DIR/.debrief-cache.stat).
 *
 * Why stat can vouch for content, and where it cannot:
 *  - any write to a file, truncation or append moves its mtime and ctime;
 *  - a file put in its place (an editor's save, cp, a rename, a killed
 *    run's temporary) has another inode and a ctime of its own;
 *  - mtime can be set back (touch -d, cp -p, tar), ctime cannot: the
 *    kernel sets it to the current time on every change, including that
 *    of the times themselves;
 *  - a write in the same clock tick as the stat, after it, would leave
 *    both times as they were (timestamps are coarser than a nanosecond):
 *    so an entry whose mtime or ctime is not strictly older than the
 *    witness file itself (written after every stat it records) is not
 *    trusted, as git does with its index ("racily clean" entries);
 *  - each entry names the content it vouches for (a hash): the caller
 *    still checks that this is the content it expects.
 * Whatever is not vouched for is read, as if there were no witness (a
 * missing, damaged or foreign file: nothing is).  What this cannot see
 * is a change that leaves no trace in the inode: a disk that alters
 * bytes behind the file system's back, or a clock set backwards between
 * two writes of the same size within a tick.
 */
#ifndef WITNESS_H
#define WITNESS_H

#include <stddef.h>

#include "hash.h"

/* What stat says of a file, and the hash of the content it had. */
struct seen {
	char *name; /* owned, in a witness */
	unsigned char sum[HASH_LEN];
	unsigned long long size, dev, ino;
	long long mtime, ctime; /* nanoseconds since the epoch */
};

struct witness {
	struct seen *v;
	size_t n, cap;
	long long at; /* when the file was written (its mtime); 0: trust none */
};

/* What stat (follow: 1) or lstat (0) says of path now, when it is a
 * regular file; 0 otherwise. */
int witness_stat(const char *path, int follow, struct seen *now);

/* The previous run's witness DIR/FILE, when its first line is head (which
 * ends in a newline and names what its sums are of); empty otherwise. */
void witness_read(struct witness *w, const char *dir, const char *file, const char *head);

/* The entry of name that vouches for now (from witness_stat, just taken):
 * same size, device, inode and times, older than the witness; NULL when
 * there is none. */
const struct seen *witness_vouch(const struct witness *w, const char *name, const struct seen *now);

/* Remember what stat said of name (now: before its content was read, so
 * that a change made while it was read is seen next time) and the hash
 * of the content then read. */
void witness_add(struct witness *w, const char *name, const struct seen *now,
                 const unsigned char sum[HASH_LEN]);

/* Write w as DIR/FILE under head, atomically; a help to the next run
 * only, so a failure is not reported.  Names with a newline are left
 * out. */
void witness_write(struct witness *w, const char *dir, const char *file, const char *head);

void witness_free(struct witness *w);

#endif
