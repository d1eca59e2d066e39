#!/usr/bin/env node
// `node scripts/build-if-needed-cli.mjs`: builds the dashboard when its build is missing or stale.
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
