#!/bin/sh
# UI tests, as TAP: signals give the terminal back (issue 9, item 4). In
# the interface, the signals that kill (Ctrl-\, a crash, SIGUSR1, SIGALRM)
# restore the terminal modes and leave the alternate screen before the
# process dies of them. The terminal is judged
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

ui_done
