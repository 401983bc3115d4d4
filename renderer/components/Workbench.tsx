// The workbench's docking: Explorer | (editor | right column) over the bottom panel, every
// split resizable by drag or keyboard (the separators), the side and bottom panels collapsible,
// sizes remembered per workspace in its settings (`layout`), the bottom panel maximisable.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef, type Layout } from 'react-resizable-panels';
import type { WorkbenchLayout } from '../../app/boot-session';
import { api } from '../api/client';
import { useBoot } from '../state/boot-store';

/** How long after the last drag the layout is saved. */
const SAVE_AFTER_MS = 400;
/** Wait this long for the settings before laying out with the defaults. */
const SETTINGS_WAIT_MS = 1500;

export interface WorkbenchSlots {
  explorer: ReactNode;
  editor: ReactNode;
  right: ReactNode;
  bottom: (controls: { maximized: boolean; toggleMaximized: () => void }) => ReactNode;
}

export function Workbench(slots: WorkbenchSlots) {
  const settings = useBoot((s) => s.settings);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setWaited(true), SETTINGS_WAIT_MS);
    return () => clearTimeout(t);
  }, []);
  // the layout is read once, at mount: wait for the settings (or give up on them)
  if (!settings && !waited) return <div className="workbench" />;
  return <Docked {...slots} initial={settings?.layout ?? {}} />;
}

function Docked({ explorer, editor, right, bottom, initial }: WorkbenchSlots & { initial: WorkbenchLayout }) {
  const layout = useRef<WorkbenchLayout>({ ...initial });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [maximized, setMaximized] = useState(false);
  const explorerRef = usePanelRef();
  const rightRef = usePanelRef();
  const bottomRef = usePanelRef();
  const remember = (group: keyof WorkbenchLayout) => (l: Layout) => {
    layout.current = { ...layout.current, [group]: roundSizes(l) };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void api.call('settings.set', { layout: layout.current }).then((s) => useBoot.setState({ settings: s }), () => undefined);
    }, SAVE_AFTER_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const toggle = (ref: typeof explorerRef) => () => {
    const p = ref.current;
    if (!p) return;
    if (p.isCollapsed()) p.expand();
    else p.collapse();
  };
  return (
    <div className={`workbench${maximized ? ' bottom-maximized' : ''}`}>
      <div className="layout-toggles" role="group" aria-label="Layout">
        <button aria-label="Toggle Explorer" title="Show or hide the Explorer" onClick={toggle(explorerRef)}>
          ◧
        </button>
        <button aria-label="Toggle side panels" title="Show or hide Proofs, Counterexample and Proof state" onClick={toggle(rightRef)}>
          ◨
        </button>
        <button aria-label="Toggle bottom panel" title="Show or hide Problems, QEMU console and the dashboard" onClick={toggle(bottomRef)}>
          ⬓
        </button>
      </div>
      <Group orientation="horizontal" className="wb-group" defaultLayout={initial.outer} onLayoutChanged={remember('outer')}>
        <Panel id="explorer" panelRef={explorerRef} defaultSize="16" minSize="8" collapsible collapsedSize="0">
          {explorer}
        </Panel>
        <Separator className="wb-separator vertical" aria-label="Resize Explorer" />
        <Panel id="center" minSize="30">
          <Group orientation="vertical" className="wb-group" defaultLayout={initial.center} onLayoutChanged={remember('center')}>
            <Panel id="top" minSize="20">
              <Group orientation="horizontal" className="wb-group" defaultLayout={initial.top} onLayoutChanged={remember('top')}>
                <Panel id="editor" minSize="30">
                  {editor}
                </Panel>
                <Separator className="wb-separator vertical" aria-label="Resize side panels" />
                <Panel id="right" panelRef={rightRef} defaultSize="28" minSize="12" collapsible collapsedSize="0">
                  {right}
                </Panel>
              </Group>
            </Panel>
            <Separator className="wb-separator horizontal" aria-label="Resize bottom panel" />
            <Panel id="bottom" panelRef={bottomRef} defaultSize="26" minSize="10" collapsible collapsedSize="0">
              {bottom({ maximized, toggleMaximized: () => setMaximized((m) => !m) })}
            </Panel>
          </Group>
        </Panel>
      </Group>
    </div>
  );
}

function roundSizes(l: Layout): Record<string, number> {
  return Object.fromEntries(Object.entries(l).map(([k, v]) => [k, Math.round(v * 100) / 100]));
}
