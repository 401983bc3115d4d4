// Where the editor's cursor is (file and line), for views that follow it (the Proof state panel).
import { create } from 'zustand';

export interface CursorState {
  file: string | null;
  line: number;
  column: number;
}

export const useCursor = create<CursorState>(() => ({ file: null, line: 1, column: 1 }));
