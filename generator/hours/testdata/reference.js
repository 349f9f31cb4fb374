// Evaluates every value of a corpus with opening_hours.js, the reference
// implementation, and prints JSON for TestDifferential: for each value
// whether the reference accepts it (or its error) and its open intervals
// in each window. Run with TZ=Europe/Stockholm:
//   node reference.js NODE_MODULES CORPUS LAT LON FROM,TO ...
// where FROM and TO are local dates (2026-11-16) and TO is exclusive.
'use strict';
const path = require('path');
const fs = require('fs');
const [modules, corpus, lat, lon, ...windows] = process.argv.slice(2);
const OpeningHours = require(path.resolve(modules, 'opening_hours'));
const nominatim = { lat: lat, lon: lon, address: { country_code: 'se', state: 'Västernorrlands län' } };
const local = (s) => { const [y, m, d] = s.split('-').map(Number); return new Date(y, m - 1, d); };
const out = [];
for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
  if (line.trim() === '' || line.startsWith('#')) continue;
  const value = line;
  const res = { value: value, ok: false, error: '', windows: [] };
  try {
    const oh = new OpeningHours(value, nominatim, { mode: 0 });
    for (const w of windows) {
      const [from, to] = w.split(',').map(local);
      res.windows.push(oh.getOpenIntervals(from, to).map((i) => [i[0].getTime(), i[1].getTime(), !!i[2], i[3] === undefined ? '' : String(i[3])]));
    }
    res.ok = true;
  } catch (e) {
    res.error = String(e).split('\n')[0];
    res.windows = [];
  }
  out.push(res);
}
process.stdout.write(JSON.stringify(out));
