#ifndef SHINDAN_EXPORT_H
#define SHINDAN_EXPORT_H
struct ingest_opts;

/* --export-rejects: the rejects view as CSV for Excel; an exit status. */
int export_rejects(const struct ingest_opts *o);
#endif
