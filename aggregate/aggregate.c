/* placeholder until the aggregate work lands */
#include <stdio.h>
int main(void) { fputs("aggregate: not yet\n", stderr); return 1; }
