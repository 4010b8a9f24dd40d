/* preflight-cli.c: placeholder until implemented. */
#include "config.h"

int main (int argc, char **argv);

int
main (int    argc,
      char **argv)
{
  return 2;
}
