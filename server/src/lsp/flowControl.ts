/**
 * Bounded queues between the server and a client that does not keep up. vscode-jsonrpc's
 * stream writer waits for each write to be taken by the pipe and queues every later message in
 * memory meanwhile; a client that sends pulls and never reads its end took the server from
 * 144 to 574 MB over 3,000 pulls. Here:
 *
 * - the writer serializes each message at once and keeps the bytes the pipe has not taken;
 *   a publishDiagnostics for a document replaces one still waiting for the same document, and
 *   a status notification the one before it (only the newest of each means anything);
 * - while more than HIGH_WATER bytes wait, the reader hands the connection no further message
 *   (they wait, and the input is paused, so the client's writes block at its end) until the
 *   backlog is under LOW_WATER. A request is thus only worked on when its answer can be sent:
 *   the memory held is about HIGH_WATER plus one answer, however long the client stays away.
 */
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  DataCallback,
  Disposable,
  Message,
  MessageReader,
  MessageWriter,
  NotificationMessage,
  StreamMessageReader,
} from 'vscode-languageserver/node';

export const HIGH_WATER = 4 * 1024 * 1024;
export const LOW_WATER = 1024 * 1024;

/** Notifications of which only the newest matters, by what they are about. */
function supersedingKey(message: Message): string | null {
  const notification = message as NotificationMessage;
  if (typeof notification.method !== 'string' || 'id' in notification) return null;
  if (notification.method === 'textDocument/publishDiagnostics') {
    const uri = (notification.params as { uri?: unknown } | undefined)?.uri;
    return typeof uri === 'string' ? `diagnostics\0${uri}` : null;
  }
  if (notification.method === 'corpusLens/status') return 'status';
  return null;
}

interface Queued {
  bytes: Buffer;
  key: string | null;
}

export class BoundedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly queue: Queued[] = [];
  private readonly byKey = new Map<string, Queued>();
  private queuedBytes = 0;
  private waitingForDrain = false;
  private readonly listeners = new Set<() => void>();
  private errors = 0;

  constructor(private readonly output: NodeJS.WritableStream & { writableLength?: number }) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
    output.on('drain', () => {
      this.waitingForDrain = false;
      this.pump();
    });
  }

  /** Bytes written but not yet taken by the client: queued here, and in the stream's buffer. */
  get backlog(): number {
    return this.queuedBytes + (this.output.writableLength ?? 0);
  }

  /** Calls `listener` each time the backlog may have shrunk. */
  onProgress(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  write(message: Message): Promise<void> {
    let json: string;
    try {
      json = JSON.stringify(message);
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error);
    }
    const body = Buffer.from(json, 'utf8');
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    const key = supersedingKey(message);
    const waiting = key ? this.byKey.get(key) : undefined;
    if (waiting) {
      // The older one has not left yet: the newer takes its place in the queue.
      this.queuedBytes += bytes.length - waiting.bytes.length;
      waiting.bytes = bytes;
    } else {
      const item = { bytes, key };
      this.queue.push(item);
      this.queuedBytes += bytes.length;
      if (key) this.byKey.set(key, item);
    }
    this.pump();
    return Promise.resolve();
  }

  private pump(): void {
    while (!this.waitingForDrain && this.queue.length > 0) {
      const item = this.queue.shift()!;
      if (item.key) this.byKey.delete(item.key);
      this.queuedBytes -= item.bytes.length;
      let accepted: boolean;
      try {
        accepted = this.output.write(item.bytes);
      } catch (error) {
        this.fireError(error, undefined, ++this.errors);
        return;
      }
      if (!accepted) this.waitingForDrain = true;
    }
    for (const listener of this.listeners) listener();
  }

  end(): void {
    // The process ends after `exit`; what is queued is written on the way out where it can be.
  }
}

/**
 * Hands messages on only while the writer's backlog is under the high-water mark; meanwhile
 * they wait here, in order, and the input stream is paused.
 */
export class GatedMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly inner: StreamMessageReader;
  private readonly held: Message[] = [];
  private callback: DataCallback | null = null;
  private gated = false;
  private releasing = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly writer: BoundedMessageWriter,
  ) {
    super();
    this.inner = new StreamMessageReader(input);
    this.inner.onError((error) => this.fireError(error));
    this.inner.onClose(() => this.fireClose());
    this.inner.onPartialMessage((info) => this.firePartialMessage(info));
    writer.onProgress(() => this.release());
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return this.inner.listen((message) => {
      if (this.gated || this.held.length > 0 || this.writer.backlog > HIGH_WATER) this.hold(message);
      else callback(message);
    });
  }

  private hold(message: Message): void {
    this.held.push(message);
    if (!this.gated) {
      this.gated = true;
      this.input.pause();
    }
  }

  private release(): void {
    // Answering a held request writes, and writing reports progress: no release within one.
    if (this.releasing || !this.gated || !this.callback || this.writer.backlog > LOW_WATER) return;
    this.releasing = true;
    try {
      while (this.held.length > 0 && this.writer.backlog <= HIGH_WATER) this.callback(this.held.shift()!);
    } finally {
      this.releasing = false;
    }
    if (this.held.length === 0) {
      this.gated = false;
      this.input.resume();
    }
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }
}

/** A reader and a writer over stdio (or any streams) with the bounds above. */
export function boundedStreams(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): { reader: GatedMessageReader; writer: BoundedMessageWriter } {
  const writer = new BoundedMessageWriter(output);
  return { reader: new GatedMessageReader(input, writer), writer };
}
