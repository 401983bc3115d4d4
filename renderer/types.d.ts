// Ambient declarations for the renderer.
import type { HostBridge } from '../app/api';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browser mode. */
    stratos?: HostBridge;
  }
}
