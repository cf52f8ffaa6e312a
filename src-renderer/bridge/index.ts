import type { GalleyApi } from '../../src-shared/ipc/contract';
import { createWebBridge } from './web';

/** The one API the renderer talks to: the Electron preload's `window.galley`, else the browser's. */
export const galley: GalleyApi = (window as Window & { galley?: GalleyApi }).galley ?? createWebBridge();
