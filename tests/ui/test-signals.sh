#!/bin/sh
# UI tests, as TAP: signals give the terminal back (issue 9, item 4). In
# the interface, the signals that kill (Ctrl-\, a crash, SIGUSR1, SIGALRM)
# restore the terminal modes and leave the alternate screen before the
# process dies of them; at the no-echo password prompt, Ctrl-C cancels at
# once (exit 130) and every signal brings echo back. The terminal is judged
# from the shell around the program: stty -g before and after, the
# alternate screen, the cursor.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

# A sanitizer build reports a SIGSEGV itself (and exits 1): the terminal
# must be back all the same.
asan=no
LC_ALL=C grep -aq __asan_init "$PF_BIN" 2>/dev/null && asan=yes

signum() {
	case $1 in
	HUP) echo 1 ;; INT) echo 2 ;; QUIT) echo 3 ;; ABRT) echo 6 ;; USR1) echo 10 ;;
	SEGV) echo 11 ;; ALRM) echo 14 ;; TERM) echo 15 ;;
	esac
}

# terminal_back NAME WHAT: the pane's shell has its modes (echo...), the
# main screen and a visible cursor again.
terminal_back() {
	if restored "$1" && [ "$($T display -p -t "$1" '#{cursor_flag}')" = 1 ]; then
		ok "$2: terminal restored (stty, main screen, cursor)"
	else
		not_ok "$2: terminal restored (stty, main screen, cursor)"
		diag "stty before: $(cat "$tmp/$1.stty-before" 2>/dev/null)" \
			"stty after:  $(cat "$tmp/$1.stty-after" 2>/dev/null)" \
			"alternate screen: $($T display -p -t "$1" '#{alternate_on}')" \
			"cursor: $($T display -p -t "$1" '#{cursor_flag}')"
	fi
}

# ---- the interface ----

for sig in QUIT SEGV ABRT USR1 ALRM; do
	name=ui$sig
	run_ui "$name" -- --demo
	wait_for "$name" "Famille : MARTIN"
	kill -"$sig" "$(ui_pid "$name")"
	want=$((128 + $(signum "$sig")))
	if ! wait_exit "$name"; then
		not_ok "SIG$sig in the interface: the process ends"
	elif [ "$(exit_status "$name")" = "$want" ]; then
		ok "SIG$sig in the interface: dies of it (status $want)"
	elif [ $asan = yes ] && [ "$sig" = SEGV ] && grep -q AddressSanitizer "$tmp/$name.stderr"; then
		ok "SIG$sig in the interface: reported by the sanitizer"
	else
		not_ok "SIG$sig in the interface: dies of it (status $want)"
		diag "status: $(exit_status "$name")" "$(head -5 "$tmp/$name.stderr")"
	fi
	terminal_back "$name" "SIG$sig in the interface"
done

# ---- the password prompt (a command, no password source) ----

start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
# prompt_case NAME HOW STATUS: at the prompt, HOW (C-c, a signal name, or
# the password typed); then the exit status, and echo back.
prompt_case() {
	run_ui "$1" -- --url "$URL" --user demo invoices
	if ! wait_for "$1" "Mot de passe de demo"; then
		not_ok "$2 at the password prompt: the prompt"
		return
	fi
	case $2 in
	C-c) keys "$1" C-c ;;
	password) text "$1" demo; keys "$1" Enter ;;
	*) kill -"$2" "$(ui_pid "$1")" ;;
	esac
	if wait_exit "$1" && [ "$(exit_status "$1")" = "$3" ]; then
		ok "$2 at the password prompt: exit $3"
	else
		not_ok "$2 at the password prompt: exit $3"
		diag "status: $(exit_status "$1" 2>/dev/null)" "$(head -3 "$tmp/$1.stderr")"
	fi
	terminal_back "$1" "$2 at the password prompt"
}
prompt_case pwok password 0
prompt_case pwint C-c 130
if grep -q "interrompu" "$tmp/pwint.stderr"; then ok "Ctrl-C at the prompt says interrupted"; else
	not_ok "Ctrl-C at the prompt says interrupted"; diag "$(cat "$tmp/pwint.stderr")"; fi
prompt_case pwterm TERM 143
prompt_case pwhup HUP 129
prompt_case pwquit QUIT 131
stop_server

ui_done
