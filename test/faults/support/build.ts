// The fault tests run the built app as `npm start` does: build it once for the run (incremental, so quick when up to date).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function build(): void {
  execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '..', '..', '..'), stdio: 'inherit' });
}
