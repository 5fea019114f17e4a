// npm run verify:django — every lesson listing and the practice questions on real Django 5.2.
// Creates .venv (python3 -m venv, pip install 'django==5.2.*') on first use, exports the lessons'
// traces from the engine, then runs the Python driver (verify.py) and passes on its exit code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const venv = join(root, '.venv');
const python = join(venv, 'bin', 'python');

function djangoReady() {
  if (!existsSync(python)) return false;
  const probe = spawnSync(python, ['-c', 'import django; assert django.VERSION[:2] == (5, 2)']);
  return probe.status === 0;
}

if (!djangoReady()) {
  console.log("verify-django: creating .venv with 'django==5.2.*'");
  execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--retries', '1', 'django==5.2.*'], {
    stdio: 'inherit',
  });
}

const work = mkdtempSync(join(tmpdir(), 'verify-django-'));
try {
  const exported = join(work, 'export.json');
  execFileSync(process.execPath, [join(here, 'export.mjs'), exported, '200', '300'], {
    stdio: 'inherit',
  });
  const result = spawnSync(python, [join(here, 'verify.py'), exported], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
