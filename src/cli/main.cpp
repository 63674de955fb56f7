// sendplan: the command-line entry point. Everything lives in the sendplan_cli library.
#include "cli/cli_app.h"

int main(int argc, char** argv) {
  return sendplan::cli::run_cli(argc, argv);
}
