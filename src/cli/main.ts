#!/usr/bin/env node
import { guardStdio } from './stdio.js';

// A closed pipe or a full device on stdout ends the run with one line (see stdio.ts).
guardStdio({ stdout: process.stdout, stderr: process.stderr });
/** The CLI is a shell over the library: argv in, exit code out. The program is loaded only when there is more to do than print the version. */
const argv = process.argv;
if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
  const { VERSION } = await import('../version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr });
}
