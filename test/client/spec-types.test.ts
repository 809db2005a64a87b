import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const GENERATED_FILE = join(ROOT, 'src', 'client', 'generated', 'spec-types.ts');

describe('generated spec types', () => {
  it('match a fresh openapi-typescript run', () => {
    const fresh = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), 'spec/openapi.yaml'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
    );

    // A mismatch means spec/openapi.yaml changed: run `npm run generate:client-types`.
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(fresh);
  });
});
