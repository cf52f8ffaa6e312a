// `npm start`: the desktop app where Electron is installed; otherwise (as on machines where its
// binary cannot be downloaded) the same renderer as a web page, said plainly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const desktop = electronBinary() !== null;
if (!desktop) {
  console.log(
    'Electron is not installed on this machine (its binary download was skipped or failed),\n' +
      'so Galley starts as a web page instead. Open the URL below in a browser.\n',
  );
}
const [command, args] = desktop
  ? ['npx', ['electron-vite', 'preview']]
  : ['npx', ['vite', '--config', 'vite.web.config.ts', '--host', '127.0.0.1']];
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
