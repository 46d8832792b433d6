#!/bin/sh
# The network: `invoices` over an emulated slow link (the demo portal's
# throttling: 300 ms before each response, 64 kbit/s) next to the same
# steps done with plain curl commands (requests, bytes received, wall
# time: the median of 3 runs each); then, on an unthrottled demo, the
# requests and bytes of `pay` and `check`, and of a browser-like visit
# (each page with the files it references: curl, a cookie jar and
# compression, like a browser with an empty cache).
# Prints "key value" lines. A benchmark, not a test.
#   bench/net-bench.sh [path/to/portail-famille] [latency-ms] [bandwidth-bps]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=${1:-_build/default/src/portail-famille}
latency=${2:-300}
bandwidth=${3:-8000}
demo=${bin%/src/portail-famille}/src/demo/portail-famille-demo
runs=3
tmp=$(mktemp -d)
trap 'bench_stop_demo; rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", t[int((NR + 1) / 2)] / 1000 }'; }
stat_of() { curl -s "$DEMO_BASE/__demo/stats" | sed -n "s/^ *\"$1\": *\([0-9]*\).*/\1/p"; }

# ours COMMAND...: one run of portail-famille -v on the demo; sets
# requests, bytes (received, headers included) and ms.
ours() {
	start=$(now_ms)
	PORTAIL_FAMILLE_PASSWORD=demo "$bin" -v --url "$DEMO_URL" --user demo "$@" \
		>"$tmp/ours.out" 2>"$tmp/ours.err" </dev/null || true
	ms=$(($(now_ms) - start))
	requests=$(grep -c ' -> ' "$tmp/ours.err" || true)
	bytes=$(sed -n 's/.*(\([0-9]*\) on the wire).*/\1/p' "$tmp/ours.err" | awk '{ s += $1 } END { print s + 0 }')
}

# c ARGS...: one curl request (or two with -L) with the jar, its bytes
# received appended to $tmp/curl.stats.
c() { curl -s --compressed -b "$tmp/jar" -c "$tmp/jar" -w '%{size_download} %{size_header} %{num_redirects}\n' "$@" >>"$tmp/curl.stats"; }
curl_counts() {
	requests=$(awk '{ n += 1 + $3 } END { print n }' "$tmp/curl.stats")
	bytes=$(awk '{ s += $1 + $2 } END { print s }' "$tmp/curl.stats")
}
# The login as a script (or a browser) does it: the page, then the form
# with its hidden jeton, following the redirect to Accueil.
curl_login() {
	rm -f "$tmp/jar"
	c -o "$tmp/login.html" "$DEMO_URL"
	jeton=$(sed -n 's/.*name="jeton" value="\([^"]*\)".*/\1/p' "$tmp/login.html")
	c -o "$tmp/accueil.html" -L \
		--data "jeton=$jeton&txtLogin=demo&txtPassword=demo&btnConnexion=Se+connecter" "$DEMO_URL"
}
curl_invoices() {
	: >"$tmp/curl.stats"
	start=$(now_ms)
	curl_login
	c -o "$tmp/factures.html" "$DEMO_BASE/v4/compte_factures.php5"
	ms=$(($(now_ms) - start))
	grep -q 'F2022-0912' "$tmp/factures.html" || { echo "curl did not reach the invoices" >&2; exit 1; }
	curl_counts
}

# ---- invoices on the slow link, alternating, each on its own demo ----
: >"$tmp/ours.ms"
: >"$tmp/curl.ms"
i=0
while [ $i -lt $runs ]; do
	bench_start_demo "$demo" "$tmp" --latency-ms "$latency" --bandwidth-bps "$bandwidth"
	before=$(stat_of connections)
	ours invoices --json
	grep -q '"F2022-0912"' "$tmp/ours.out" || { cat "$tmp/ours.err" >&2; exit 1; }
	echo "$ms" >>"$tmp/ours.ms"
	ours_requests=$requests ours_bytes=$bytes
	ours_connections=$(($(stat_of connections) - before - 1))
	before=$(stat_of connections)
	curl_invoices
	echo "$ms" >>"$tmp/curl.ms"
	curl_requests=$requests curl_bytes=$bytes
	curl_connections=$(($(stat_of connections) - before - 1))
	i=$((i + 1))
done
echo "link $latency ms, $bandwidth bytes/s"
echo "invoices.ours.requests $ours_requests"
echo "invoices.ours.bytes $ours_bytes"
echo "invoices.ours.connections $ours_connections"
echo "invoices.ours.wall $(median <"$tmp/ours.ms")"
echo "invoices.curl.requests $curl_requests"
echo "invoices.curl.bytes $curl_bytes"
echo "invoices.curl.connections $curl_connections"
echo "invoices.curl.wall $(median <"$tmp/curl.ms")"

# ---- a month's commands, unthrottled: requests and bytes only ----
bench_start_demo "$demo" "$tmp" --family current
ours check
echo "check.ours.requests $requests"
echo "check.ours.bytes $bytes"
ours pay --invoice F2022-0912
grep -q '/tpa/paiementws.web?idop=' "$tmp/ours.out" || { cat "$tmp/ours.err" >&2; exit 1; }
echo "pay.ours.requests $requests"
echo "pay.ours.bytes $bytes"

# ---- a browser: each page and what it references, fetched once a visit ----
bench_start_demo "$demo" "$tmp"
assets() {
	for a in css/portail.css images/payer.gif images/menu_on.gif; do
		c -o /dev/null "$DEMO_BASE/v4/$a"
	done
	c -o /dev/null "$DEMO_BASE/favicon.ico"
}
: >"$tmp/curl.stats"
curl_login
assets
c -o "$tmp/factures.html" "$DEMO_BASE/v4/compte_factures.php5"
curl_counts
echo "browser.invoices.requests $requests"
echo "browser.invoices.bytes $bytes"
# A payment: the same visit, then the Règlement and its pop-up, up to the
# payment site's address (where portail-famille stops too).
c -o "$tmp/reglement.html" --data 'idregie=1&fact%5B%5D=912&btnReglement=R%E8glement' \
	"$DEMO_BASE/v4/compte_factures.php5"
popup=$(grep -o "window.open('[^']*'" "$tmp/reglement.html" | sed "s/window.open('//; s/'\$//")
c -o "$tmp/popup.html" "$DEMO_BASE$popup"
grep -q 'paiementws.web?idop=' "$tmp/popup.html" || { echo "the browser visit did not reach the payment" >&2; exit 1; }
curl_counts
echo "browser.pay.requests $requests"
echo "browser.pay.bytes $bytes"
