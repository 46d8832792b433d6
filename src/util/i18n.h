/* The user's language: every word the program shows goes through _().
 * msgids are English; po/fr.po holds the French. N_() marks a string for
 * the catalogue where it must stay a constant (tables), translated with
 * _() where it is shown. */
#ifndef PF_UTIL_I18N_H
#define PF_UTIL_I18N_H

#include <libintl.h>

#define _(msgid) gettext(msgid)
#define N_(msgid) msgid

/* setlocale and the catalogue: first thing in main(). French when the
 * locale names no language (C, POSIX, C.UTF-8) and LANGUAGE is unset;
 * the catalogue from $PORTAIL_FAMILLE_LOCALEDIR (the build tree), else
 * the installed one. */
void i18n_init(void);

#endif
