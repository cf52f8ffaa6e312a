/**
 * Remembers the main window's size, position and maximized state between runs. What is read back
 * is untrusted (an old version, a hand edit, a monitor since unplugged): it is parsed, and a
 * position no longer on any display is dropped so the window can't open off-screen.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent when the saved position is unknown or off every display; the OS then places the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
const MIN_SIZE = 400;

const savedSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_SIZE).max(20_000),
  height: z.number().int().min(MIN_SIZE).max(20_000),
  maximized: z.boolean(),
});

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = savedSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height, maximized } = parsed.data;
  const visible = workAreas.some((area) => overlaps({ x, y, width, height }, area));
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export async function loadWindowState(file: string, workAreas: readonly Rect[]): Promise<WindowState> {
  try {
    return restoreWindowState(JSON.parse(await readFile(file, 'utf8')), workAreas);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(file: string, bounds: Rect, maximized: boolean): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify({ ...bounds, maximized })));
}
