// The state extract as the county administrator uploads it: one zip, received as a stream.
// The zip is written to a fresh folder under the system's temporary directory, never held in
// memory whole, with a cap on its size; then its extract files are unzipped from that file chunk
// by chunk (fflate's streaming Unzip), with a cap on what they hold once unzipped, into a folder
// of their own, under fixed names: an entry's path in the zip never becomes a path on disk (no
// "zip slip"). The importer then reads that folder as it reads the command line's.
//
// Which entries count: clients.csv, referrals.csv, cases.csv and csec_types.csv (any case), at
// the zip's root or in one folder (a zipped folder). Other entries are listed as ignored, except
// folders and the "__MACOSX" copies a Mac adds. Entries of ignored files are skipped without
// being inflated.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Unzip, UnzipInflate, type UnzipDecoder, type UnzipFile } from 'fflate';
import { IMPORT_FILES, MAX_UNZIPPED_BYTES, MAX_UPLOAD_BYTES } from '../../contract/imports.js';
import { HarborError, badRequest } from '../../errors.js';

export interface UploadLimits {
  /** The largest zip taken (413 upload_too_large). */
  maxZipBytes: number;
  /** The most the extract files may hold once unzipped (413 extract_too_large). */
  maxUnzippedBytes: number;
}

export const UPLOAD_LIMITS: UploadLimits = { maxZipBytes: MAX_UPLOAD_BYTES, maxUnzippedBytes: MAX_UNZIPPED_BYTES };

/** At most this many ignored entries are named; the rest are counted in one line. */
const IGNORED_LIST_LIMIT = 50;
/** Zip is read in chunks this size: one chunk inflates to at most about a thousand times it. */
const READ_CHUNK = 16 * 1024;
const EMPTY = new Uint8Array(0);
const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

export const notAZip = () => badRequest('The upload is not a zip file, or the zip is damaged.', undefined, 'not_a_zip');
export const uploadEmpty = () =>
  badRequest(
    'The upload is empty: send the extract as a zip file (Content-Type: application/zip).',
    undefined,
    'upload_empty',
  );
const uploadTooLarge = (max: number) =>
  new HarborError(413, 'upload_too_large', `The zip is over ${megabytes(max)} MB.`, { maxMegabytes: megabytes(max) });
const extractTooLarge = (max: number) =>
  new HarborError(413, 'extract_too_large', `The extract files hold over ${megabytes(max)} MB once unzipped.`, {
    maxMegabytes: megabytes(max),
  });
const fileTwice = (file: string) => badRequest(`The zip holds ${file} twice.`, { file }, 'zip_file_twice');
const unsupportedCompression = (file: string) =>
  badRequest(
    `${file} is compressed with a method Harbor cannot read (only stored and deflate).`,
    { file },
    'zip_unsupported_compression',
  );

/** One upload's temporary folder. Always `remove()` it, whatever happened. */
export class UploadFolder {
  private constructor(readonly root: string) {}

  static async create(): Promise<UploadFolder> {
    return new UploadFolder(await mkdtemp(path.join(tmpdir(), 'harbor-upload-')));
  }

  get zipFile() {
    return path.join(this.root, 'upload.zip');
  }

  /** Where the extract files are unzipped: the folder the importer reads. */
  get extractDir() {
    return path.join(this.root, 'extract');
  }

  remove(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}

/** A file written chunk by chunk, waiting when its writes queue up; its errors are kept, not thrown at large. */
class FileSink {
  private readonly out: WriteStream;
  private error: Error | null = null;
  /** The entry's last chunk arrived (unzipping). */
  done = false;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx' });
    this.out.on('error', (err) => {
      this.error ??= err;
    });
  }

  /** Queues a chunk; false when the queue is full (then await `drained()`). */
  write(chunk: Uint8Array): boolean {
    if (this.error) throw this.error;
    return this.out.write(chunk);
  }

  get full(): boolean {
    return this.out.writableNeedDrain;
  }

  async drained(): Promise<void> {
    if (this.out.writableNeedDrain && !this.error)
      await new Promise<void>((resolve) => {
        const done = () => {
          this.out.off('drain', done);
          this.out.off('close', done);
          resolve();
        };
        this.out.on('drain', done);
        this.out.on('close', done);
      });
    if (this.error) throw this.error;
  }

  async close(): Promise<void> {
    if (!this.out.closed) {
      const closed = once(this.out, 'close').catch(() => undefined);
      this.out.end();
      await closed;
    }
    if (this.error) throw this.error;
  }
}

/**
 * Writes the request body to `file`, refusing (413) past `maxBytes`, and returns the bytes
 * written. Past the cap it stops reading but leaves the request stream alone, so the answer
 * still reaches the client (send it with Connection: close).
 */
export async function saveUpload(body: Readable, file: string, maxBytes: number): Promise<number> {
  const sink = new FileSink(file);
  let bytes = 0;
  try {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw uploadTooLarge(maxBytes);
      if (!sink.write(chunk)) await sink.drained();
    }
  } finally {
    await sink.close();
  }
  return bytes;
}

/** A zip starts with a local file header ("PK\3\4"), or is empty ("PK\5\6", the end record). */
async function looksLikeZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4) return false;
    const signature = head.readUInt32LE(0);
    return signature === 0x04034b50 || signature === 0x06054b50;
  } finally {
    await handle.close();
  }
}

/** An entry's name made safe to show: no control characters, not too long. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const shown = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200);

/**
 * Unzips the extract files of `zipFile` into `outDir` (which must not exist yet) and lists the
 * entries it ignored. Throws 400 not_a_zip, zip_file_twice or zip_unsupported_compression, or
 * 413 extract_too_large; what it wrote stays for the caller to remove.
 */
export async function unzipExtract(
  zipFile: string,
  outDir: string,
  maxUnzippedBytes: number,
): Promise<{ ignored: string[] }> {
  if (!(await looksLikeZip(zipFile))) throw notAZip();
  await mkdir(outDir);
  const ignored: string[] = [];
  let ignoredMore = 0;
  const taken = new Set<string>();
  const writers: FileSink[] = [];
  let unzipped = 0;
  let failure: HarborError | null = null;
  const fail = (err: HarborError) => {
    failure ??= err;
  };

  // Whether the decoder fflate creates next inflates its entry or skips it: set just before
  // file.start(), which creates the decoder synchronously. Skipped entries cost no inflating.
  let keepNext = false;
  class Deflate implements UnzipDecoder {
    static compression = 8;
    ondata: UnzipDecoder['ondata'] = () => undefined;
    private readonly inner = keepNext ? new UnzipInflate() : null;
    constructor() {
      if (this.inner) this.inner.ondata = (err, data, final) => this.ondata(err, data, final);
    }
    push(chunk: Uint8Array, final: boolean) {
      if (this.inner) this.inner.push(chunk, final);
      else if (final) this.ondata(null, EMPTY, true);
    }
  }
  /** Any other method: only ever skipped (an extract file compressed so is refused first). */
  const skipper = (code: number) =>
    class Skip implements UnzipDecoder {
      static compression = code;
      ondata: UnzipDecoder['ondata'] = () => undefined;
      push(_chunk: Uint8Array, final: boolean) {
        if (final) this.ondata(null, EMPTY, true);
      }
    };

  const skip = (file: UnzipFile) => {
    keepNext = false;
    file.ondata = () => undefined;
    try {
      file.start();
    } catch {
      // A method with no decoder at all: fflate keeps the entry's bytes until the zip ends.
    }
  };

  const unzip = new Unzip((file) => {
    const name = file.name.replace(/\\/g, '/');
    const parts = name.split('/').filter(Boolean);
    if (name.endsWith('/') || parts.length === 0 || parts[0] === '__MACOSX') return skip(file);
    const base = parts.at(-1)!.toLowerCase();
    const target = parts.length <= 2 ? IMPORT_FILES.find((f) => `${f}.csv` === base) : undefined;
    if (!target || failure) {
      if (!target) {
        if (ignored.length < IGNORED_LIST_LIMIT) ignored.push(shown(name));
        else ignoredMore++;
      }
      return skip(file);
    }
    const fileName = `${target}.csv`;
    if (taken.has(target)) {
      fail(fileTwice(fileName));
      return skip(file);
    }
    taken.add(target);
    if (file.compression !== 0 && file.compression !== 8) {
      fail(unsupportedCompression(fileName));
      return skip(file);
    }
    // A fixed name in a folder of our own: the entry's path is never used.
    const writer = new FileSink(path.join(outDir, fileName));
    writers.push(writer);
    file.ondata = (err, data, final) => {
      if (err) return fail(notAZip());
      unzipped += data.length;
      if (unzipped > maxUnzippedBytes) fail(extractTooLarge(maxUnzippedBytes));
      if (!failure && data.length) writer.write(data);
      if (final) writer.done = true;
    };
    keepNext = true;
    file.start();
  });
  unzip.register(Deflate);
  for (let code = 1; code < 100; code++) if (code !== 8) unzip.register(skipper(code));

  /** fflate's own errors (a truncated or malformed archive) carry a numeric code. */
  const isFlateError = (err: unknown) => typeof (err as { code?: unknown } | null)?.code === 'number';
  const input = createReadStream(zipFile, { highWaterMark: READ_CHUNK });
  let thrown: unknown = null;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      unzip.push(chunk);
      if (failure) break;
      // Back-pressure: wait while a file's writes are queued in memory.
      for (const w of writers) if (w.full) await w.drained();
    }
    if (!failure) unzip.push(EMPTY, true);
    if (!failure && writers.some((w) => !w.done)) fail(notAZip());
  } catch (err) {
    if (isFlateError(err)) fail(notAZip());
    else thrown = err;
  }
  input.destroy();
  const closed = await Promise.allSettled(writers.map((w) => w.close()));
  if (thrown) throw thrown;
  if (failure) throw failure;
  const writeError = closed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (writeError) throw writeError.reason;
  if (ignoredMore) ignored.push(`… ${ignoredMore} more`);
  return { ignored };
}

/**
 * The upload, from request body to the folder the importer reads: saved (capped), checked to be
 * a zip, unzipped (capped). The zip itself is removed once unzipped.
 */
export async function receiveExtract(
  body: Readable,
  folder: UploadFolder,
  limits: UploadLimits = UPLOAD_LIMITS,
): Promise<{ dir: string; ignored: string[] }> {
  const bytes = await saveUpload(body, folder.zipFile, limits.maxZipBytes);
  if (bytes === 0) throw uploadEmpty();
  const { ignored } = await unzipExtract(folder.zipFile, folder.extractDir, limits.maxUnzippedBytes);
  await rm(folder.zipFile, { force: true });
  return { dir: folder.extractDir, ignored };
}
