#ifndef SHINDAN_MOVED_H
#define SHINDAN_MOVED_H
struct ingest_opts;

/* --moved ID PATH: the file recorded as ID (and its archive members)
 * now named PATH; an exit status. */
int moved_run(const struct ingest_opts *o);
#endif
