/* QR codes as text: libqrencode's modules mapped to half blocks. */
#include "config.h"

#include "app/qr_text.h"

#include <qrencode.h>
#include <string.h>

#include "util/strbuf.h"

#define QUIET_ZONE 4

/* A module is dark when its lowest bit is set; outside the symbol is the
 * light quiet zone. */
static bool dark(const QRcode *qr, long x, long y)
{
	if (x < 0 || y < 0 || x >= qr->width || y >= qr->width)
		return false;
	return qr->data[y * qr->width + x] & 1;
}

char *qr_text_render(const char *text, bool ascii, size_t *cols, size_t *rows)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	long size = qr->width + 2 * QUIET_ZONE;
	/* Two modules per character row, one column per module, as the half
	 * blocks do; in ASCII '"' stands for the upper one, ',' the lower one
	 * and '#' both, so a payment URL's code fits 80x24 on LANG=C too. */
	static const char *const utf8_cells[4] = { " ", "▄", "▀", "█" };
	static const char *const ascii_cells[4] = { " ", ",", "\"", "#" };
	const char *const *cells = ascii ? ascii_cells : utf8_cells;
	for (long y = 0; y < size; y += 2) {
		for (long x = 0; x < size; x++) {
			/* Light modules are drawn, so the code reads as dark-on-light
			 * on a terminal with a dark background. */
			bool top = !dark(qr, x - QUIET_ZONE, y - QUIET_ZONE);
			bool bottom = y + 1 < size && !dark(qr, x - QUIET_ZONE, y + 1 - QUIET_ZONE);
			strbuf_puts(&sb, cells[(top ? 2 : 0) | (bottom ? 1 : 0)]);
		}
		strbuf_putc(&sb, '\n');
	}
	*cols = (size_t)size;
	*rows = (size_t)((size + 1) / 2);
	QRcode_free(qr);
	return strbuf_detach(&sb);
}
