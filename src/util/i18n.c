/* The language of the program's own words (gettext). */
#include "config.h"

#include "util/i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* C, POSIX and C.UTF-8 name no language. */
static bool names_no_language(const char *locale)
{
	return !locale || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
	       strncmp(locale, "C.", 2) == 0;
}

/* The locale the environment asks messages in (LC_ALL, LC_MESSAGES, LANG,
 * the first set), even when it is not installed here. */
static const char *requested_messages_locale(void)
{
	static const char *const names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *value = getenv(names[i]);
		if (value && *value)
			return value;
	}
	return NULL;
}

/* LANGUAGE when the user set none: the requested locale's language
 * ("en_US.UTF-8" → "en_US", whose catalogue may be absent: msgids), else
 * French. */
static void default_language(void)
{
	const char *language = getenv("LANGUAGE");
	if (language && *language)
		return;
	const char *requested = requested_messages_locale();
	if (names_no_language(requested)) {
		setenv("LANGUAGE", "fr", 1);
		return;
	}
	char name[64];
	size_t n = strcspn(requested, ".@");
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, requested, n);
	name[n] = '\0';
	setenv("LANGUAGE", name, 1);
}

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (names_no_language(messages)) {
		/* The portal is French, so are its users: French unless the
		 * environment names another language (a locale not installed
		 * here still says which). glibc reads LANGUAGE only when
		 * LC_MESSAGES is not plain C, hence C.UTF-8 (in every glibc
		 * since 2.35) for the messages alone: LC_CTYPE, what the
		 * terminal can show, stays as the user set it. */
		default_language();
		if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	const char *dir = getenv("PORTAIL_FAMILLE_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : PF_LOCALEDIR);
	/* UTF-8 whatever the locale: text for an ASCII terminal is folded by
	 * util/sanitize (é → e), never turned into '?' by gettext. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}
