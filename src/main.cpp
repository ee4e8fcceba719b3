#include "cli/commands.hpp"

int main(int argc, char** argv) { return centric::cli::run(argc, argv); }
