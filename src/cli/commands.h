/* The command-line commands: one function each, argv from the command name
 * on (argv[0] is the command), an exit code (exit_codes.h) out. */
#ifndef PF_CLI_COMMANDS_H
#define PF_CLI_COMMANDS_H

#include "app/options.h"

/* parse invoices FILE [--json|--csv]: a saved invoice page, offline. */
int cmd_parse(int argc, char **argv);
/* invoices [--json | --csv] */
int cmd_invoices(struct cli_options *options, int argc, char **argv);
/* page NAME */
int cmd_page(struct cli_options *options, int argc, char **argv);
/* pay (--invoice NUM... | --all) [--json] [--qr] [--open] [--force] */
int cmd_pay(struct cli_options *options, int argc, char **argv);

/* check [--days N] [--json]: nothing printed and EXIT_OK when nothing is
 * due, the reminders and EXIT_REMINDERS otherwise. */
int cmd_check(struct cli_options *options, int argc, char **argv);
/* payments [--json | --csv] [--year YYYY] */
int cmd_payments(struct cli_options *options, int argc, char **argv);
/* download (--invoice NUM... | --all) [-o PATH] [--force]: the invoices'
 * documents saved, their paths printed. */
int cmd_download(struct cli_options *options, int argc, char **argv);
/* profiles [--json]: the config file's accounts, no network. */
int cmd_profiles(struct cli_options *options, int argc, char **argv);

#endif
