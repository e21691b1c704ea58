#ifndef SHINDAN_INSPECT_H
#define SHINDAN_INSPECT_H
struct ingest_opts;

/* --inspect: describe one file and its first rows; writes nothing. */
int inspect_run(const struct ingest_opts *o);
#endif
