#!/bin/sh
# Login → invoices → payment URL over an emulated slow link (the demo
# portal's throttling: 300 ms before each response, 64 kbit/s), by
# portail-famille and by the same steps done with plain curl commands.
# Prints requests, bytes on the wire and wall time for each.
# A benchmark, not a test.
#   bench/net-bench.sh [path/to/portail-famille] [latency-ms] [bandwidth-bps]
set -eu
bin=${1:-_build/default/src/portail-famille}
latency=${2:-300}
bandwidth=${3:-8000}
demo=${bin%/src/portail-famille}/src/demo/portail-famille-demo
tmp=$(mktemp -d)
pid=
cleanup() {
	exec 9>&- 2>/dev/null || true
	[ -z "$pid" ] || wait "$pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

start_demo() {
	exec 9>&- 2>/dev/null || true
	[ -z "$pid" ] || wait "$pid" 2>/dev/null || true
	rm -f "$tmp/in" "$tmp/url"
	mkfifo "$tmp/in"
	"$demo" --latency-ms "$latency" --bandwidth-bps "$bandwidth" <"$tmp/in" >"$tmp/url" 2>/dev/null &
	pid=$!
	exec 9>"$tmp/in"
	while [ ! -s "$tmp/url" ]; do sleep 0.05; done
	url=$(head -1 "$tmp/url")
	base=${url%/v4/login.php5}
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# ---- portail-famille ----
start_demo
export HOME="$tmp" XDG_STATE_HOME="$tmp/state"
start=$(now_ms)
PORTAIL_FAMILLE_PASSWORD=demo "$bin" -v --url "$url" --user demo pay --invoice F2022-0912 \
	>"$tmp/ours.out" 2>"$tmp/ours.err" </dev/null
ours_ms=$(($(now_ms) - start))
ours_requests=$(grep -c ' -> ' "$tmp/ours.err")
ours_bytes=$(sed -n 's/.*(\([0-9]*\) on the wire).*/\1/p' "$tmp/ours.err" | awk '{ s += $1 } END { print s }')
grep -q '/tpa/paiementws.web?idop=' "$tmp/ours.out" || { cat "$tmp/ours.err" >&2; exit 1; }

# ---- plain curl, the same steps a script would take ----
start_demo
jar=$tmp/cookies
: >"$tmp/curl.stats"
c() { curl -s --compressed -b "$jar" -c "$jar" -w '%{size_download} %{size_header}\n' "$@" 2>/dev/null; }
start=$(now_ms)
c -o "$tmp/login.html" "$url" >>"$tmp/curl.stats"
jeton=$(sed -n 's/.*name="jeton" value="\([^"]*\)".*/\1/p' "$tmp/login.html")
c -o /dev/null -L --data "jeton=$jeton&txtLogin=demo&txtPassword=demo&btnConnexion=Se+connecter" \
	"$url" >>"$tmp/curl.stats"
c -o "$tmp/factures.html" "$base/v4/compte_factures.php5" >>"$tmp/curl.stats"
c -o "$tmp/reglement.html" --data 'idregie=1&fact%5B%5D=912&btnReglement=R%E8glement' \
	"$base/v4/compte_factures.php5" >>"$tmp/curl.stats"
popup=$(grep -o "window.open('[^']*'" "$tmp/reglement.html" | sed "s/window.open('//; s/'\$//")
c -o "$tmp/popup.html" "$base$popup" >>"$tmp/curl.stats"
curl_ms=$(($(now_ms) - start))
grep -q 'paiementws.web?idop=' "$tmp/popup.html" || { echo "curl steps did not reach the payment link" >&2; exit 1; }
# The -L login follows one redirect: two requests in one command.
curl_requests=$(($(wc -l <"$tmp/curl.stats") + 1))
curl_bytes=$(awk '{ s += $1 + $2 } END { print s }' "$tmp/curl.stats")

printf 'link: %s ms latency, %s bytes/s\n' "$latency" "$bandwidth"
printf '%-16s %9s %12s %10s\n' client requests "wire bytes" "wall (s)"
printf '%-16s %9s %12s %10s\n' portail-famille "$ours_requests" "$ours_bytes" \
	"$(awk -v m="$ours_ms" 'BEGIN { printf "%.2f", m / 1000 }')"
printf '%-16s %9s %12s %10s\n' "plain curl" "$curl_requests" "$curl_bytes" \
	"$(awk -v m="$curl_ms" 'BEGIN { printf "%.2f", m / 1000 }')"
echo "(portail-famille also logs out at the end; curl's count includes the login redirect)"
