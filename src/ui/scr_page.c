/* A menu page of the portal: its content as text, and its links in a list Enter follows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/navigation.h"
#include "portal/page_content.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/summary.h"
#include "ui/text.h"

struct link_item {
	const char *text, *url; /* point into the content */
	size_t number;          /* the [N] the text shows */
};

struct page_view {
	int link; /* enum portal_link */
	struct page_content *content;
	char **lines; /* the content as text, sanitized */
	size_t nlines;
	int rendered_cols;
	char **summary; /* Accueil: family and balance */
	size_t nsummary;
	struct link_item *links;
	size_t nlinks;
	size_t widest;  /* columns of the widest line (tables are not cut) */
	size_t hscroll; /* columns hidden on the left of the text */
	struct ui_list text, linklist;
	int focus;   /* 0 text, 1 links */
	char *error; /* why the page is not shown (raw) */
};

struct page_job {
	unsigned screen;
	int link;
	struct portal_page page;
	struct page_content *content;
	struct ui_summary summary;
};

/* ---- the rows ---- */

static size_t text_rows(const struct page_view *v)
{
	return v->nsummary + (v->nsummary ? 1 : 0) + v->nlines;
}

static size_t text_count(void *ctx)
{
	return text_rows(ctx);
}

static const char *text_row(const struct page_view *v, size_t row, bool *summary)
{
	*summary = row < v->nsummary;
	if (row < v->nsummary)
		return v->summary[row];
	row -= v->nsummary + (v->nsummary ? 1 : 0);
	return row < v->nlines ? v->lines[row] : "";
}

static void text_draw(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current)
{
	struct page_view *v = ctx;
	bool summary;
	const char *line = text_row(v, row, &summary);
	attr_t a = current && v->focus == 0 ? ui_attr(UI_CURSOR)
	           : summary                ? ui_attr(UI_HEADING)
	                                    : A_NORMAL;
	size_t used, skip = summary ? 0 : ui_text_fit(line, v->hscroll, &used);
	ui_put(w, y, x, width, line + skip, a, true);
}

static bool text_matches(void *ctx, size_t row, const char *needle)
{
	bool summary;
	char *a = fold_label(text_row(ctx, row, &summary)), *b = fold_label(needle);
	bool hit = *b && strstr(a, b);
	free(a);
	free(b);
	return hit;
}

static size_t link_count(void *ctx)
{
	return ((struct page_view *)ctx)->nlinks;
}

static void link_draw(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current)
{
	struct page_view *v = ctx;
	const struct link_item *l = &v->links[row];
	char *url = url_redacted(l->url);
	char *line = xasprintf("[%zu] %s  %s", l->number, l->text, url);
	attr_t a = current && v->focus == 1 ? ui_attr(UI_CURSOR) : ui_attr(UI_LINK);
	ui_put(w, y, x, width, line, a, true);
	free(line);
	free(url);
}

static bool link_matches(void *ctx, size_t row, const char *needle)
{
	struct page_view *v = ctx;
	char *a = fold_label(v->links[row].text), *b = fold_label(needle);
	bool hit = *b && strstr(a, b);
	free(a);
	free(b);
	return hit;
}

static const struct ui_list_ops text_ops = { text_count, text_draw, NULL, text_matches };
static const struct ui_list_ops link_ops = { link_count, link_draw, NULL, link_matches };

/* ---- content → lines ---- */

static void free_lines(struct page_view *v)
{
	ui_text_lines_free(v->lines, v->nlines);
	v->lines = NULL;
	v->nlines = 0;
}

/* The links numbered as page_content_to_text numbers them: in reading
 * order, a URL met again keeping its first number. */
static void number_links(struct page_view *v)
{
	free(v->links);
	v->links = NULL;
	v->nlinks = 0;
	const struct page_content *pc = v->content;
	for (size_t i = 0; pc && i < pc->nlinks; i++) {
		if (!pc->links[i].url)
			continue;
		bool seen = false;
		for (size_t k = 0; k < v->nlinks && !seen; k++)
			seen = strcmp(v->links[k].url, pc->links[i].url) == 0;
		if (seen)
			continue;
		v->links = xreallocarray(v->links, v->nlinks + 1, sizeof(*v->links));
		v->links[v->nlinks] = (struct link_item){ pc->links[i].text ? pc->links[i].text
			                                                    : "",
			                                  pc->links[i].url, v->nlinks + 1 };
		v->nlinks++;
	}
}

static void render(struct ui *ui, struct page_view *v, int cols)
{
	free_lines(v);
	v->rendered_cols = cols;
	char *text = NULL;
	size_t width = (size_t)(cols > 2 ? cols - 2 : 1);
	if (v->content) {
		/* Tables as wide as their cells: → scrolls to the rest, Enter
		 * shows a row in full. Paragraphs are wrapped to the screen. */
		text = page_content_to_text_tables(v->content, width, 0,
		                                   ui->term.sanitize_flags |
		                                           (ui->term.plain ? PAGE_TEXT_PLAIN : 0));
		/* The numbered URLs have their own list below. */
		char *heading = xasprintf("\n%s\n", page_text_links_heading());
		char *tail = strstr(text, heading);
		free(heading);
		if (tail && v->nlinks)
			*tail = '\0';
	} else {
		text = xstrdup(v->error ? v->error : _("Loading..."));
	}
	v->nlines = ui_text_wrap(text, v->content ? (size_t)-1 : width, &v->lines);
	while (v->nlines > 0 && !*v->lines[v->nlines - 1])
		free(v->lines[--v->nlines]);
	free(text);
	v->widest = 0;
	for (size_t i = 0; i < v->nlines; i++) {
		size_t w = ui_text_width(v->lines[i]);
		v->widest = w > v->widest ? w : v->widest;
	}
	v->hscroll = 0;
}

static void refresh_summary(struct ui *ui, struct page_view *v)
{
	ui_text_lines_free(v->summary, v->nsummary);
	v->summary = NULL;
	v->nsummary = v->link == LINK_ACCUEIL  ? scr_accueil_summary(ui, &v->summary)
	              : v->link == LINK_COMPTE ? scr_payments_entry(ui, &v->summary)
	                                       : 0;
}

/* ---- drawing ---- */

static void page_layout(struct ui *ui, struct page_view *v)
{
	int rows = ui_body_rows(ui), cols = ui_body_cols(ui);
	int nl = (int)v->nlinks, link_rows = 0;
	if (nl > 0) {
		int cap = rows / 3 > 3 ? rows / 3 : 3;
		link_rows = (nl < cap ? nl : cap) + 1;
	}
	int text_h = rows - link_rows - (link_rows ? 1 : 0);
	ui_list_place(&v->text, ui->body, 0, 1, text_h > 0 ? text_h : 0, cols - 2);
	if (link_rows) {
		ui_hline(ui->body, text_h, 0, cols);
		ui_put(ui->body, text_h + 1, 1, cols - 2,
		       _("The page's links (Tab to go there, Enter to follow):"), ui_attr(UI_DIM),
		       true);
		ui_list_place(&v->linklist, ui->body, text_h + 2, 1, link_rows - 1, cols - 2);
	}
}

static void page_draw(struct ui *ui, struct screen *s)
{
	struct page_view *v = s->state;
	int cols = ui_body_cols(ui);
	if (v->rendered_cols != cols)
		render(ui, v, cols);
	refresh_summary(ui, v);
	werase(ui->body);
	v->text.focused = v->focus == 0;
	v->linklist.focused = v->focus == 1;
	page_layout(ui, v);
	ui_list_draw(&v->text);
	if (v->nlinks)
		ui_list_draw(&v->linklist);
}

/* ---- fetching ---- */

static enum exit_code page_run(struct ui *ui, void *arg, char **errp)
{
	struct page_job *j = arg;
	enum exit_code rc = portal_open_page(ui->ctx.portal, j->link, &j->page, errp);
	if (rc != EXIT_OK)
		return rc;
	if (j->link == LINK_ACCUEIL)
		ui_summary_read(j->page.doc, &j->summary);
	if (page_content_parse(j->page.doc, j->page.url, &j->content, errp) < 0)
		return EXIT_PAGE;
	return EXIT_OK;
}

static void free_job(struct page_job *j)
{
	portal_page_clear(&j->page);
	page_content_free(&j->content);
	ui_summary_clear(&j->summary);
	free(j);
}

static void set_content(struct ui *ui, struct screen *s, struct page_content *content)
{
	struct page_view *v = s->state;
	page_content_free(&v->content);
	v->content = content;
	free(v->error);
	v->error = NULL;
	number_links(v);
	v->rendered_cols = 0;
	v->hscroll = 0;
	v->focus = 0;
	v->text.cur = v->text.top = 0;
	v->linklist.cur = v->linklist.top = 0;
	if (content && content->breadcrumb && *content->breadcrumb)
		ui_set_path(ui, s, content->breadcrumb);
	ui_redraw(ui);
}

static void page_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct page_job *j = arg;
	struct screen *s = ui ? ui_find_screen(ui, j->screen) : NULL;
	if (s && rc == EXIT_OK) {
		if (j->link == LINK_ACCUEIL && j->summary.has_balance) {
			ui->has_balance = true;
			ui->balance_cents = j->summary.balance_cents;
		}
		set_content(ui, s, j->content);
		j->content = NULL;
	} else if (s) {
		struct page_view *v = s->state;
		free(v->error);
		v->error = xasprintf(_("Page unavailable: %s\n\nr: try again"),
		                     err ? err : _("error"));
		v->rendered_cols = 0;
		ui_status_error(ui, "%s", err ? err : _("error"));
		ui_redraw(ui);
	}
	free(err);
	free_job(j);
}

static void fetch(struct ui *ui, struct screen *s)
{
	struct page_view *v = s->state;
	struct page_job *j = xcalloc(1, sizeof(*j));
	j->screen = s->id;
	j->link = v->link;
	char *label = xasprintf("%s...", portal_link_label(v->link));
	if (ui_job_start(ui, label, page_run, page_done, j) < 0) {
		free_job(j);
		ui_status(ui, _("Please wait: a request is under way"));
	}
	free(label);
}

static void page_enter(struct ui *ui, struct screen *s)
{
	struct page_view *v = s->state;
	if (!v->content)
		fetch(ui, s);
}

/* ---- following links ---- */

static void on_open_answer(struct ui *ui, bool yes, void *arg)
{
	char *url = arg;
	if (ui && yes)
		ui_browse(ui, url);
	free(url);
}

/* A page's link is opened only under the policy requests obey (https, or
 * http toward the loopback): a file:, ftp: or plain http link elsewhere
 * stays text on the screen. Returns why not, in French, or NULL. */
static char *link_refusal(const char *url)
{
	if (url_check_allowed(url, NULL) == 0)
		return NULL;
	char *scheme = url_scheme(url);
	char *why;
	if (scheme && strcmp(scheme, "http") == 0)
		why = xstrdup(_("Link not opened: http off this machine, only https opens"));
	else
		why = xasprintf(
		        _("Link not opened: \"%.16s:\" refused, only https and local http open"),
		        scheme ? scheme : "?");
	free(scheme);
	return why;
}

static void follow(struct ui *ui, const struct link_item *l)
{
	int target = portal_link_from_text(l->text);
	char *why;
	if (target == LINK_PAYER || target == LINK_FACTURES) {
		ui_open_invoices(ui);
	} else if (target >= LINK_ACCUEIL && target <= LINK_AIDE) {
		ui_open_menu(ui, target);
	} else if (target == LINK_LOGOUT) {
		ui_request_quit(ui);
	} else if ((why = link_refusal(l->url))) {
		ui_status_error(ui, "%s", why);
		free(why);
	} else {
		char *shown = url_redacted(l->url);
		char *text = xasprintf(_("This link leaves the program:\n"
		                         "%s\n\nOpen it in the browser ($BROWSER)?"),
		                       shown);
		dialog_confirm(ui, l->text, text, _("open"), _("cancel"), false, on_open_answer,
		               xstrdup(l->url));
		free(text);
		free(shown);
	}
}

/* Enter on a text line: the first "[N]" on it. */
static const struct link_item *link_on_line(const struct page_view *v, const char *line)
{
	for (const char *p = strchr(line, '['); p; p = strchr(p + 1, '[')) {
		char *end;
		unsigned long n = strtoul(p + 1, &end, 10);
		if (end != p + 1 && *end == ']' && n >= 1 && n <= v->nlinks)
			return &v->links[n - 1];
	}
	return NULL;
}

/* The text line under the cursor (NULL on the summary), and its index. */
static const char *cursor_line(const struct page_view *v, size_t *index)
{
	size_t skip = v->nsummary + (v->nsummary ? 1 : 0);
	if (v->text.cur < skip || v->text.cur - skip >= v->nlines)
		return NULL;
	*index = v->text.cur - skip;
	return v->lines[*index];
}

/* A wide line in full: a table row with its column headers (the line
 * above the table's "─┼─" rule), any other line wrapped. */
static void open_detail(struct ui *ui, const struct page_view *v, size_t index)
{
	bool ascii = ui->term.sanitize_flags & SANITIZE_ASCII;
	const char *sep = ascii ? " | " : " \xe2\x94\x82 ";
	const char *rule = ascii ? "-+-" : "\xe2\x94\x80\xe2\x94\xbc\xe2\x94\x80";
	const char *line = v->lines[index];
	char *text = NULL;
	if (strstr(line, sep))
		for (size_t i = index; i-- > 1 && !text;) {
			if (strstr(v->lines[i], rule))
				text = scr_detail_table_row(v->lines[i - 1], line, sep);
			else if (!strstr(v->lines[i], sep))
				break;
		}
	ui_push(ui, scr_detail_new(ui, text ? text : line));
	free(text);
}

/* Half a screen sideways (dir 1 right, -1 left); false at the edge. */
static bool scroll_sideways(struct page_view *v, int dir)
{
	size_t width = v->text.width > 0 ? (size_t)v->text.width : 1, step = width / 2 + 1;
	size_t max = v->widest > width ? v->widest - width : 0, was = v->hscroll;
	if (dir > 0)
		v->hscroll = v->hscroll + step < max ? v->hscroll + step : max;
	else
		v->hscroll = v->hscroll > step ? v->hscroll - step : 0;
	return v->hscroll != was;
}

static int page_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	struct page_view *v = s->state;
	size_t index;
	const char *line;
	switch (action) {
	case ACT_RIGHT:
		/* A link on the line: → follows it, as Enter (the loop). */
		if (v->focus == 1 || ((line = cursor_line(v, &index)) && link_on_line(v, line)))
			return UI_IGNORED;
		return scroll_sideways(v, 1) ? UI_HANDLED | UI_REDRAW : UI_IGNORED;
	case ACT_LEFT:
		return v->focus == 0 && scroll_sideways(v, -1) ? UI_HANDLED | UI_REDRAW
		                                               : UI_IGNORED;
	case ACT_NEXT_AREA:
	case ACT_PREV_AREA:
		if (v->nlinks) {
			v->focus = 1 - v->focus;
			return UI_HANDLED | UI_REDRAW;
		}
		return UI_HANDLED;
	case ACT_ACTIVATE: {
		bool summary;
		const struct link_item *l = v->focus == 1 && v->nlinks
		                                    ? &v->links[v->linklist.cur]
		                                    : link_on_line(v, text_row(v, v->text.cur,
		                                                               &summary));
		if (l)
			follow(ui, l);
		else if (v->link == LINK_ACCUEIL && v->text.cur < v->nsummary)
			ui_open_invoices(ui);
		else if (v->link == LINK_COMPTE && v->text.cur < v->nsummary)
			ui_push(ui, scr_payments_new(ui));
		else if (v->focus == 0 && (line = cursor_line(v, &index)) &&
		         ui_text_width(line) > (size_t)v->text.width)
			open_detail(ui, v, index);
		return UI_HANDLED;
	}
	case ACT_REFRESH: fetch(ui, s); return UI_HANDLED;
	case ACT_PAYMENTS:
		if (v->link != LINK_COMPTE)
			return UI_IGNORED;
		ui_push(ui, scr_payments_new(ui));
		return UI_HANDLED | UI_REDRAW;
	default: return UI_IGNORED;
	}
}

static struct ui_list *page_list(struct screen *s)
{
	struct page_view *v = s->state;
	return v->focus == 1 && v->nlinks ? &v->linklist : &v->text;
}

static void page_destroy(struct ui *ui, struct screen *s)
{
	struct page_view *v = s->state;
	free_lines(v);
	ui_text_lines_free(v->summary, v->nsummary);
	page_content_free(&v->content);
	free(v->links);
	free(v->error);
	free(v);
}

static const struct screen_ops page_ops = {
	.name = "page",
	.scope = SCOPE_LISTS,
	.enter = page_enter,
	.draw = page_draw,
	.key = page_key,
	.list = page_list,
	.destroy = page_destroy,
	.hints = N_("j k Space scroll  ← → sideways  Tab links  Enter follow  / search  r "
	            "reload  ? help  q back"),
};

struct screen *scr_page_create(struct ui *ui, int link, struct page_content *content)
{
	struct page_view *v = xcalloc(1, sizeof(*v));
	v->link = link;
	ui_list_init(&v->text, &text_ops, v);
	ui_list_init(&v->linklist, &link_ops, v);
	const char *path = link == LINK_ACCUEIL ? "Accueil" : portal_link_label(link);
	char *full = link == LINK_ACCUEIL ? xstrdup(path) : xasprintf("Accueil » %s", path);
	struct screen *s = ui_screen_new(&page_ops, v, full, link <= LINK_AIDE ? link : -1);
	free(full);
	if (content)
		set_content(ui, s, content);
	return s;
}

struct screen *scr_page_new(struct ui *ui, int link)
{
	return scr_page_create(ui, link, NULL);
}
