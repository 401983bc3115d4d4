// The QEMU console: the kernel's serial port in xterm.js (colours, scrollback, search), what you
// type goes to the kernel; Stop and Restart; a header saying what was booted; the proof gate.
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { LONG_TIMEOUT_MS, subscribeConsole, useBoot, type BootActions } from '../state/boot-store';

function GateDialog({ actions }: { actions: BootActions }) {
  const gate = useBoot((s) => s.gate);
  const [remember, setRemember] = useState(false);
  if (!gate) return null;
  const shown = gate.functions.slice(0, 8);
  const timedOut = gate.hostMessage && /time(d)? ?out/i.test(gate.hostMessage) ? Math.max(1, gate.functions.length) : gate.functions.filter((f) => f.status === 'timeout').length;
  return (
    <div role="alertdialog" aria-label="Proof gate" className="gate-dialog">
      {gate.hostMessage ? (
        <p>
          <strong>Boot refused:</strong> {gate.hostMessage}.
        </p>
      ) : (
        <p>
          <strong>Boot refused:</strong> {gate.functions.length} function{gate.functions.length === 1 ? ' is' : 's are'} not verified:{' '}
          {shown.map((f) => `${f.name} (${f.status})`).join(', ')}
          {gate.functions.length > shown.length ? `, and ${gate.functions.length - shown.length} more` : ''}.
        </p>
      )}
      {timedOut > 0 && (
        <p>
          {timedOut === gate.functions.length ? 'They' : `${timedOut} of them`} timed out: not proved within the time limit, which a busy machine can hit.{' '}
          <button onClick={() => void actions.verifyLongerAndBoot()}>Verify with {LONG_TIMEOUT_MS / 1000} s</button> and boot if they verify.
        </p>
      )}
      <label>
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Don't gate boots on proofs in this workspace
      </label>
      <button onClick={() => void actions.bootAnyway(remember)}>Boot anyway</button>
      <button onClick={actions.dismissGate}>Cancel</button>
    </div>
  );
}

/** Build & Boot with unsaved edits: the build reads the disk, so say so and offer to save first. */
function UnsavedDialog({ actions }: { actions: BootActions }) {
  const unsaved = useBoot((s) => s.unsaved);
  if (!unsaved) return null;
  return (
    <div role="alertdialog" aria-label="Unsaved changes" className="gate-dialog">
      <p>
        <strong>{unsaved.length} file{unsaved.length === 1 ? ' has' : 's have'} unsaved changes</strong> ({unsaved.join(', ')}). The build compiles the files on disk.
      </p>
      <button onClick={() => void actions.saveAllAndBoot()}>Save all and boot</button>
      <button onClick={() => void actions.bootSaved()}>Boot the saved files</button>
      <button onClick={actions.dismissGate}>Cancel</button>
    </div>
  );
}

export function QemuConsole({ actions }: { actions: BootActions }) {
  const host = useRef<HTMLDivElement>(null);
  const search = useRef<SearchAddon | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<boolean | null>(null);
  const phase = useBoot((s) => s.phase);
  const header = useBoot((s) => s.header);
  const result = useBoot((s) => s.result);
  const settings = useBoot((s) => s.settings);

  useEffect(() => {
    const term = new Terminal({
      convertEol: false,
      scrollback: 10_000,
      fontSize: 12,
      fontFamily: 'ui-monospace, Menlo, monospace',
      theme: { background: '#1e1e1e' },
      screenReaderMode: true,
    });
    const fit = new FitAddon();
    const searchAddon = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(searchAddon);
    search.current = searchAddon;
    term.open(host.current!);
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // Not laid out yet (hidden tab).
      }
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(host.current!);
    const unsubscribe = subscribeConsole((text) => term.write(text));
    const input = term.onData((data) => actions.input(data));
    return () => {
      observer.disconnect();
      unsubscribe();
      input.dispose();
      term.dispose();
    };
  }, [actions]);

  const running = phase === 'building' || phase === 'booting' || phase === 'running';
  return (
    <div className="qemu-console">
      <div className="console-toolbar" role="toolbar" aria-label="Console controls">
        <span className="console-header" aria-label="Booted">
          {header
            ? `${header.commit ?? 'no git'}${header.dirty ? ' (dirty)' : ''} · ${header.verified}/${header.total} verified · trusted ${header.trustedLines ?? '?'} lines`
            : 'Nothing booted yet'}
        </span>
        <span className="console-state" role="status" aria-label="QEMU state">
          {phase === 'exited' && result
            ? `exited: status ${result.status} (${result.reason}) after ${(result.durationMs / 1000).toFixed(2)} s`
            : phase}
        </span>
        <button onClick={() => void actions.restart()} disabled={phase === 'idle'}>
          Restart
        </button>
        <input
          type="search"
          aria-label="Search console"
          placeholder="Search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFound(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || !search.current) return;
            setFound(e.shiftKey ? search.current.findPrevious(query) : search.current.findNext(query));
          }}
        />
        {found !== null && (
          <span className="muted" role="status" aria-label="Search result">
            {found ? 'found' : 'not found'}
          </span>
        )}
        <label className="gate-setting">
          <input type="checkbox" checked={settings?.proofGate ?? true} onChange={(e) => void actions.setProofGate(e.target.checked)} /> Proof gate
        </label>
        {running && <span className="console-running" aria-hidden="true">●</span>}
      </div>
      <GateDialog actions={actions} />
      <UnsavedDialog actions={actions} />
      <div className="terminal-host" ref={host} aria-label="Serial console" />
    </div>
  );
}
