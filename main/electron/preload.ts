// The preload: exposes the app/ API (one call function, one event subscription) on
// window.stratos and nothing else. Sandboxed: only contextBridge and ipcRenderer are used.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostBridge, Reply } from '../../app/api';

const bridge: HostBridge = {
  call: (method: string, params: unknown) => ipcRenderer.invoke('stratos:call', method, params) as Promise<Reply>,
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on('stratos:event', handler);
    return () => ipcRenderer.removeListener('stratos:event', handler);
  },
};

contextBridge.exposeInMainWorld('stratos', bridge);
