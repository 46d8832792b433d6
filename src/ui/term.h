/* The terminal under the UI: curses set-up and teardown on every exit path,
 * what the terminal can show (UTF-8 or ASCII, colour or not, --plain), the
 * attributes and glyphs screens draw with, signals, the clipboard (OSC 52)
 * and handing the terminal to $BROWSER.
 *
 * There is one terminal per process: this module keeps it in static state so
 * that atexit, signal handlers and the allocation-failure hook can restore
 * it. Nothing here writes to stderr while curses is up. */
#ifndef PF_UI_TERM_H
#define PF_UI_TERM_H

#include <curses.h>
#include <stdbool.h>

#include "app/options.h"

/* Esc's wait for the rest of a key's sequence, unless $ESCDELAY says. */
#define UI_TERM_ESCDELAY_MS 150

struct ui_term {
	bool utf8;          /* the locale's codeset is UTF-8 */
	bool ascii;         /* ASCII line drawing and symbols (--ascii or not UTF-8) */
	bool color;         /* colours in use (not NO_COLOR, --no-color, or a
	                       terminal without colours) */
	bool plain;         /* --plain: screen readers */
	bool arrow_cursor;  /* --arrow-cursor: a marker column, no reverse bar */
	bool osc52;         /* the terminal may take OSC 52 (not the Linux
	                       console or a real VT: they would show it) */
	int sanitize_flags; /* for every string shown (util/sanitize.h) */
};

/* Checks the terminal and starts curses (cbreak, no echo, keypad, 25 ms
 * Esc delay, hidden cursor but in --plain). Installs atexit, the xalloc
 * fatal hook and the SIGINT/SIGTERM/SIGHUP handlers (the loop stops), and
 * handlers for the signals that kill (SIGQUIT, SIGSEGV, SIGABRT, SIGUSR1...,
 * unless ignored): they restore the terminal modes and leave the alternate
 * screen with async-signal-safe writes, then let the signal kill as it
 * would have. Returns 0, or -1 with *errp (no terminal, TERM unknown or
 * dumb) and curses not started. */
int ui_term_start(const struct cli_options *options, struct ui_term *out, char **errp);
/* Ends curses; safe to call twice, from atexit and the fatal hook. */
void ui_term_stop(void);
bool ui_term_active(void);

/* A signal asked us to stop (SIGTERM, SIGHUP): its number, else 0. */
int ui_term_stop_signal(void);
/* Ctrl-C arrived (SIGINT) since the last call. */
bool ui_term_take_interrupt(void);

enum ui_attr {
	UI_NORMAL,
	UI_TITLE, /* the town, screen titles */
	UI_MENU,  /* the menu bar */
	UI_MENU_CURRENT,
	UI_HEADING,  /* régie names, page headings */
	UI_CURSOR,   /* the row under the cursor */
	UI_SELECTED, /* a checked invoice */
	UI_OVERDUE,  /* a due date passed */
	UI_PAID,     /* settled */
	UI_DIM,      /* not selectable, hints */
	UI_STATUS,   /* the status line */
	UI_ERROR,
	UI_LINK,
	UI_KEY, /* key names in hints */
	UI_ATTR_COUNT_
};
attr_t ui_attr(enum ui_attr a);

enum ui_glyph {
	G_ELLIPSIS, /* "…" or "..." */
	G_PATH_SEP, /* " » " or " > " */
	G_BULLET,   /* "•" or "*" */
	G_PAID,     /* "✓" or "v" */
	G_SPINNER,  /* frames: "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏" or "|/-\\" */
	G_COUNT_
};
const char *ui_glyph(enum ui_glyph g);
/* --arrow-cursor (config arrow_cursor = yes): lists mark the cursor's row
 * with '>' in the column left of the row instead of reverse video, so a
 * move rewrites two characters, not two rows (slow links). */
bool ui_term_arrow_cursor(void);
/* Frame `tick` of the spinner (a short string). */
const char *ui_spinner_frame(unsigned tick);

/* Line drawing that honours --ascii: a horizontal rule, and a box border. */
void ui_hline(WINDOW *w, int y, int x, int n);
void ui_box(WINDOW *w);

/* Puts text on the system clipboard through the terminal (OSC 52: works
 * over SSH and in tmux with set-clipboard). Refused where the terminal would
 * print the sequence instead (TERM=linux, vt100, vt220...).
 * Returns 0, or -1 with *errp. */
int ui_term_copy(const char *text, char **errp);

/* Gives the terminal to another program (def_prog_mode, endwin) and takes
 * it back (reset_prog_mode, full repaint on the next update). */
void ui_term_suspend(void);
void ui_term_resume(void);

#endif
