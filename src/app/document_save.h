/* Saving an invoice's document: fetched by the session, named, written
 * whole (util/file.h) and never over a file already there unless asked.
 * Shared by `download` and the interface's d key. */
#ifndef PF_APP_DOCUMENT_SAVE_H
#define PF_APP_DOCUMENT_SAVE_H

#include <stdbool.h>

#include "exit_codes.h"
#include "portal/session.h"

struct document_dest {
	/* A directory, or the file to write (then for one document only);
	 * NULL = the current directory. A name ending in '/' must be an
	 * existing directory. */
	const char *path;
	bool force; /* replace a file already there */
};

struct document_saved {
	char *path;   /* where the document is, owned */
	bool existed; /* a file was already there: nothing was written */
};
void document_saved_clear(struct document_saved *saved);

/* True when dest->path names a directory (or is NULL). */
bool document_dest_is_dir(const struct document_dest *dest);

/* The name a document gets in a directory: the one its Content-Disposition
 * proposed (proposed, may be NULL), made safe (file_name_safe), with
 * "-NUMBER" before its extension when it does not hold the invoice's
 * number (so that two invoices never share a name); else
 * "facture-NUMBER.pdf" (.jpg, .png, .tif or .txt when content_type says
 * so). Newly allocated. */
char *document_file_name(const char *number, const char *proposed, const char *content_type);

/* Fetches invoice number's document from url (its document_url) and saves
 * it as dest says: in a directory under document_file_name(), or as the
 * file dest names (checked before fetching). A file already there is
 * replaced only with force; otherwise EXIT_OK with saved->existed set and
 * nothing written (the caller decides whether that is an error). Written
 * whole with mode 0600. The portal's failures as portal_fetch_document
 * says; a file that cannot be written EXIT_ERROR. saved->path is set on
 * EXIT_OK only. */
enum exit_code document_save(struct portal *portal, const char *number, const char *url,
                             const struct document_dest *dest, struct document_saved *saved,
                             char **errp);

#endif
