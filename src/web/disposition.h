/* The Content-Disposition header (RFC 6266): the file name a download
 * proposes, as a browser reads it. */
#ifndef PF_WEB_DISPOSITION_H
#define PF_WEB_DISPOSITION_H

/* The file name in a Content-Disposition value ("attachment;
 * filename=\"Facture_F2022-0912.pdf\""): filename* (RFC 8187, UTF-8 or
 * ISO-8859-1, percent-encoded) when it can be read, else filename (a
 * quoted string with its backslash escapes, or a bare token). Whatever the
 * disposition type (attachment, inline or another). Returned as UTF-8:
 * bytes of a plain filename that are not UTF-8 are read as ISO-8859-1, as
 * the header's own charset (and PHP sites sending latin-1) has them.
 * NOT made safe to use as a name: it may hold a path, dots, controls
 * (util/file.h file_name_safe does that). Newly allocated; NULL when the
 * value is NULL, names no file or the name is empty. */
char *http_disposition_filename(const char *value);

#endif
