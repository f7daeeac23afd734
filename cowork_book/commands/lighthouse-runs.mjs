// Lighthouse runs one after another from one Node.js process, for cowork_book/commands/lighthouse.py (Runs).
//
// Each run is what the `lighthouse` command does: a fresh Chromium (chrome-launcher, CHROME_PATH), one report.
// Only Node.js's start and the loading of Lighthouse's modules are shared; the command spent about 3 s of a
// 12 s run on them. Reads one job per line on stdin, {"url", "output", "flags"} (flags as the command's
// options, e.g. {"throttling": {"cpuSlowdownMultiplier": 2.5}}), writes the JSON report to `output` and
// answers one line on stdout: "ok", or "error: <message>".
import fs from 'node:fs';
import readline from 'node:readline';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const chromeFlags = JSON.parse(process.argv[2] || '[]');

for await (const line of readline.createInterface({input: process.stdin})) {
  const job = JSON.parse(line);
  let chrome;
  try {
    chrome = await chromeLauncher.launch({chromeFlags, logLevel: 'silent'});
    const flags = {...job.flags, port: chrome.port, output: 'json', logLevel: 'silent', channel: 'cli'};
    const result = await lighthouse(job.url, flags);
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    fs.writeFileSync(job.output, result.report);
    console.log('ok');
  } catch (error) {
    console.log(`error: ${String(error?.message || error).split('\n')[0]}`);
  } finally {
    chrome?.kill();
  }
}
