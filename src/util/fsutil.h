/*
 * fsutil.h: the file system as debrief uses it: reading inputs with a size
 * bound, walking directories in sorted order, and writing outputs
 * atomically inside one output directory and nowhere else.
 */
#ifndef FSUTIL_H
#define FSUTIL_H

#include <stddef.h>

#include "debrief.h"
#include "strlist.h"

/* The language of the messages below (*err, *errs): each command sets its
 * own; English until then. */
void fs_set_lang(enum lang lang);
/* strerror(e) in the language of fs_set_lang: Vietnamese from a table of
 * its own (glibc has none), English from the C library. */
const char *fs_strerror(int e);

/* Read a whole file ("-" is standard input) of at most max bytes.  Only a
 * regular file is read: a FIFO, device or socket is refused without
 * blocking.  Returns 1 and a NUL-terminated *data (caller frees), or 0
 * with *err (caller frees) set: "cannot open: …", "larger than … bytes",
 * "not a regular file …". */
int fs_read(const char *path, size_t max, char **data, size_t *len, char **err);
/* The same, but a longer input is not an error: *data holds its first max
 * bytes, enough for a reader to see that a limit below max was passed. */
int fs_read_head(const char *path, size_t max, char **data, size_t *len, char **err);
/* DIR/FILE, one of debrief's own files of lines: read whole (at most
 * 256 MiB) when it is text (no NUL) that starts with head and ends with a
 * newline: its lines after head (caller frees), else NULL. */
char *fs_read_lines(const char *dir, const char *file, const char *head);
/* Read a regular file in pieces of at most 64 KiB, each handed to each(),
 * without holding it whole: a file of any size in bounded memory.  1, or
 * 0 with *err (caller frees). */
int fs_read_pieces(const char *path, void (*each)(const void *p, size_t n, void *ctx), void *ctx,
                   char **err);

/* What a walk met and could not read (a link to nowhere or outside the
 * directory named, a FIFO, a directory it could not open), in walk order:
 * the path as the walk names it and why, path.v[i] with why.v[i]. */
struct fs_unread {
	struct strlist path, why;
};

/* Expand PATH arguments, the same for every command: directories walked
 * recursively for *.yaml / *.yml in byte order, anything else ("-", a
 * file, a path that does not exist) kept as given for its reader to
 * report.  Each directory is walked once; links to directories are not
 * followed (a message says so).  A file met again (given twice, under
 * another spelling of its path or through a link: the same device and
 * inode; or "-" twice) is kept once, where it first came.  What a walk could not
 * read produces a message in *errs (one per line) and is skipped; with
 * unread, it is kept in *out at its place instead, and *unread says why,
 * for a caller that reports it as it reports any file it cannot read.
 * Returns the number of paths that failed. */
int fs_expand(char **paths, int n, struct strlist *out, struct strlist *errs,
              struct fs_unread *unread);
void fs_unread_free(struct fs_unread *u);
/* How a PATH argument is named in messages: "<stdin>" for "-". */
const char *fs_shown(const char *path);
/* Where debrief's data directory `what` ("templates", "schemas") is, for
 * the program that runs: beside the executable or one or two levels above
 * it (a build tree: build/debrief, build/asan/debrief), else the data
 * directory make install was given as seen from the directory it was given
 * for the program (../share/debrief by default), from the executable's
 * directory (an installation staged under DESTDIR or moved whole), the
 * first that holds `probe` (a file inside it), as a canonical path; else
 * the data directory make install was given (the program is built again
 * when it changes).  The one lookup of templates and schemas.  Caller
 * frees. */
char *fs_data_dir(const char *what, const char *probe);

/* Create dir (and parents) if missing.  0 and *err on failure. */
int fs_mkdirs(const char *dir, char **err);

/* Write DIR/NAME atomically (temporary file "NAME.tmpXXXXXX" beside it,
 * fsync, rename).  NAME must be a plain relative path without "..",
 * absolute parts or empty components; subdirectories are created, and
 * each is opened without following links, so a link planted below DIR is
 * refused.  The file gets mode 0666 less the umask.  While the temporary
 * exists, SIGINT, SIGTERM and SIGHUP remove it before ending the process.
 * When the file already holds exactly these bytes nothing is written and
 * 2 is returned; 1 when written; 0 and *err on failure. */
int fs_write_atomic(const char *dir, const char *name, const void *data, size_t len, char **err);

/* The same, in a batch: the bytes go to the temporary now, the file is
 * renamed into place, and on disk, only at fs_sync_batch, which pays one
 * sync of the file system for the whole batch instead of one fsync per
 * file.  A full batch (FS_BATCH_MAX files) is synced first.  Returns as
 * fs_write_atomic; until fs_sync_batch, DIR/NAME still has its old bytes.
 * One batch per process, on one thread. */
enum { FS_BATCH_MAX = 64 };
int fs_write_batched(const char *dir, const char *name, const void *data, size_t len, char **err);

/* n bytes at offset off of fd into p, a short read continued; 0 when the
 * file does not hold them all. */
int fs_pread(int fd, void *p, size_t n, unsigned long long off);

/* A file read forward through a window of the bytes last read. */
struct fs_window {
	unsigned char *data;
	unsigned long long off;
	size_t len;
};
/* The n bytes at off of fd: from w when it holds them, else w moved to off
 * and filled with up to max(n, ahead) bytes (fewer at the end of the
 * file); NULL when the file does not hold them.  fs_window_free gives its
 * memory back. */
const unsigned char *fs_window_get(struct fs_window *w, int fd, unsigned long long off, size_t n,
                                   size_t ahead);
void fs_window_free(struct fs_window *w);

/* A file of no name in DIR, open for reading and writing, gone when
 * closed: room for what would not fit in memory.  -1 and *err on
 * failure. */
int fs_scratch(const char *dir, char **err);
/* A file of the batch written in pieces (archive.json), never whole in
 * memory: open, write its bytes in order, close.  Close returns as
 * fs_write_batched (2 when the file already held exactly these bytes).
 * No other file of the batch is written between open and close; after a
 * failed write, close returns 0 (the temporary is already removed). */
struct fs_stream;
struct fs_stream *fs_stream_open(const char *dir, const char *name, char **err);
int fs_stream_write(struct fs_stream *s, const void *data, size_t len, char **err);
/* Append the len bytes of fd at off, copied by the kernel where it can
 * (copy_file_range: they need not pass through memory), else read and
 * written; as fs_stream_write, and 0 also when fd ends before them. */
int fs_stream_copy(struct fs_stream *s, int fd, unsigned long long off, size_t len, char **err);
int fs_stream_close(struct fs_stream *s, char **err);
/* Stop comparing the bytes written with those of the file in place: the
 * caller knows otherwise (a hash) whether they are the same, and then
 * calls fs_stream_discard, which drops the temporary and returns 2. */
void fs_stream_nocompare(struct fs_stream *s);
int fs_stream_discard(struct fs_stream *s);
/* A stream whose bytes are written on another thread while the batch goes
 * on: opened, closed or discarded on the batch's thread; written and
 * synced (fs_stream_sync: its data on disk, ahead of the batch's sync) on
 * one other thread in between.  It is not compared with the file in
 * place, and it joins the batch when closed.  One at a time. */
struct fs_stream *fs_stream_aside(const char *dir, const char *name, char **err);
int fs_stream_sync(struct fs_stream *s, char **err);

/* Put every file of the batch in place, durably.  1, or 0 and *err (the
 * first failure; the other files are still put in place when they can). */
int fs_sync_batch(char **err);

/* Remove DIR/NAME (NAME as for fs_write_atomic: never outside DIR).
 * 1 when removed, 2 when there was no such file, 0 and *err on failure. */
int fs_remove(const char *dir, const char *name, char **err);

/* Remove the temporaries ("NAME.tmpXXXXXX" of the files debrief writes)
 * that an interrupted run left in DIR: only NAME's when it is not NULL, in
 * subdirectories too when recursive (links not followed), and only those
 * last written min_age seconds ago or earlier (a run writing now keeps
 * its own).  Returns how many. */
size_t fs_sweep_temps(const char *dir, const char *name, int recursive, unsigned min_age);

/* Take an exclusive lock on DIR/NAME (created when missing), held until
 * the returned descriptor is closed or the process ends.  With wait the
 * call blocks until the holder lets go; without, -2 says another process
 * holds it.  -1 and *err on failure. */
int fs_lock(const char *dir, const char *name, int wait, char **err);

/* 1 when path, links resolved, is dir or below it (for files a page or a
 * template names beside its input). */
int fs_inside(const char *dir, const char *path);

#endif
