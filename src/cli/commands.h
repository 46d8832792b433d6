/* The command-line commands: one function each, argv after the command
 * name in, an exit code (cli/exit_codes.h) out. */
#ifndef PF_CLI_COMMANDS_H
#define PF_CLI_COMMANDS_H

/* portail-famille parse invoices FILE [--json]: reads a saved invoice page
 * offline. argv[0] is "parse". */
int cmd_parse(int argc, char **argv);

#endif
