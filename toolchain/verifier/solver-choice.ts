// Which z3 answers: the native `z3` on PATH when there is one, else the embedded wasm build. A
// module of its own so that a host can choose without loading the verifier (the IDE's verifier
// runs on a worker thread).
import { execFileSync } from 'node:child_process';

let nativeChecked: boolean | null = null;
/** Whether a native `z3` is on PATH (checked once). */
export function nativeZ3Available(): boolean {
  if (nativeChecked === null) {
    try {
      execFileSync('z3', ['--version'], { stdio: 'pipe', timeout: 5000 });
      nativeChecked = true;
    } catch {
      nativeChecked = false;
    }
  }
  return nativeChecked;
}

/** The `auto` solver (the CLI's and the IDE's default): native z3 when it is on PATH, else wasm. */
export function autoSolver(): 'native' | 'wasm' {
  return nativeZ3Available() ? 'native' : 'wasm';
}
