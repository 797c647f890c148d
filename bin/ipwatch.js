#!/usr/bin/env node
// The ipwatch command: runs the TypeScript CLI through tsx so a checkout works right after `npm install`.
import { register } from 'tsx/esm/api';
register();
await import('./cli.ts');
