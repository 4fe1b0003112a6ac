/**
 * Every test file gets a lab state directory of its own (vitest setupFiles), inherited by the
 * CLIs it spawns: a developer's running labs never answer a test's `check`, and the labs one
 * file's `up` records are never "the only running lab" for another file's `check`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-state-'));
process.env.LABFLEET_STATE_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
