/* placeholder until the sample generator lands */
#include <stdio.h>
int main(void) { fputs("gen-sample: not yet\n", stderr); return 1; }
