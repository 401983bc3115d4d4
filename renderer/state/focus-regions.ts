// Keyboard focus for the workbench's regions (Alt+1 … Alt+6), as VS Code's focus commands: each
// shortcut moves focus to the region's current item (or the region itself).

export interface FocusTarget {
  key: string;
  name: string;
  /** The element to focus, first match wins. */
  selectors: string[];
}

export const FOCUS_TARGETS: FocusTarget[] = [
  { key: '1', name: 'Explorer', selectors: ['[aria-label="Workspace files"] [aria-selected="true"]', '[aria-label="Workspace files"] [role="treeitem"]'] },
  { key: '2', name: 'Editor', selectors: ['.monaco-editor textarea'] },
  { key: '3', name: 'Proofs', selectors: ['[aria-label="Proofs"] [role="treeitem"][aria-selected="true"]', '[aria-label="Proofs"] [role="treeitem"]', '[aria-label="Proofs"]'] },
  { key: '4', name: 'Counterexample', selectors: ['[aria-label="Counterexample"]'] },
  { key: '5', name: 'Problems', selectors: ['[aria-label="Problems list"] button', '[role="tabpanel"][aria-label="Problems"]'] },
  { key: '6', name: 'Proof state', selectors: ['[aria-label="Proof state"]'] },
];

/** The status bar's hint: how to reach each region and how to leave the editor. */
export const FOCUS_HINT = `${FOCUS_TARGETS.map((t) => `Alt+${t.key} ${t.name}`).join(' · ')} · Ctrl+M: Tab leaves the editor`;

/** Focuses the region bound to `key`; false when no element of it is in the page. */
export function focusRegion(key: string, doc: Pick<Document, 'querySelector'>): boolean {
  const target = FOCUS_TARGETS.find((t) => t.key === key);
  if (!target) return false;
  for (const sel of target.selectors) {
    const el = doc.querySelector(sel) as HTMLElement | null;
    if (el) {
      if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.focus();
      return true;
    }
  }
  return false;
}
