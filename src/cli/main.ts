#!/usr/bin/env node
import { runCli } from './program.js';
import { guardStdio } from './stdio.js';

// A closed pipe or a full device on stdout ends the run with one line (see stdio.ts).
guardStdio({ stdout: process.stdout, stderr: process.stderr });
/** The CLI is a shell over the library: argv in, exit code out. */
const exitCode = await runCli(process.argv, { stdout: process.stdout, stderr: process.stderr });
process.exitCode = exitCode;
