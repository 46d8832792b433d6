/* QR codes as text: the size of the drawing, in UTF-8 and ASCII. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/qr_text.h"

/* The demo portal's hand-off URL (PayFiP's form, a 32-digit idop on a
 * loopback port): what the UI test's full-screen QR code shows. */
static const char payment_url[] =
        "http://127.0.0.1:43567/tpa/paiementws.web?idop=b6bd3b4a9c0e4e6c8e4e2f0d1c3e5a7f";

/* Counts the lines and checks each has `cols` characters of `alphabet`. */
static size_t check_lines(const char *drawing, size_t cols, const char *const *alphabet)
{
	size_t lines = 0;
	const char *p = drawing;
	while (*p) {
		size_t chars = 0;
		while (*p && *p != '\n') {
			size_t k = 0, len = 0;
			for (; alphabet[k]; k++) {
				len = strlen(alphabet[k]);
				if (strncmp(p, alphabet[k], len) == 0)
					break;
			}
			if (!alphabet[k])
				fail_msg("line %zu: unexpected byte 0x%02x", lines + 1,
				         (unsigned char)*p);
			p += len;
			chars++;
		}
		assert_int_equal(chars, cols);
		assert_int_equal(*p, '\n');
		p++;
		lines++;
	}
	return lines;
}

/* ASCII: one column per module, two modules per row, as the half blocks;
 * the payment URL's code fits an 80x24 terminal (the full-screen QR has
 * 23 rows and 80 columns). */
static void test_ascii_fits_80x24(void **state)
{
	static const char *const ascii[] = { " ", ",", "\"", "#", NULL };
	static const char *const utf8[] = { " ", "\xe2\x96\x84", "\xe2\x96\x80", "\xe2\x96\x88",
		                            NULL };
	size_t cols = 0, rows = 0, ucols = 0, urows = 0;
	(void)state;
	char *a = qr_text_render(payment_url, true, &cols, &rows);
	char *u = qr_text_render(payment_url, false, &ucols, &urows);
	assert_non_null(a);
	assert_non_null(u);
	assert_int_equal(cols, ucols);
	assert_int_equal(rows, urows);
	assert_true(cols <= 80);
	assert_true(rows <= 23);
	assert_int_equal(check_lines(a, cols, ascii), rows);
	assert_int_equal(check_lines(u, ucols, utf8), urows);
	/* The quiet zone: light on every side, so the first row is all '#'. */
	for (size_t x = 0; x < cols; x++)
		assert_int_equal(a[x], '#');
	free(a);
	free(u);
}

/* The upper and lower modules of a cell land on '"' and ','. */
static void test_ascii_mixes_halves(void **state)
{
	size_t cols = 0, rows = 0;
	(void)state;
	char *a = qr_text_render("https://example.fr/", true, &cols, &rows);
	assert_non_null(a);
	assert_non_null(strchr(a, '"'));
	assert_non_null(strchr(a, ','));
	assert_non_null(strchr(a, ' '));
	free(a);
}

/* A longer payment address (a PayFiP URL with its parameters, 120
 * characters): level M with the standard margin needs 53x27; made to fit
 * 80x23 it still fits, and a window too small for any code gets the
 * smallest one, whose size tells what is missing. */
static void test_within_fits_longer_urls(void **state)
{
	static const char url[] = "https://www.payfip.gouv.fr/tpa/paiement.web?numcli=012345&"
	                          "exer=2022&refdet=F20220912000123&objet=CANTINE&montant=18199&"
	                          "mel=a%40b.fr";
	size_t cols = 0, rows = 0, fcols = 0, frows = 0, scols = 0, srows = 0;
	(void)state;
	assert_true(strlen(url) >= 120);
	char *m = qr_text_render(url, false, &cols, &rows);
	char *fit = qr_text_render_within(url, false, 80, 23, &fcols, &frows);
	char *small = qr_text_render_within(url, true, 20, 10, &scols, &srows);
	assert_non_null(m);
	assert_non_null(fit);
	assert_non_null(small);
	assert_true(rows > 23);
	assert_true(fcols <= 80 && frows <= 23);
	assert_int_equal(check_lines(fit, fcols,
	                             (const char *const[]){ " ", "\xe2\x96\x84", "\xe2\x96\x80",
	                                                    "\xe2\x96\x88", NULL }),
	                 frows);
	assert_true(scols > 20 && scols <= fcols);
	assert_int_equal(
	        check_lines(small, scols, (const char *const[]){ " ", ",", "\"", "#", NULL }),
	        srows);
	free(m);
	free(fit);
	free(small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_fits_80x24),
		cmocka_unit_test(test_ascii_mixes_halves),
		cmocka_unit_test(test_within_fits_longer_urls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
