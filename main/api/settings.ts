// The IDE's settings, remembered in the workspace's .stratos/settings.json.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SOLVER_CHOICES, type EditorSession, type IdeSettings, type WorkbenchLayout } from '../../app/boot-session';
import { isEditorSession, isWorkbenchLayout } from '../../app/validate';
import { writeFileAtomic } from '../../toolchain/workspace/atomic-write';

export class SettingsStore {
  private readonly file: string;

  constructor(workspaceRoot: string) {
    this.file = path.join(workspaceRoot, '.stratos', 'settings.json');
  }

  async get(): Promise<IdeSettings> {
    try {
      const stored = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<IdeSettings>;
      return {
        ...DEFAULT_SETTINGS,
        ...(typeof stored.proofGate === 'boolean' ? { proofGate: stored.proofGate } : {}),
        ...(typeof stored.verifyOnSaveOnly === 'boolean' ? { verifyOnSaveOnly: stored.verifyOnSaveOnly } : {}),
        ...(SOLVER_CHOICES.includes(stored.solver as never) ? { solver: stored.solver } : {}),
        // (a hand-edited or corrupt file: the part that does not check is dropped, not the rest)
        ...(isWorkbenchLayout(stored.layout) ? { layout: stored.layout as WorkbenchLayout } : {}),
        ...(isEditorSession(stored.session) ? { session: stored.session as EditorSession } : {}),
      };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  async set(patch: Partial<IdeSettings>): Promise<IdeSettings> {
    const next = { ...(await this.get()), ...patch };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    return next;
  }
}
