/* The directory the interface saves documents in: the desktop's
 * "Downloads" folder. */
#ifndef PF_APP_DOWNLOAD_DIR_H
#define PF_APP_DOWNLOAD_DIR_H

/* The first existing directory of: $XDG_DOWNLOAD_DIR; what
 * `xdg-user-dir DOWNLOAD` prints, when it is in $PATH and names another
 * directory than $HOME (its answer when nothing is set); ~/Téléchargements;
 * ~/Downloads; else the current directory. xdg-user-dir runs without a
 * shell, its standard error and input on /dev/null (curses may be up),
 * for at most 2 s. Never fails: newly allocated. */
char *download_dir_find(void);

#endif
