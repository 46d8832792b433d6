#!/bin/sh
# Black-box tests of `portail-famille parse invoices`: the real binary on
# every saved page, its JSON compared with the expected JSON, its exit codes.
. "${PF_SRCDIR:-.}/tests/lib.sh"

for page in "$PF_FIXTURES"/invoices/*.html; do
	name=$(basename "$page" .html)
	expected_json="$PF_FIXTURES/invoices/$name.json"
	expected_error="$PF_FIXTURES/invoices/$name.error"
	"$PF_BIN" parse invoices "$page" --json >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ -f "$expected_json" ]; then
		if [ $status -eq 0 ] && jq -S . "$tmp/out" >"$tmp/actual" 2>/dev/null &&
			jq -S . "$expected_json" >"$tmp/expected" && cmp -s "$tmp/actual" "$tmp/expected"; then
			ok "$name: JSON as expected"
		else
			not_ok "$name: JSON as expected (exit $status)"
			diff "$tmp/expected" "$tmp/actual" | head -20 | sed 's/^/# /'
			sed 's/^/# stderr: /' "$tmp/err"
		fi
		# The readable table works on the same page and prints every number.
		"$PF_BIN" parse invoices "$page" >"$tmp/table" 2>/dev/null
		table_status=$?
		missing=0
		for number in $(jq -r '.invoices[].number | select(test("^[A-Za-z0-9/_.-]+$"))' "$expected_json"); do
			grep -qF -- "$number" "$tmp/table" || missing=$((missing + 1))
		done
		check "$name: table lists every invoice" [ "$table_status:$missing" = 0:0 ]
		# CSV, where the fixture says what it must be.
		if [ -f "$PF_FIXTURES/invoices/$name.csv" ]; then
			"$PF_BIN" parse invoices "$page" --csv >"$tmp/csv" 2>/dev/null
			check "$name: CSV as expected" cmp -s "$PF_FIXTURES/invoices/$name.csv" "$tmp/csv"
		fi
	else
		want=$(head -1 "$expected_error")
		if [ $status -eq 5 ] && grep -qiF -- "$want" "$tmp/err"; then
			ok "$name: refused with exit 5 mentioning \"$want\""
		else
			not_ok "$name: refused with exit 5 mentioning \"$want\" (exit $status)"
			sed 's/^/# stderr: /' "$tmp/err"
		fi
		check "$name: nothing on stdout when refused" [ ! -s "$tmp/out" ]
	fi
done

# A big legitimate page is parsed; a page with more attributes on one tag
# than any page needs (they cost tidy 39 s of CPU) is refused, named.
sh "$PF_SRCDIR/bench/gen-invoices.sh" 10000 >"$tmp/10k.html"
"$PF_BIN" parse invoices "$tmp/10k.html" --json >"$tmp/out" 2>"$tmp/err"
check "10,000 invoices (4.4 MB) are parsed" \
	sh -c "[ $? -eq 0 ] && [ \"\$(jq '.invoices | length' '$tmp/out')\" -eq 10000 ]"
awk 'BEGIN { printf "<html><body><div"; for (i = 0; i < 200000; i++) printf " a%d=1", i;
	print ">x</div></body></html>" }' >"$tmp/attributes.html"
"$PF_BIN" parse invoices "$tmp/attributes.html" >"$tmp/out" 2>"$tmp/err"
check "200,000 attributes on one tag: exit 5, the page and the cause named" \
	sh -c "[ $? -eq 5 ] && grep -q 'attributes.html: too many attributes on one element' '$tmp/err'"

# Standard input, usage errors and unreadable files.
"$PF_BIN" parse invoices - --json <"$PF_FIXTURES/invoices/seed.html" >"$tmp/out" 2>/dev/null
check "reads the page from standard input" sh -c "[ $? -eq 0 ] && [ -s '$tmp/out' ]"
"$PF_BIN" parse invoices >/dev/null 2>&1
check "missing FILE is a usage error (exit 2)" [ $? -eq 2 ]
"$PF_BIN" parse >/dev/null 2>&1
check "missing page kind is a usage error (exit 2)" [ $? -eq 2 ]
"$PF_BIN" parse accounts x.html >/dev/null 2>&1
check "unknown page kind is a usage error (exit 2)" [ $? -eq 2 ]
"$PF_BIN" parse invoices --bogus x.html >/dev/null 2>&1
check "unknown option is a usage error (exit 2)" [ $? -eq 2 ]
"$PF_BIN" frobnicate >/dev/null 2>&1
check "unknown command is a usage error (exit 2)" [ $? -eq 2 ]
"$PF_BIN" parse invoices "$tmp/does-not-exist.html" 2>"$tmp/err" >/dev/null
check "unreadable file exits 1 naming the file" sh -c "[ $? -eq 1 ] && grep -q does-not-exist '$tmp/err'"
"$PF_BIN" --version >"$tmp/out"
check "--version prints the version" grep -q "portail-famille" "$tmp/out"

# Commands that make no request never load libcurl (web/curl_lazy.c): its
# libraries are most of a start-up's cost.
LD_DEBUG=files "$PF_BIN" parse invoices "$PF_FIXTURES/invoices/seed.html" >/dev/null 2>"$tmp/ld"
check "parse does not load libcurl" sh -c "grep -q 'file=' '$tmp/ld' && ! grep -q 'file=libcurl' '$tmp/ld'"
LD_DEBUG=files "$PF_BIN" --version >/dev/null 2>"$tmp/ld"
check "--version does not load libcurl" sh -c "grep -q 'file=' '$tmp/ld' && ! grep -q 'file=libcurl' '$tmp/ld'"

# A page that disagrees with itself is reported, not silently accepted.
if [ -f "$PF_FIXTURES/invoices/solde-mismatch.html" ]; then
	"$PF_BIN" parse invoices "$PF_FIXTURES/invoices/solde-mismatch.html" --json >/dev/null 2>"$tmp/err"
	check "Solde dû mismatch is reported on stderr" grep -qi "warning:.*solde" "$tmp/err"
fi

# Escape sequences in page text never reach the terminal raw.
if [ -f "$PF_FIXTURES/invoices/escape-in-names.html" ]; then
	"$PF_BIN" parse invoices "$PF_FIXTURES/invoices/escape-in-names.html" >"$tmp/out" 2>&1
	esc=$(printf '\033')
	check "no ESC byte in the table output" sh -c "! grep -q '$esc' '$tmp/out'"
	"$PF_BIN" parse invoices "$PF_FIXTURES/invoices/escape-in-names.html" --json >"$tmp/out" 2>&1
	check "no ESC byte in the JSON output" sh -c "! grep -q '$esc' '$tmp/out'"
fi

done_testing
