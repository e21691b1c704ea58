/* placeholder */
#include <stdio.h>
int main(void) { fputs("ingest: not yet\n", stderr); return 1; }
