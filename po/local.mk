# The French catalogue. po/fr.po is compiled to
# po/locale/fr/LC_MESSAGES/portail-famille.mo in the build tree, where the
# uninstalled program finds it (PORTAIL_FAMILLE_LOCALEDIR: the tests,
# scripts/run.sh), and installed in $(localedir). `make update-po` pulls
# new strings from the sources into po/fr.po (msgmerge keeps what is
# translated); tests/po-check.sh fails on any string left untranslated.
po_mo = po/locale/fr/LC_MESSAGES/$(PACKAGE).mo
nodist_noinst_DATA = $(po_mo)
CLEANFILES += $(po_mo)
EXTRA_DIST += po/fr.po po/xgettext-sources.sh

$(po_mo): $(srcdir)/po/fr.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(MSGFMT) -c -o $@ $(srcdir)/po/fr.po

install-data-local: install-po
install-po: $(po_mo)
	$(MKDIR_P) '$(DESTDIR)$(localedir)/fr/LC_MESSAGES'
	$(INSTALL_DATA) $(po_mo) '$(DESTDIR)$(localedir)/fr/LC_MESSAGES/$(PACKAGE).mo'
uninstall-local:
	rm -f '$(DESTDIR)$(localedir)/fr/LC_MESSAGES/$(PACKAGE).mo'

update-po:
	cd $(srcdir) && sh po/xgettext-sources.sh >po/$(PACKAGE).pot && \
		$(MSGMERGE) --quiet --update --no-fuzzy-matching --backup=none po/fr.po \
		po/$(PACKAGE).pot && \
		$(MSGATTRIB) --no-obsolete -o po/fr.po po/fr.po && rm -f po/$(PACKAGE).pot
.PHONY: install-po update-po
