// Going to things: an obligation (select it, open its file, reveal its span, show its
// counterexample) or a plain span in a file.
import type { Span } from '../../app/verification';
import { revealSpan } from '../monaco/editor-ref';
import type { ProofActions } from './proof-store';
import { useWorkspace, type WorkspaceActions } from './workspace-store';

export function createNavigation(workspace: WorkspaceActions, proofs: ProofActions) {
  const goTo = async (file: string, span: Span, how: { cursor?: boolean } = {}) => {
    await workspace.openFile(file);
    workspace.activate(file);
    // The editor swaps models in an effect after the store changes: reveal once it has.
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    if (useWorkspace.getState().active === file) revealSpan(span, how);
  };
  return {
    goTo,
    /** A function: the cursor on its name (its whole body selected would be replaced by a keystroke). */
    goToFunction(fn: { file: string; span: Span; nameSpan?: Span }) {
      return goTo(fn.file, fn.nameSpan ?? { start: fn.span.start, end: fn.span.start }, { cursor: true });
    },
    async showObligation(key: string, obligation: number, file: string, span: Span) {
      proofs.select({ key, obligation });
      await goTo(file, span);
    },
  };
}

export type Navigation = ReturnType<typeof createNavigation>;
