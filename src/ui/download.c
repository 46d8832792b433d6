/* d on an invoice: its document saved in the Downloads folder by a job
 * (the network and the disk off the main thread); the status line says
 * where, or why not. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "app/document_save.h"
#include "app/download_dir.h"
#include "ui/app.h"

struct download_job {
	char *number, *url; /* copies: the invoices may be read again meanwhile */
	struct document_saved saved;
};

static void job_free(struct download_job *j)
{
	free(j->number);
	free(j->url);
	document_saved_clear(&j->saved);
	free(j);
}

static enum exit_code download_run(struct ui *ui, void *arg, char **errp)
{
	struct download_job *j = arg;
	char *dir = download_dir_find();
	struct document_dest dest = { .path = dir };
	enum exit_code rc = document_save(ui->ctx.portal, j->number, j->url, &dest, &j->saved,
	                                  errp);
	free(dir);
	return rc;
}

/* The path as the status line shows it: ~ for $HOME, so that it fits. */
static const char *shown_path(const char *path, char **owned)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;
	*owned = NULL;
	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		return *owned = xasprintf("~%s", path + n);
	return path;
}

static void download_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct download_job *j = arg;
	char *owned = NULL;
	if (ui && rc != EXIT_OK)
		ui_status_error(ui, "%s", err ? err : _("error"));
	else if (ui && j->saved.existed)
		ui_status(ui, _("Invoice %s: already saved as %s"), j->number,
		          shown_path(j->saved.path, &owned));
	else if (ui)
		ui_status(ui, _("Invoice %s saved: %s"), j->number,
		          shown_path(j->saved.path, &owned));
	free(owned);
	if (ui)
		ui_redraw(ui);
	job_free(j);
	free(err);
}

void ui_download_invoice(struct ui *ui, const struct invoice *inv)
{
	if (!inv->document_href) {
		ui_status_error(ui, _("Invoice %s: the portal offers no document for it."),
		                inv->number);
		return;
	}
	struct download_job *j = xcalloc(1, sizeof(*j));
	j->number = xstrdup(inv->number);
	j->url = inv->document_url ? xstrdup(inv->document_url) : NULL;
	if (ui_job_start(ui, _("Downloading the invoice..."), download_run, download_done, j) < 0) {
		job_free(j);
		ui_status(ui, "%s", _("Please wait: a request is running"));
	}
}
