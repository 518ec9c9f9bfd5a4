/**
 * Small stand-ins for the Electron objects the shell's modules are handed (windows, web
 * contents, tray, sessions), so their behaviour is tested under plain Node. Each records
 * what was done to it; none imports 'electron'.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Log } from '../../electron/main/logging';

export interface RecordingLog extends Log {
  lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}

/** An Electron-style event: records preventDefault. */
export function fakeEvent<T extends object>(details: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...details,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  sent: Array<{ channel: string; payload: unknown }> = [];
  reloads = 0;
  destroyed = false;
  url = 'file:///app/out/renderer/index.html';

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  reload(): void {
    this.reloads += 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.url;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: string[] = [];
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  background: string | null = null;
  overlay: unknown = null;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
  setBackgroundColor(color: string): void {
    this.background = color;
  }
  setTitleBarOverlay(options: unknown): void {
    this.overlay = options;
  }

  /** Emits 'close' as Electron does; true when a listener prevented it. */
  tryClose(): boolean {
    const event = fakeEvent({});
    this.emit('close', event);
    return event.defaultPrevented;
  }
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  tooltip = '';
  menu: unknown = null;
  destroyed = false;

  constructor(public image: FakeImage) {
    super();
    FakeTray.created.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  balloons: unknown[] = [];
  displayBalloon(options: unknown): void {
    this.balloons.push(options);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(template: boolean): void {
    this.template = template;
  }
}

export const fakeNativeImage = { createFromPath: (path: string) => new FakeImage(path) };
/** Menu.buildFromTemplate stand-in: the template itself is the "menu". */
export const fakeMenu = { buildFromTemplate: <T>(template: T) => template };
