/* The full-screen interface (ncurses): what `portail-famille` runs when no
 * command is given. */
#ifndef PF_UI_UI_H
#define PF_UI_UI_H

#include "app/options.h"

/* Runs the interface until the user quits. Errors before the terminal is
 * taken over (no terminal, config, demo portal) are reported on stderr;
 * none are written while curses is up. Returns an exit code (exit_codes.h),
 * 128 + N after signal N. */
int ui_run(struct cli_options *options);

#endif
