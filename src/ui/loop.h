/* The event loop (used by ui.c): runs until quit, a signal, or an empty
 * stack, then frees the screens. Returns the exit code. */
#ifndef PF_UI_LOOP_H
#define PF_UI_LOOP_H

struct ui;

int ui_loop(struct ui *ui);
/* Frees the screens left and the windows (before curses ends). */
void ui_loop_free_windows(struct ui *ui);

#endif
