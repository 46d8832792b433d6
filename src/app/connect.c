/* Options → portal session, the demo portal, signals and error reports. */
#include "config.h"

#include "util/i18n.h"
#include "app/config_file.h"
#include "app/connect.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "app/demo_child.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

bool cli_interrupted(void *unused)
{
	return interrupted != 0;
}

int cli_interrupt_signal(void)
{
	return interrupted;
}

void cli_install_signal_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* A closed pipe (| head) is an error on write, not a death. */
	signal(SIGPIPE, SIG_IGN);
}

void cli_report(char *message)
{
	char *safe = sanitize_str(message ? message : "unknown error", sanitize_terminal_flags());
	fprintf(stderr, "portail-famille: %s\n", safe);
	free(safe);
	free(message);
}

static enum exit_code start_demo(struct cli_context *ctx, char **errp)
{
	if (demo_child_start((const char *const *)ctx->options->demo_args, &ctx->demo,
	                     &ctx->login_url, errp) < 0)
		return EXIT_ERROR;
	/* The demo's credentials are public: no prompt. */
	if (!ctx->options->user)
		ctx->options->user = xstrdup("demo");
	ctx->password.fixed = "demo";
	return EXIT_OK;
}

static void fill_http_options(const struct cli_options *o, struct http_options *http,
                              struct progress *progress)
{
	memset(http, 0, sizeof(*http));
	http->ca_file = o->ca_file;
	http->cookie_file = o->cookie_file;
	http->save_dir = o->save_dir;
	http->log = o->verbose ? stderr : NULL;
	/* --timeout bounds each request whole: connecting, every redirect
	 * hop, the slowest trickle of bytes. */
	if (o->timeout) {
		http->low_speed_time = o->timeout;
		http->total_timeout = o->timeout;
	}
	http->cancelled = o->cancelled ? o->cancelled : cli_interrupted;
	http->cancel_ctx = o->cancel_ctx;
	/* -v already prints each request as it ends: no line to erase there. */
	progress_init(progress, o->progress && !o->verbose ? stderr : NULL);
	if (progress->out) {
		http->progress = progress_step;
		http->progress_ctx = progress;
	}
}

enum exit_code cli_connect(struct cli_options *o, struct cli_context *ctx, char **errp)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->options = o;
	password_take_environment(&ctx->password);
	if (cli_config_load(o, errp) < 0)
		return EXIT_USAGE;
	enum exit_code rc = o->demo ? start_demo(ctx, errp) : EXIT_OK;
	if (rc != EXIT_OK)
		return rc;
	if (!ctx->login_url)
		ctx->login_url = xstrdup(o->url ? o->url : PORTAL_DEFAULT_URL);
	if (!o->user || !*o->user) {
		set_error(errp, _("no user: give --user, or \"user\" in the config file"));
		return EXIT_USAGE;
	}
	ctx->password.command = o->password_command;
	ctx->password.file = o->password_file;
	ctx->password.user = o->user;
	char *host = url_host(ctx->login_url);
	ctx->password.host = host;
	struct portal_options po = { .login_url = ctx->login_url,
		                     .user = o->user,
		                     .get_password = password_get,
		                     .password_ctx = &ctx->password };
	fill_http_options(o, &po.http, &ctx->progress);
	rc = portal_new(&po, &ctx->portal, errp);
	if (rc != EXIT_OK) {
		free(host);
		ctx->password.host = NULL;
	}
	return rc;
}

void cli_disconnect(struct cli_context *ctx)
{
	portal_free(&ctx->portal);
	demo_child_stop(&ctx->demo);
	password_source_clear(&ctx->password);
	free((char *)ctx->password.host);
	ctx->password.host = NULL;
	free(ctx->login_url);
	ctx->login_url = NULL;
}
