#!/usr/bin/env bash
# Lighthouse on the public pages, mobile form factor and default (simulated) throttling: starts the hub
# in demo mode on a throwaway SQLite file, runs each page RUNS times (median performance score) and
# prints a markdown table for docs/performance.md (progress on stderr). Reports stay in
# artifacts/lighthouse/ (git-ignored), where Lighthouse itself is installed from npm when missing.
#   tests/Hub.Benchmarks/lighthouse.sh            # every public page, 3 runs each
#   RUNS=1 tests/Hub.Benchmarks/lighthouse.sh /refer /help/urgent
# Needs Node.js 18.16+ (npm) and Chromium (CHROME_PATH, default /usr/bin/chromium). See README.md here.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
version=12.8.2   # the last Lighthouse that runs on Node.js 20
tool=$root/artifacts/lighthouse/tool
reports=$root/artifacts/lighthouse/reports
runs=${RUNS:-3}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  # The link pages: a link that cannot be used (an invented token) and the page to ask for a new one.
  pages=(/ /refer /refer/sent /help/urgent /help/privacy /help/accessibility /my/signed-out /my/new-link
         /my/link/lighthouse-invented-token-0000000000000000)
fi

if [ ! -x "$tool/node_modules/.bin/lighthouse" ]; then
  echo "Installing Lighthouse $version into $tool..." >&2
  mkdir -p "$tool"
  npm install --prefix "$tool" --no-audit --no-fund --loglevel=error "lighthouse@$version" >&2
fi

echo "Building the hub..." >&2
dotnet build src/Hub.Web -nologo -v quiet >&2
data=$(mktemp -d /tmp/hub-lighthouse-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://localhost:$port
# What `dotnet run` does (Development: demo mode, SQLite), on a database of its own, as one process we can stop.
(cd src/Hub.Web && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Hub="Data Source=$data/hub.db" \
  exec dotnet bin/Debug/net10.0/Hub.Web.dll --urls="$base") > "$data/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/" && break
  kill -0 $hub 2>/dev/null || { cat "$data/hub.log" >&2; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "$base/" || { echo "The hub did not start; see $data/hub.log" >&2; exit 1; }

rm -rf "$reports"
mkdir -p "$reports"
for page in "${pages[@]}"; do
  name=$(echo "$page" | sed 's#^/##; s#/#-#g; s#^$#start#')
  for run in $(seq 1 "$runs"); do
    # On a busy machine Chromium's trace is now and then unusable (NO_NAVSTART): try that run again.
    for attempt in 1 2 3; do
      echo "Lighthouse $page (run $run of $runs)..." >&2
      "$tool/node_modules/.bin/lighthouse" "$base$page" --quiet --form-factor=mobile \
        --only-categories=performance,accessibility,best-practices \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
        --output=json --output-path="$reports/$name.$run.json" >&2 || echo "Lighthouse failed on $page" >&2
      node -e 'const r = require(process.argv[1]); process.exit(r.runtimeError ? 1 : 0)' "$reports/$name.$run.json" 2>/dev/null && break
    done
  done
done

node - "$reports" "$runs" "${pages[@]}" <<'NODE'
const fs = require('fs');
const [reports, runs, ...pages] = process.argv.slice(2);
const pct = s => s == null ? 'failed' : Math.round(s * 100).toString();
const kb = b => (b / 1024).toFixed(1);
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const rows = [], failing = new Map(), warnings = new Set(), notes = [];
let version = '';
for (const page of pages) {
  const name = page.replace(/^\//, '').replace(/\//g, '-') || 'start';
  const label = page.replace(/^\/my\/link\/.+$/, '/my/link/{an invented token}');
  const results = [];
  for (let run = 1; run <= Number(runs); run++) {
    const file = `${reports}/${name}.${run}.json`;
    if (fs.existsSync(file)) results.push(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  const good = results.filter(r => r.categories.performance.score != null);
  if (good.length === 0) { rows.push(`| ${label} | failed | | | | | |`); continue; }
  version = good[0].lighthouseVersion;
  results.forEach(r => (r.runWarnings ?? []).forEach(w => warnings.add(w.replace(/\s+/g, ' ').replace(/ Learn more.*$/, ''))));
  const perf = good.map(r => r.categories.performance.score);
  const best = good.find(r => r.categories.performance.score === median(perf));
  const audits = best.audits;
  const transfer = audits['total-byte-weight'].numericValue;
  const requests = (audits['network-requests'].details?.items ?? []).length;
  const metric = id => audits[id].displayValue.replace(/\u00a0/g, ' ');
  rows.push(`| ${label} | ${pct(median(perf))} (${results.map(r => pct(r.categories.performance.score)).join(', ')}) | ` +
    `${pct(best.categories.accessibility.score)} | ${pct(best.categories['best-practices'].score)} | ${kb(transfer)} KB in ${requests} requests | ` +
    `${metric('first-contentful-paint')} / ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} / ${metric('cumulative-layout-shift')} |`);
  for (const category of ['accessibility', 'best-practices']) {
    best.categories[category].auditRefs
      .filter(ref => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
      .forEach(ref => {
        const key = `${category}: ${ref.id} (${audits[ref.id].title})`;
        failing.set(key, [...(failing.get(key) ?? []), label]);
      });
  }
  if (page === '/refer') {
    const items = audits['network-requests'].details.items
      .map(i => `${i.url.replace(/^https?:\/\/[^/]+/, '')} ${kb(i.transferSize)} KB`);
    notes.push(`- /refer downloads ${kb(transfer)} KB (as sent: compressed where the hub compresses): ${items.join(', ')}`);
  }
}
console.log(`Lighthouse ${version}, mobile, default simulated throttling, ${runs} run(s) a page (performance: the median, then each run).`);
console.log('');
console.log('| page | performance | accessibility | best practices | transfer size | FCP / LCP | TBT / CLS |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
rows.forEach(r => console.log(r));
console.log('');
for (const [audit, where] of failing) notes.push(`- Failing ${audit} on ${where.length === rows.length ? 'every page' : where.join(', ')}`);
for (const warning of warnings) notes.push(`- Lighthouse warned: ${warning}`);
if (notes.length === 0) notes.push('- No failing accessibility or best-practices audit.');
notes.forEach(n => console.log(n));
NODE
