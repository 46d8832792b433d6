/* Keys → actions: the one table every screen dispatches through, and the
 * help screen generated from it. Tests can drive actions without a
 * terminal by calling a screen's key handler with an action. */
#ifndef PF_UI_KEYS_H
#define PF_UI_KEYS_H

#include <stddef.h>

enum ui_action {
	ACT_NONE = 0,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT_AREA,
	ACT_PREV_AREA,
	ACT_ACTIVATE, /* Enter */
	ACT_RIGHT,    /* → l: opens like Enter, or scrolls a wide line right */
	ACT_LEFT,     /* ← h: scrolls back left, else like Esc */
	ACT_BACK,     /* Esc: back one screen */
	ACT_QUIT,     /* q: back, or quit on the top screen */
	ACT_QUIT_ALL, /* Q: quit from any screen */
	ACT_CANCEL,   /* Ctrl-C: cancels a network wait, else like q */
	ACT_HELP,
	ACT_REFRESH, /* r: fetch the page again */
	ACT_REDRAW,  /* Ctrl-L: repaint the whole terminal */
	ACT_MENU_1,
	ACT_MENU_2,
	ACT_MENU_3,
	ACT_MENU_4,
	ACT_MENU_5,
	ACT_MENU_6,
	ACT_MENU_7,
	ACT_PAY_SCREEN, /* p: "Payer mes factures" */
	ACT_PAYMENTS,   /* H on Mon compte: the payment history */
	ACT_ACCOUNTS,   /* A: switch to another profile of the config file */
	ACT_SEARCH,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_TOGGLE,       /* Space */
	ACT_TOGGLE_REGIE, /* a */
	ACT_DOWNLOAD,     /* d: the invoice's document to the Downloads folder */
	ACT_COPY,         /* c: the payment URL to the clipboard (OSC 52) */
	ACT_OPEN,         /* o: in $BROWSER */
	ACT_QR,           /* v: the QR code on the whole screen */
	ACT_YES,
	ACT_NO, /* dialogs: o/y, n */
	ACT_COUNT_
};

/* Where an action applies, for the help screen. */
enum ui_key_scope {
	SCOPE_EVERYWHERE,
	SCOPE_LISTS,    /* every list and page */
	SCOPE_INVOICES, /* the invoice table */
	SCOPE_HANDOFF,  /* the payment hand-off */
	SCOPE_DIALOGS,
	SCOPE_COUNT_
};

/* The action bound to a key as wgetch returns it (ACT_NONE if unbound).
 * A key bound in several scopes ('o' opens a link, and answers "oui" in a
 * dialog) means the binding of `preferred` first. */
enum ui_action ui_key_action(int ch, enum ui_key_scope preferred);

/* The help text: one line per binding, grouped by scope under a heading,
 * "  KEYS  what it does"; the scope `first` (the screen the help was asked
 * from) comes first, then the lists' keys, then the others. ascii selects
 * "Up" over "↑". Returns an owned array of owned lines in *lines; free
 * with ui_key_help_free. */
size_t ui_key_help(int ascii, enum ui_key_scope first, char ***lines);
void ui_key_help_free(char **lines, size_t n);

#endif
