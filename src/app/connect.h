/* From the command-line options to a portal session (and, with --demo, the
 * demo portal started as a child process). Shared by the commands and the UI. */
#ifndef PF_APP_CONNECT_H
#define PF_APP_CONNECT_H

#include <stdbool.h>

#include "exit_codes.h"
#include "portal/session.h"
#include "app/demo_child.h"
#include "app/options.h"
#include "app/password.h"
#include "app/progress.h"

struct cli_context {
	struct cli_options *options;
	struct password_source password;
	struct demo_child demo; /* --demo: the demo portal's process */
	char *login_url;
	struct portal *portal;
	struct progress progress; /* the waiting step on a terminal */
};

/* Starts the demo portal when asked, reads the config, and creates the
 * portal session (no request yet). */
enum exit_code cli_connect(struct cli_options *options, struct cli_context *ctx, char **errp);
/* Frees the session (no logout: see portal_logout), stops the demo portal,
 * wipes the password copies. */
void cli_disconnect(struct cli_context *ctx);

/* Prints "portail-famille: MESSAGE" on stderr, sanitized (messages quote
 * page text), and frees message. */
void cli_report(char *message);

/* True once SIGINT or SIGTERM arrived: transfers are cancelled. */
bool cli_interrupted(void *unused);
/* That signal's number, else 0: the program then exits 128 + it (130 for
 * Ctrl-C), as shells do for a command a signal ended. */
int cli_interrupt_signal(void);
void cli_install_signal_handlers(void);

#endif
