import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * Content-addressed files under `${dataDir}/attachments/<sha[0..2]>/<sha>`. Every write goes to a
 * temp file in the same file system and is renamed into place once complete and synced, so a
 * reader (or a crash) never sees half a file, and the same content is stored once.
 */
export class AttachmentFiles {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'attachments');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    return (await this.putChunks([bytes], Number.POSITIVE_INFINITY))!;
  }

  /**
   * Writes chunks as they arrive, hashing on the way. Returns null, with nothing left on disk, as
   * soon as the total passes maxBytes; leaving the loop early also ends the source (its `return`).
   */
  async putChunks(
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    maxBytes: number,
  ): Promise<StoredFile | null> {
    const tmpDir = join(this.root, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    let handle: FileHandle | null = await open(tmp, 'wx', 0o600);
    let keep = false;
    try {
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > maxBytes) return null;
        hash.update(chunk);
        for (let at = 0; at < chunk.byteLength; ) at += (await handle.write(chunk, at)).bytesWritten;
      }
      await handle.sync();
      await handle.close();
      handle = null;
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      if (!(await this.exists(sha256))) {
        await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
        await rename(tmp, target);
        keep = true;
      }
      return { sha256, size };
    } finally {
      await handle?.close();
      if (!keep) await unlink(tmp).catch(() => {});
    }
  }
}
