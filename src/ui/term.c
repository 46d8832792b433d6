/* Terminal set-up and restoration, attributes, glyphs, signals, OSC 52. */
#include "config.h"

#include "util/i18n.h"
#include "ui/term.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Signals whose default action ends the process (SIGPROF is left to
 * profilers). Those ignored when curses starts stay ignored: SIGPIPE is
 * (cli_install_signal_handlers), a write error says more than a death. */
static const int fatal_signals[] = {
	SIGQUIT, SIGILL,  SIGTRAP, SIGABRT, SIGBUS,  SIGFPE,    SIGSEGV, SIGUSR1,
	SIGUSR2, SIGPIPE, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGSYS,
};
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static struct {
	bool active; /* curses is up (not suspended) */
	bool started;
	SCREEN *screen;
	struct ui_term info;
	attr_t attrs[UI_ATTR_COUNT_];
	/* For a fatal signal, or a second SIGTERM while the first one is
	 * being handled: what endwin would do, ready before curses starts. */
	struct termios saved_tty;
	bool have_tty;
	char reset[128];
	size_t reset_len;
	/* rmacs, taken out of sgr and sgr0 (drop_charset_switch), or NULL. */
	const char *charset_reset;
	struct sigaction previous[3];
	struct sigaction previous_fatal[NFATAL];
	bool fatal_installed[NFATAL];
} term;

static volatile sig_atomic_t stop_signal, interrupt_pending;

static const int handled_signals[3] = { SIGINT, SIGTERM, SIGHUP };

/* What endwin would do, in async-signal-safe calls only: the terminal
 * modes saved before curses started, then sgr0, cnorm, rmkx and rmcup. */
static void restore_terminal_now(void)
{
	if (term.have_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &term.saved_tty);
	if (term.reset_len) {
		ssize_t w = write(STDOUT_FILENO, term.reset, term.reset_len);
		(void)w;
	}
}

static void emergency_restore(int sig)
{
	restore_terminal_now();
	_exit(128 + sig);
}

/* A signal that kills (Ctrl-\, a crash, an unexpected SIGUSR1): the shell
 * gets its terminal back, then the signal does what it did before we
 * came (the default action, or the sanitizer's report), raised again and
 * delivered as this handler returns. */
static void on_fatal_signal(int sig)
{
	int saved = errno;
	restore_terminal_now();
	for (size_t i = 0; i < NFATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &term.previous_fatal[i], NULL);
	raise(sig);
	errno = saved;
}

static void on_signal(int sig)
{
	int saved = errno;
	if (sig == SIGINT) {
		interrupt_pending = 1;
	} else {
		/* The loop notices within 100 ms and leaves through endwin; a
		 * second signal means it could not, so restore and go now. */
		if (stop_signal)
			emergency_restore(sig);
		stop_signal = sig;
		/* Chain to the command line's handler, which cancels transfers. */
		for (int i = 0; i < 3; i++)
			if (handled_signals[i] == sig && term.previous[i].sa_handler != SIG_DFL &&
			    term.previous[i].sa_handler != SIG_IGN &&
			    !(term.previous[i].sa_flags & SA_SIGINFO))
				term.previous[i].sa_handler(sig);
	}
	errno = saved;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the wait for a key returns at once. */
	for (int i = 0; i < 3; i++)
		sigaction(handled_signals[i], &sa, &term.previous[i]);
	sa.sa_handler = on_fatal_signal;
	for (size_t i = 0; i < NFATAL; i++) {
		struct sigaction *was = &term.previous_fatal[i];
		term.fatal_installed[i] = sigaction(fatal_signals[i], NULL, was) == 0 &&
		                          was->sa_handler != SIG_IGN &&
		                          sigaction(fatal_signals[i], &sa, NULL) == 0;
	}
}

static void restore_signals(void)
{
	for (int i = 0; i < 3; i++)
		sigaction(handled_signals[i], &term.previous[i], NULL);
	for (size_t i = 0; i < NFATAL; i++)
		if (term.fatal_installed[i])
			sigaction(fatal_signals[i], &term.previous_fatal[i], NULL);
	memset(term.fatal_installed, 0, sizeof(term.fatal_installed));
}

int ui_term_stop_signal(void)
{
	return stop_signal;
}

bool ui_term_take_interrupt(void)
{
	if (!interrupt_pending)
		return false;
	interrupt_pending = 0;
	return true;
}

static void append_cap(const char *name)
{
	const char *cap = tigetstr(name);
	if (!cap || cap == (char *)-1)
		return;
	size_t len = strlen(cap);
	if (term.reset_len + len >= sizeof(term.reset))
		return;
	memcpy(term.reset + term.reset_len, cap, len);
	term.reset_len += len;
}

static void prepare_emergency(void)
{
	append_cap("sgr0");
	append_cap("cnorm");
	append_cap("rmkx");
	append_cap("rmcup");
}

static bool no_color_env(void)
{
	const char *v = getenv("NO_COLOR");
	return v && *v; /* no-color.org: set and not empty */
}

enum {
	P_TITLE = 1,
	P_OVERDUE,
	P_SELECTED,
	P_PAID,
	P_ERROR,
	P_LINK,
	P_MENU
};

static void set_attrs(bool color)
{
	attr_t *a = term.attrs;
	memset(term.attrs, 0, sizeof(term.attrs));
	a[UI_TITLE] = A_BOLD;
	a[UI_MENU] = A_NORMAL;
	a[UI_MENU_CURRENT] = A_REVERSE;
	a[UI_HEADING] = A_BOLD;
	a[UI_CURSOR] = A_REVERSE;
	a[UI_SELECTED] = A_BOLD;
	a[UI_OVERDUE] = A_BOLD;
	a[UI_PAID] = A_NORMAL;
	a[UI_DIM] = A_DIM;
	a[UI_STATUS] = A_REVERSE;
	a[UI_ERROR] = A_BOLD;
	a[UI_LINK] = A_UNDERLINE;
	a[UI_KEY] = A_BOLD;
	if (!color)
		return;
	start_color();
	use_default_colors();
	init_pair(P_TITLE, COLOR_BLUE, -1);
	init_pair(P_OVERDUE, COLOR_RED, -1);
	init_pair(P_SELECTED, COLOR_GREEN, -1);
	init_pair(P_PAID, COLOR_GREEN, -1);
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_LINK, COLOR_CYAN, -1);
	init_pair(P_MENU, COLOR_BLUE, -1);
	a[UI_TITLE] |= COLOR_PAIR(P_TITLE);
	a[UI_OVERDUE] |= COLOR_PAIR(P_OVERDUE);
	a[UI_SELECTED] |= COLOR_PAIR(P_SELECTED);
	a[UI_PAID] |= COLOR_PAIR(P_PAID);
	a[UI_ERROR] |= COLOR_PAIR(P_ERROR);
	a[UI_LINK] |= COLOR_PAIR(P_LINK);
	a[UI_MENU] |= COLOR_PAIR(P_MENU);
}

attr_t ui_attr(enum ui_attr a)
{
	return (unsigned)a < UI_ATTR_COUNT_ ? term.attrs[a] : A_NORMAL;
}

static void fatal_hook(void)
{
	ui_term_stop();
}

static int check_terminal(char **errp)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return set_error(
		        errp,
		        _("the interface needs a terminal; the commands (invoices, page, pay) work "
		          "without one (see --help)"));
	const char *t = getenv("TERM");
	if (!t || !*t || strcmp(t, "dumb") == 0)
		return set_error(
		        errp,
		        _("TERM=%s cannot show the interface; the commands (invoices, page, pay) "
		          "work on any terminal"),
		        t && *t ? t : _("(unset)"));
	return 0;
}

/* Removes every `cut` from the capability string in place (ncurses reads
 * it again at each use; it only gets shorter). */
static void cut_from_cap(char *cap, const char *cut)
{
	size_t n = strlen(cut);
	char *p;
	while (n && (p = strstr(cap, cut)) != NULL)
		memmove(p, p + n, strlen(p + n) + 1);
}

/* sgr's alternate-charset part, "%?%p9%t<smacs>%e<rmacs>%;", when it holds
 * no other conditional. */
static void cut_charset_from_sgr(char *sgr)
{
	char *start = strstr(sgr, "%?%p9%t");
	char *end = start ? strstr(start, "%;") : NULL;
	if (!end)
		return;
	char *nested = strstr(start + 2, "%?");
	if (nested && nested < end)
		return;
	memmove(start, end + 2, strlen(end + 2) + 1);
}

/* Writes rmacs at once: curses has nothing of its own in flight here (just
 * started, or just taken back), and stdout's buffer (putp's too) would
 * otherwise hold it until exit. */
static void say_charset_reset(void)
{
	if (!term.charset_reset)
		return;
	fputs(term.charset_reset, stdout);
	fflush(stdout);
}

/* Every attribute change went through sgr or sgr0, which also switch the
 * character set back to ASCII (xterm: ESC ( B, 3 bytes, 5 times a toggle).
 * The interface never uses the alternate character set (its lines are
 * UTF-8 text or ASCII), so that switch is said once at start-up (and on
 * resuming, in case the other program changed it) and taken out of both
 * capabilities. */
static void drop_charset_switch(void)
{
	char *rmacs = tigetstr("rmacs");
	char *sgr0 = tigetstr("sgr0");
	char *sgr = tigetstr("sgr");
	term.charset_reset = NULL;
	if (!rmacs || rmacs == (char *)-1 || !*rmacs)
		return;
	term.charset_reset = rmacs;
	say_charset_reset();
	if (sgr0 && sgr0 != (char *)-1)
		cut_from_cap(sgr0, rmacs);
	if (sgr && sgr != (char *)-1)
		cut_charset_from_sgr(sgr);
}

int ui_term_start(const struct cli_options *o, struct ui_term *out, char **errp)
{
	if (check_terminal(errp) < 0)
		return -1;
	term.have_tty = tcgetattr(STDIN_FILENO, &term.saved_tty) == 0;
	term.screen = newterm(NULL, stdout, stdin);
	if (!term.screen)
		return set_error(errp, _("TERM=%s: unknown terminal type"), getenv("TERM"));
	term.active = term.started = true;
	atexit(ui_term_stop);
	xalloc_set_fatal_hook(fatal_hook);
	prepare_emergency();
	drop_charset_switch();
	install_signals();
	cbreak();
	noecho();
	nonl();
	/* How long a lone Esc waits for the rest of an arrow's sequence: over
	 * a slow SSH link the bytes of Esc [ B arrive apart, and a short delay
	 * reads them as Esc (back) then "[B". ESCDELAY in the environment
	 * (ncurses' own) wins. */
	if (!getenv("ESCDELAY"))
		set_escdelay(UI_TERM_ESCDELAY_MS);
	struct ui_term *i = &term.info;
	i->utf8 = !(sanitize_terminal_flags() & SANITIZE_ASCII);
	i->ascii = o->ascii || !i->utf8;
	i->plain = o->plain;
	i->arrow_cursor = o->arrow_cursor;
	const char *name = getenv("TERM");
	i->osc52 = name && strncmp(name, "linux", 5) != 0 && strncmp(name, "vt", 2) != 0 &&
	           strncmp(name, "dumb", 4) != 0;
	i->color = !o->no_color && !no_color_env() && has_colors();
	i->sanitize_flags = i->utf8 ? 0 : SANITIZE_ASCII;
	set_attrs(i->color);
	curs_set(i->plain ? 1 : 0);
	*out = *i;
	return 0;
}

void ui_term_stop(void)
{
	if (!term.started)
		return;
	term.started = false;
	term.active = false;
	if (!isendwin())
		endwin();
	/* Ctrl-C goes back to cancelling transfers the command-line way
	 * (the logout that follows). */
	restore_signals();
	fflush(stdout);
	xalloc_set_fatal_hook(NULL);
	if (term.screen) {
		delscreen(term.screen);
		term.screen = NULL;
	}
	term.charset_reset = NULL; /* it was the terminal's, freed with it */
}

bool ui_term_active(void)
{
	return term.active;
}

static const char *const glyphs_utf8[G_COUNT_] = {
	[G_ELLIPSIS] = "…", [G_PATH_SEP] = " » ", [G_BULLET] = "•",
	[G_PAID] = "✓",     [G_SPINNER] = "",
};
static const char *const glyphs_ascii[G_COUNT_] = {
	[G_ELLIPSIS] = "...", [G_PATH_SEP] = " > ", [G_BULLET] = "*",
	[G_PAID] = "v",       [G_SPINNER] = "",
};

/* --plain: what a screen reader reads as words, or nothing ("payée"
 * needs no check mark; "…" would be read "horizontal ellipsis"). */
static const char *const glyphs_plain[G_COUNT_] = {
	[G_ELLIPSIS] = "...", [G_PATH_SEP] = " > ", [G_BULLET] = "-",
	[G_PAID] = "",        [G_SPINNER] = "",
};

const char *ui_glyph(enum ui_glyph g)
{
	if ((unsigned)g >= G_COUNT_)
		return "";
	if (term.info.plain)
		return glyphs_plain[g];
	return term.info.ascii ? glyphs_ascii[g] : glyphs_utf8[g];
}

bool ui_term_arrow_cursor(void)
{
	return term.info.arrow_cursor;
}

const char *ui_spinner_frame(unsigned tick)
{
	static const char *const braille[] = { "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏" };
	static const char *const ascii[] = { "|", "/", "-", "\\" };
	if (term.info.ascii)
		return ascii[tick % 4];
	return braille[tick % 10];
}

/* A glyph repeated n times, as one string. */
static void put_run(WINDOW *w, int y, int x, const char *glyph, int n)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		strbuf_puts(&sb, glyph);
	if (sb.data)
		mvwaddstr(w, y, x, sb.data);
	strbuf_release(&sb);
}

/* In UTF-8 the box characters are written as text, not through the
 * alternate character set: no charset switching on the wire (fewer bytes,
 * and nothing for a terminal multiplexer to get wrong). */
void ui_hline(WINDOW *w, int y, int x, int n)
{
	if (n <= 0)
		return;
	wattrset(w, A_NORMAL);
	if (term.info.plain)
		mvwhline(w, y, x, ' ', n);
	else if (term.info.ascii)
		mvwhline(w, y, x, '-', n);
	else
		put_run(w, y, x, "─", n);
}

void ui_box(WINDOW *w)
{
	int rows, cols;
	getmaxyx(w, rows, cols);
	if (term.info.plain) {
		wborder(w, ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ');
		return;
	}
	if (term.info.ascii) {
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
		return;
	}
	mvwaddstr(w, 0, 0, "┌");
	put_run(w, 0, 1, "─", cols - 2);
	mvwaddstr(w, 0, cols - 1, "┐");
	for (int y = 1; y < rows - 1; y++) {
		mvwaddstr(w, y, 0, "│");
		mvwaddstr(w, y, cols - 1, "│");
	}
	mvwaddstr(w, rows - 1, 0, "└");
	put_run(w, rows - 1, 1, "─", cols - 2);
	mvwaddstr(w, rows - 1, cols - 1, "┘");
}

static char *base64(const char *s)
{
	static const char alphabet[] =
	        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < len)
			v |= p[i + 2];
		strbuf_putc(&sb, alphabet[(v >> 18) & 63]);
		strbuf_putc(&sb, alphabet[(v >> 12) & 63]);
		strbuf_putc(&sb, i + 1 < len ? alphabet[(v >> 6) & 63] : '=');
		strbuf_putc(&sb, i + 2 < len ? alphabet[v & 63] : '=');
	}
	return strbuf_detach(&sb);
}

int ui_term_copy(const char *text, char **errp)
{
	if (!term.info.osc52 || !term.active)
		return set_error(errp,
		                 _("this terminal (TERM=%s) cannot copy: use o or the QR code (v)"),
		                 getenv("TERM") ? getenv("TERM") : "?");
	char *encoded = base64(text);
	/* Written after curses flushed its own output, and moving no cursor,
	 * so the screen curses believes in stays true. */
	fflush(stdout);
	int rc = printf("\033]52;c;%s\a", encoded) < 0 || fflush(stdout) != 0 ? -1 : 0;
	free(encoded);
	if (rc < 0)
		return set_error(errp, _("cannot write to the terminal: %s"), strerror(errno));
	return 0;
}

void ui_term_suspend(void)
{
	if (!term.active)
		return;
	def_prog_mode();
	endwin();
	term.active = false;
}

void ui_term_resume(void)
{
	if (!term.started || term.active)
		return;
	reset_prog_mode();
	term.active = true;
	say_charset_reset();
	/* The other program drew over everything: repaint all of it. */
	clearok(curscr, TRUE);
	refresh();
}
