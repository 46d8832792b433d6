#!/bin/sh
# UI tests, as TAP: several accounts (issue 12, section 3). The header says
# which profile is in use; A lists the config file's profiles; Enter on
# another logs out and logs in with it (its user, its password command);
# the invoices read for the first account are not shown for the second.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

command -v jq >/dev/null 2>&1 || { echo "1..0 # SKIP jq not installed"; exit 0; }
start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }

mkdir -p "$tmp/config/portail-famille"
printf 'demo\n' >"$tmp/pw"
cat >"$tmp/config/portail-famille/config" <<CONF
url = $URL

[maison]
user = demo
password_command = cat $tmp/pw

[centre]
user = demo
password_command = cat $tmp/pw

[ancien]
user = personne
password_command = cat $tmp/pw
CONF

run_ui acc -- --profile maison
check_screen "--profile maison: logged in" acc "Famille : MARTIN"
check_screen "the header names the profile" acc "Portail familles .*\\[maison\\]"
logins=$(stat_of logins_ok)
keys acc p
wait_for acc "Total à régler"
keys acc A
check_screen "A: the profiles" acc "centre  \\(demo\\)"
if screen acc | grep -q "maison  (demo, en cours)"; then ok "the one in use is marked"; else
	not_ok "the one in use is marked"; screen acc | sed 's/^/#   |/'; fi
if screen acc | grep -q "ancien  (personne)"; then ok "each with its user"; else
	not_ok "each with its user"; fi
keys acc j Enter
check_screen "Enter on centre: logged in again" acc "Famille : MARTIN"
check_screen "the header names centre" acc "Portail familles .*\\[centre\\]"
if [ "$(stat_of logins_ok)" -gt "$logins" ]; then ok "a new login on the portal"; else
	not_ok "a new login on the portal: $(stat_of logins_ok) after $logins"; fi
# A profile the portal refuses: the login screen says so and asks.
keys acc A
check_screen "A again: centre now in use" acc "centre  \\(demo, en cours\\)"
keys acc j Enter
check_screen "ancien: the portal's refusal on the login screen" acc "Mot de passe"
check_screen "the header names ancien" acc "\\[ancien\\]"
keys acc Escape
if wait_exit acc && [ "$(exit_status acc)" = 0 ]; then ok "acc: quits"; else not_ok "acc: quits"; fi

# Without profiles, A says why.
rm -f "$tmp/config/portail-famille/config"
demo_session none PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
keys none A
check_screen "A without profiles: why, on the status line" none "pas de sections \\[NOM\\]"
keys none q o
stop_server
ui_done
