/* placeholder until the render work lands */
#include <stdio.h>
int main(void) { fputs("render: not yet\n", stderr); return 1; }
