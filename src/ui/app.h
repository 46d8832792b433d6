/* The UI's shared state and the screen contract (internal to src/ui/).
 *
 * A screen is a small vtable plus private state, kept on a stack: the top
 * screen gets the keys, the loop draws it (and the screen under a dialog).
 * Key handlers return flags, as htop's panels do: UI_HANDLED (the key was
 * used; the loop only pushes what the handler drew), UI_REDRAW (draw the
 * whole screen again), UI_QUIT. A key the top screen ignores goes to the
 * loop's global actions (menu 1-7, p, ?, q...). */
#ifndef PF_UI_APP_H
#define PF_UI_APP_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "portal/model.h"
#include "invlist.h"
#include "app/connect.h"
#include "app/pay_guard.h"
#include "ui/keys.h"
#include "ui/list.h"
#include "ui/term.h"
#include "ui/worker.h"

enum {
	UI_IGNORED = 0,
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,
	UI_QUIT = 1 << 2,
};

/* Rows above the body (town, menu bar, "Vous êtes ici", rule) and below it
 * (status line). */
#define UI_HEADER_ROWS 4
/* Below 80x24 the screens degrade (narrower columns, fewer hints). */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

struct ui;
struct screen;

struct screen_ops {
	const char *name;
	enum ui_key_scope scope; /* bindings preferred in this screen */
	/* Pushed on the stack (once). May start a network job. */
	void (*enter)(struct ui *ui, struct screen *s);
	/* Draws the whole screen: into ui->body, or s->win for a dialog. */
	void (*draw)(struct ui *ui, struct screen *s);
	/* A key: the action the table binds to it and the raw key (text fields
	 * read ch). Returns UI_* flags; UI_IGNORED passes it to the loop. */
	int (*key)(struct ui *ui, struct screen *s, enum ui_action action, int ch);
	/* Every 100 ms while on top (spinners), may be NULL. */
	void (*tick)(struct ui *ui, struct screen *s);
	/* The list `/` searches, NULL when none. */
	struct ui_list *(*list)(struct screen *s);
	/* Frees the state; the screen is already off the stack. */
	void (*destroy)(struct ui *ui, struct screen *s);
	const char *hints; /* status line when there is no message */
};

struct screen {
	unsigned id; /* unique: jobs find their screen again by it */
	const struct screen_ops *ops;
	void *state;
	char *path;   /* after "Vous êtes ici : ", owned, may be NULL */
	int menu;     /* the menu entry it stands for (0-6), -1 */
	bool overlay; /* a dialog: the screen below shows around it */
	WINDOW *win;  /* the dialog's window (overlays only) */
	/* Takes only keys pressed while it is on the terminal (dialogs whose
	 * yes pays or sends something: dialog_fresh_keys). */
	bool fresh_keys;
	unsigned shown_frame; /* the frame that first showed it, 0 = not yet */
};

struct ui {
	struct cli_options *options;
	struct cli_context ctx;
	bool connected; /* cli_connect succeeded */
	bool logged_in; /* the portal accepted us: menus work */
	char *password; /* typed on the login screen (locked page) */
	struct ui_term term;
	WINDOW *hdr, *body, *status;
	bool too_small;
	struct screen **stack;
	size_t depth;
	char *message; /* status line message (sanitized), or NULL */
	bool message_error;
	bool message_shown;      /* drawn once */
	unsigned message_screen; /* the base screen it was first shown over:
	                            it goes when that screen does */
	char *town;              /* "L'Horme" (sanitized), or NULL */
	char *family;            /* "MARTIN" (sanitized), or NULL */
	bool has_balance;        /* "Solde des factures" as the portal printed it */
	int64_t balance_cents;
	struct ui_worker worker;
	/* The invoices as last read, and the user's selection over them. */
	struct invoice_page *invoices;
	char *invoices_error;  /* why the last read failed (sanitized), or NULL */
	unsigned invoices_gen; /* counts re-reads: views rebuild their rows */
	/* When the background reading after login ended (CLOCK_MONOTONIC s),
	 * 0 once the invoice screen showed it or none was made. */
	time_t invoices_prefetched;
	struct invlist *selection;
	bool selection_adopted;     /* the portal's checks were taken once */
	struct pay_pending pending; /* handed off here, not yet seen settled */
	char *search;               /* the last `/` needle */
	/* Keys typed while a network job ran, replayed once it is done (as a
	 * browser keeps what is typed during a load), each with the frame that
	 * was on the terminal when it was read. */
	struct ui_typed {
		int ch;
		unsigned frame;
	} typeahead[16];
	size_t ntypeahead;
	unsigned frames;    /* frames put on the terminal so far */
	unsigned key_frame; /* the key being handled was read after this frame */
	bool flush_input;   /* after the next frame: the terminal's queue is type-ahead */
	size_t blind_keys;  /* dropped by a question not shown yet */
	bool redraw;        /* the next frame draws every window */
	bool repaint;       /* ... after clearing the terminal */
	bool quit;
	int exit_code;
	/* Where the terminal cursor goes at the end of a frame (--plain keeps
	 * it on the selected row for screen readers), set by draw/key. */
	WINDOW *cursor_win;
	int cursor_y, cursor_x;
};

/* ---- the stack (stack.c) ---- */
struct screen *ui_screen_new(const struct screen_ops *ops, void *state, const char *path, int menu);
void ui_push(struct ui *ui, struct screen *s);
/* Pops and destroys the top screen (never the last one). */
void ui_pop(struct ui *ui);
/* Pops until `s` is on top (s must be on the stack). */
void ui_pop_to(struct ui *ui, struct screen *s);
/* Replaces the whole stack by s (login → accueil). */
void ui_set_root(struct ui *ui, struct screen *s);
struct screen *ui_top(const struct ui *ui);
/* Destroys every screen, top first. */
void ui_stack_free(struct ui *ui);
/* The topmost non-dialog screen. */
struct screen *ui_base(const struct ui *ui);
bool ui_on_stack(const struct ui *ui, const struct screen *s);
/* The screen with this id if it is still on the stack, else NULL. */
struct screen *ui_find_screen(const struct ui *ui, unsigned id);
/* Sets a screen's "Vous êtes ici" path (copied, sanitized). */
void ui_set_path(struct ui *ui, struct screen *s, const char *path);

/* ---- status and drawing (loop.c) ---- */
/* A message on the status line until the next key (sanitized here). */
void ui_status(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_status_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draws the status line now (after a message changed inside a handler). */
void ui_draw_status(struct ui *ui);
/* The next frame draws every window again (curses sends only what changed). */
void ui_redraw(struct ui *ui);
/* ... and clears the terminal first (another program drew on it). */
void ui_repaint(struct ui *ui);
/* Keeps a key typed during a network wait for after it. */
void ui_typeahead(struct ui *ui, int ch);
/* For a draw function showing something new whose keys must be pressed
 * while it is visible (the invoices, before Enter pays them): the number
 * the frame being drawn will have on the terminal, to compare with
 * ui_key_pressed_since. The keys still in the terminal's input queue when
 * that frame is out were typed before it and are dropped. */
unsigned ui_frame_showing_fresh(struct ui *ui);
/* The key being handled was read while frame `shown` (not 0), or a later
 * one, was on the terminal: the user could see what it acts on. */
bool ui_key_pressed_since(const struct ui *ui, unsigned shown);
/* Where the cursor should stand (--plain, text fields). */
void ui_set_cursor(struct ui *ui, WINDOW *w, int y, int x);
/* The header rows, for the menu entry of the base screen (header.c). */
void ui_draw_header(struct ui *ui);
/* On stdscr: why nothing else is drawn, in words that fit the window. */
void ui_draw_too_small(void);
int ui_body_rows(const struct ui *ui);
int ui_body_cols(const struct ui *ui);

/* ---- navigation (stack.c) ---- */
/* Menu entry 0-6 (Accueil ... Comment utiliser le portail ?). */
void ui_open_menu(struct ui *ui, int entry);
void ui_open_invoices(struct ui *ui);
/* Asks before quitting when the user changed the selection (the checks
 * the portal served are not lost: it serves them again). */
void ui_request_quit(struct ui *ui);
/* Opens url in $BROWSER with curses suspended; errors on the status line. */
void ui_browse(struct ui *ui, const char *url);

/* ---- shared invoice state (scr_invoices.c) ---- */
/* Takes a fresh read: the selection moves onto it; returns the changes as
 * one status-line text (owned) or NULL when nothing changed. */
char *ui_invoices_replace(struct ui *ui, struct invoice_page *fresh);
/* Forgets pending numbers the current invoice page shows settled. */
void ui_pending_update(struct ui *ui);
/* d: saves the invoice's document in the Downloads folder (a job,
 * ui/download.c); the status line says where, or why not. */
void ui_download_invoice(struct ui *ui, const struct invoice *inv);

/* ---- screens ---- */
struct screen *scr_login_new(struct ui *ui, const char *message);
/* Starts the login job right away (the password comes from elsewhere). */
void scr_login_connect(struct ui *ui, struct screen *login);
struct page_content;
/* Accueil with the content the login fetched (taken; NULL = fetch it). */
struct screen *scr_accueil_new(struct ui *ui, struct page_content *content);
/* The summary lines Accueil shows above its content (family, balance). */
size_t scr_accueil_summary(struct ui *ui, char ***lines);
/* A menu page (link 1-6, enum portal_link), fetched on entry. */
struct screen *scr_page_new(struct ui *ui, int link);
/* Any page screen, with content already read (taken) or NULL. */
struct screen *scr_page_create(struct ui *ui, int link, struct page_content *content);
struct screen *scr_invoices_new(struct ui *ui);
/* Reads the invoices again (a job); the selection moves onto them. */
void scr_invoices_reread(struct ui *ui);
/* Reads them in the background once logged in (the home screen's "2
 * factures à payer avant le 06/12"); the invoice screen opened within
 * UI_PREFETCH_FRESH_S shows that reading instead of making another. */
#define UI_PREFETCH_FRESH_S 120
void scr_invoices_prefetch(struct ui *ui);
struct screen *scr_help_new(struct ui *ui);
/* Mon compte » Historique des règlements, read on entry (a job). */
struct screen *scr_payments_new(struct ui *ui);
/* The line Mon compte shows above its content to open it (owned). */
size_t scr_payments_entry(struct ui *ui, char ***lines);
/* Logs in again with the account ui->options now names (the previous
 * session already logged out): its state forgotten, the login screen as
 * the only one, the login started when a password source is known. */
void ui_login_again(struct ui *ui);
/* A: the config file's profiles, Enter switches to one (scr_accounts). */
void ui_open_accounts(struct ui *ui);
/* A text in full on a screen of its own (a wide line; copied). */
struct screen *scr_detail_new(struct ui *ui, const char *text);
/* A table line as "Header : value" lines, cells split at sep (" │ "), the
 * header line's and the row's; owned. */
char *scr_detail_table_row(const char *header, const char *row, const char *sep);
struct pay_result;
/* Takes ownership of the result. */
struct screen *scr_handoff_new(struct ui *ui, struct pay_result *result);
/* Enter on the invoice screen: asks, then pays the selected invoices of
 * one régie, `regie` (under the cursor, -1 for none) when it has some,
 * else the only régie that has (scr_pay.c). */
void scr_pay_start(struct ui *ui, long regie);

#endif
