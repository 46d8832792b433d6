/* The waiting step on a terminal's standard error, erased when done. */
#include "config.h"

#include "util/i18n.h"
#include "app/progress.h"

#include <stdlib.h>
#include <unistd.h>

#include "util/sanitize.h"
#include "util/xalloc.h"

void progress_init(struct progress *p, FILE *out)
{
	p->out = out && isatty(fileno(out)) ? out : NULL;
	p->requests = 0;
	p->shown = false;
}

char *progress_text(const char *label, unsigned request, unsigned hop)
{
	char *line = hop ? xasprintf(_("%s… (request %u, redirect %u)"), label, request, hop)
	                 : xasprintf(_("%s… (request %u)"), label, request);
	char *safe = sanitize_str(line, sanitize_terminal_flags());
	free(line);
	return safe;
}

void progress_step(void *ctx, const char *label, unsigned hop)
{
	struct progress *p = ctx;
	if (!p->out)
		return;
	if (!label) {
		if (p->shown)
			fputs("\r\033[K", p->out);
		p->shown = false;
	} else {
		if (hop == 0)
			p->requests++;
		char *text = progress_text(label, p->requests, hop);
		fprintf(p->out, "\rportail-famille: %s\033[K", text);
		free(text);
		p->shown = true;
	}
	fflush(p->out);
}
