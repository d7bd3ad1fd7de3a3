#!/usr/bin/env node
// chrono-node on the date table: agreement with the expected start date and
// phrases per second. Usage: node dates_peers.js CASES.tsv REPEAT
// Run with TZ=UTC. chrono-node must be resolvable (NODE_PATH).
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

const [file, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg || 20);
const cases = fs.readFileSync(file, 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => { const f = l.split('\t'); return { text: f[0], ref: f[1], phrase: f[2], start: f[3] }; });

const iso = (d) => d.toISOString().slice(0, 10);
let agree = 0;
for (const c of cases) {
  const ref = new Date(c.ref + 'T12:00:00Z');
  const r = chrono.parse(c.text, ref);
  if (c.phrase === '-') { if (r.length === 0) agree++; continue; }
  if (r.length > 0 && iso(r[0].start.date()) === c.start) agree++;
}
const c0 = process.cpuUsage();
let found = 0;
for (let i = 0; i < repeat; i++) {
  for (const c of cases) found += chrono.parse(c.text, new Date(c.ref + 'T12:00:00Z')).length;
}
const c1 = process.cpuUsage(c0);
const secs = (c1.user + c1.system) / 1e6;  // CPU seconds, as for eventline
console.log(JSON.stringify({ tool: 'chrono-node', cases: cases.length, agree,
  sentences_per_s: (cases.length * repeat) / secs, found }));
