# The demo portal (libmicrohttpd): filled in by its own work.
