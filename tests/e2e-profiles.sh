#!/bin/sh
# Several accounts (issue 12, section 3): the config file's [NAME] sections
# are profiles over its defaults; --profile NAME or PORTAIL_FAMILLE_PROFILE
# chooses one (else the defaults' "profile", else the only one); the
# command line wins over both; `profiles` lists them. Against the demo
# portal, whose one family logs in as martin.
. "${PF_SRCDIR:-.}/tests/lib.sh"

export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/portail-famille"
unset PORTAIL_FAMILLE_PROFILE PORTAIL_FAMILLE_PASSWORD
conf="$XDG_CONFIG_HOME/portail-famille/config"
printf 'demo-pw\n' >"$tmp/pw"

start_demo --user martin --password demo-pw || exit 1

# pf ARGS...: the client with that config; stdout in $tmp/out, stderr in
# $tmp/err, the exit status in $status.
pf() {
	"$PF_BIN" --timeout 5 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
}

cat >"$conf" <<CONF
# The portal's address for every account unless one says otherwise.
url = $DEMO_URL

[martin]
user = martin
password_command = cat $tmp/pw

[ancien]
user = nobody
password_command = cat $tmp/pw
CONF

pf --profile martin invoices --json
expect_exit 0 "--profile martin: its user and password command, the defaults' url"
check "the invoices of martin's family" [ "$(jq '.invoices | length' "$tmp/out")" = 4 ]
PORTAIL_FAMILLE_PROFILE=martin pf invoices --json
expect_exit 0 "PORTAIL_FAMILLE_PROFILE=martin"
pf invoices --json --profile ancien
expect_exit 3 "--profile ancien (after the command): its user, refused by the portal"
PORTAIL_FAMILLE_PROFILE=ancien pf --profile martin invoices --json
expect_exit 0 "--profile wins over PORTAIL_FAMILLE_PROFILE"
pf --profile martin --user nobody invoices --json
expect_exit 3 "the command line's --user wins over the profile's"
pf invoices --json
expect_exit 2 "two profiles, none chosen, no default user: a usage error"
check "it names the profiles and how to choose" \
	grep -q 'several profiles (martin, ancien): choose one with --profile NAME or PORTAIL_FAMILLE_PROFILE' "$tmp/err"
pf --profile inconnu invoices --json
expect_exit 2 "an unknown profile"
check "it names the file's profiles" grep -q 'no profile "inconnu" in .* (its profiles: martin, ancien)' "$tmp/err"

pf profiles
expect_exit 0 "profiles"
check "one line a profile: name, user, url" grep -q "^  martin  *martin  *$DEMO_URL\$" "$tmp/out"
check "two lines" [ "$(wc -l <"$tmp/out")" -eq 2 ]
pf --profile ancien profiles
check "the chosen one marked" grep -q '^\* ancien  *nobody' "$tmp/out"
pf profiles --json
check "profiles --json" [ "$(jq -c '[.profiles[] | [.name, .user, .selected]]' "$tmp/out")" = '[["martin","martin",false],["ancien","nobody",false]]' ]
check "profiles --json names the file" [ "$(jq -r .config_file "$tmp/out")" = "$conf" ]

# The defaults' "profile" chooses one.
{ printf 'profile = martin\n'; cat "$conf"; } >"$tmp/with-default"
pf --config "$tmp/with-default" invoices --json
expect_exit 0 "profile = martin in the defaults"
pf --config "$tmp/with-default" profiles
check "profiles marks the defaults' choice" grep -q '^\* martin ' "$tmp/out"

# One section only: it is the account (a config written before profiles).
printf '[portail]\nurl = %s\nuser = martin\npassword_command = cat %s\n' "$DEMO_URL" "$tmp/pw" >"$tmp/one"
pf --config "$tmp/one" invoices --json
expect_exit 0 "a single section is used without --profile"

# Keys per profile: timeout, and errors naming the line.
printf 'url = %s\n[a]\nuser = martin\npassword_command = cat %s\ntimeout = 30\n' "$DEMO_URL" "$tmp/pw" >"$tmp/timeout"
pf --config "$tmp/timeout" invoices --json
expect_exit 0 "timeout in a profile"
printf '[a]\nuser = martin\ncolour = red\n' >"$tmp/unknown"
pf --config "$tmp/unknown" invoices --json
expect_exit 2 "an unknown key in a profile"
check "it names the line" grep -q 'line 3: expected url, user' "$tmp/err"
printf '[a]\ntimeout = soon\n' >"$tmp/badtimeout"
pf --config "$tmp/badtimeout" invoices --json
expect_exit 2 "a timeout that is not 1 to 3600 seconds"
printf '[a]\nprofile = b\n' >"$tmp/profile-in-section"
pf --config "$tmp/profile-in-section" profiles
expect_exit 2 "\"profile\" inside a section is not a key"

# No config file: profiles says so on stderr, nothing on stdout.
rm -f "$conf"
pf profiles
expect_exit 0 "profiles without a config file"
check "nothing on stdout" [ ! -s "$tmp/out" ]
check "why, on stderr" grep -q 'no profiles: there is no config file' "$tmp/err"
pf --profile martin invoices
expect_exit 2 "--profile without a config file"
done_testing
