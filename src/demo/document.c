/* facture.php5: an invoice's document, a small PDF as a régie's billing
 * software would produce (one page, Helvetica, WinAnsi), sent with a
 * Content-Disposition naming it; an error page for an invoice without
 * one, as the PHP site shows it (status 200). */
#include "demo/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The evil-names fault's file name: a path up and out, a leading dot,
 * a colon, CSI and RLO. */
static const char evil_filename[] = "../../.bashrc:"
                                    "\x1b[31m"
                                    "F2022-0912"
                                    "\xe2\x80\xae" /* RLO */
                                    ".pdf";

bool demo_invoice_has_document(const struct demo_invoice *inv)
{
	return inv->id != 388;
}

/* A PDF string literal: ( ) \ escaped, Latin-1 letters as WinAnsi octal
 * escapes, anything else (controls, other UTF-8) as '?'. */
static void pdf_string(struct demo_buf *b, const char *utf8)
{
	demo_buf_puts(b, "(");
	for (const unsigned char *p = (const unsigned char *)utf8; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\')
			demo_buf_printf(b, "\\%c", *p);
		else if (*p >= 0x20 && *p < 0x7f)
			demo_buf_printf(b, "%c", *p);
		else if ((*p == 0xc2 || *p == 0xc3) && p[1] >= 0x80 && p[1] < 0xc0) {
			unsigned cp = ((unsigned)(*p & 0x1f) << 6) | (p[1] & 0x3f);
			if (cp >= 0xa0)
				demo_buf_printf(b, "\\%03o", cp);
			else
				demo_buf_puts(b, "?");
			p++;
		} else if (*p < 0x80 || (*p & 0xc0) == 0xc0)
			demo_buf_puts(b, "?");
	}
	demo_buf_puts(b, ")");
}

static void pdf_line(struct demo_buf *b, int y, int size, const char *text)
{
	demo_buf_printf(b, "BT /F1 %d Tf 56 %d Td ", size, y);
	pdf_string(b, text);
	demo_buf_puts(b, " Tj ET\n");
}

/* The page's drawing: the régie, the invoice and its amounts. */
static void pdf_content(struct demo_buf *c, const struct demo_server *srv,
                        const struct demo_invoice *inv)
{
	char amount[32], balance[32];
	demo_format_cents(amount, inv->amount_cents, ',');
	demo_format_cents(balance, inv->balance_cents, ',');
	char *line;
	pdf_line(c, 790, 16, "Ville de L'Horme");
	pdf_line(c, 770, 12, demo_data_regie_name(&srv->data, inv->regie));
	line = demo_xasprintf("Facture n° %s du %s", demo_data_invoice_number(&srv->data, inv),
	                      inv->date);
	pdf_line(c, 720, 14, line);
	free(line);
	line = demo_xasprintf("Famille %s - 12 rue Jean Jaurès, 42152 L'Horme",
	                      demo_data_family_name(&srv->data));
	pdf_line(c, 696, 11, line);
	free(line);
	line = demo_xasprintf("Montant dû : %s EUR     Solde : %s EUR", amount, balance);
	pdf_line(c, 650, 12, line);
	free(line);
	line = demo_xasprintf("A payer avant le %s", inv->due);
	pdf_line(c, 630, 12, line);
	free(line);
	pdf_line(c, 100, 9, "Paiement en ligne sur le Portail familles ou auprès de la régie.");
}

/* A whole PDF file: five objects, their cross-reference table. */
static void pdf_file(struct demo_buf *b, const struct demo_server *srv,
                     const struct demo_invoice *inv)
{
	struct demo_buf content = DEMO_BUF_INIT;
	pdf_content(&content, srv, inv);
	size_t offsets[6];
	demo_buf_puts(b, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
	offsets[1] = b->len;
	demo_buf_puts(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	offsets[2] = b->len;
	demo_buf_puts(b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	offsets[3] = b->len;
	demo_buf_puts(b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	                 "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
	offsets[4] = b->len;
	demo_buf_printf(b, "4 0 obj\n<< /Length %zu >>\nstream\n", content.len);
	demo_buf_add(b, content.data, content.len);
	demo_buf_puts(b, "endstream\nendobj\n");
	offsets[5] = b->len;
	demo_buf_puts(b, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	                 "/Encoding /WinAnsiEncoding >>\nendobj\n");
	size_t xref = b->len;
	demo_buf_puts(b, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		demo_buf_printf(b, "%010zu 00000 n \n", offsets[i]);
	demo_buf_printf(b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	demo_buf_release(&content);
}

/* How the billing software names the file: quoted, as an attachment, for
 * the MAIRIE's first invoice; a bare token, inline, for the others. */
static char *disposition(const struct demo_server *srv, const struct demo_invoice *inv)
{
	if (inv->id == 912 && srv->data.evil)
		return demo_xasprintf("attachment; filename=\"%s\"", evil_filename);
	if (inv->id == 912)
		return demo_xasprintf("attachment; filename=\"Facture_%s.pdf\"", inv->number);
	return demo_xasprintf("inline; filename=%s.pdf", inv->number);
}

static void error_page(struct demo_server *srv, struct demo_reply *rep)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	demo_page_head(b, srv, "Erreur", NULL);
	demo_page_top(b, srv, "» <a href=\"compte.php5\">Mon compte</a> » Erreur");
	demo_buf_puts(b, "      <h1 class=\"titre\">Document indisponible</h1>\n"
	                 "      <p><font color=\"#CC0000\"><b>La facture demandée n'existe pas ou "
	                 "n'est pas encore éditée.</b></font>\n"
	                 "      <p><a href=\"compte_factures.php5\">Retour à mes factures</a>\n");
	demo_page_bottom(b);
}

static struct demo_invoice *invoice_of(struct demo_request *r)
{
	const char *id = demo_req_arg(r, "id");
	if (!id || *id < '0' || *id > '9')
		return NULL;
	char *end;
	errno = 0;
	unsigned long v = strtoul(id, &end, 10);
	if (errno || *end || v > 0xffffffffUL)
		return NULL;
	return demo_data_invoice(&r->srv->data, (unsigned)v);
}

void demo_handle_document(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	if (!demo_require_session(r, rep))
		return;
	struct demo_invoice *inv = invoice_of(r);
	if (!inv || !demo_invoice_has_document(inv)) {
		error_page(srv, rep);
		return;
	}
	demo_buf_release(&rep->body);
	rep->status = 200;
	rep->kind = DEMO_BODY_RAW;
	rep->content_type = "application/pdf";
	pdf_file(&rep->body, srv, inv);
	free(rep->disposition);
	rep->disposition = disposition(srv, inv);
}
