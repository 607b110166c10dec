/**
 * Spark's SparkContext.addFile and SparkFiles. Spark copies an added file to every executor's work directory and
 * SparkFiles.get(name) gives its local path. Tasks here have no file system (user code runs sandboxed), so the
 * file's text is read on the driver through the engine's file system before the next job and shipped with every
 * task; inside a task SparkFiles.get(name) gives its path and SparkFiles.read(name) its text (what opening the
 * path would give in Spark).
 */
import { errors } from '../../core/errors';
import type { FileSystem } from '../../core/fileSystem';
import { TaskContext } from '../../executor/taskContext';

const fileName = (path: string) => path.replace(/\/+$/, '').split('/').pop() ?? path;

/** The driver's added files: name → path, and their text once read. */
export class AddedFiles {
  private readonly byName = new Map<string, { path: string; recursive: boolean }>();
  private texts: Record<string, string> | undefined;
  private loaded = new Set<string>();

  add(path: string, recursive: boolean): void {
    if (typeof path !== 'string' || path.length === 0) throw errors.unsupportedArgument('addFile', `path = ${String(path)}`, 'Give the path of a file in the engine\'s file system.');
    const name = fileName(path);
    const had = this.byName.get(name);
    if (had && had.path !== path) throw errors.fileAlreadyRegistered(name, had.path, path);
    this.byName.set(name, { path, recursive });
  }

  paths(): string[] { return [...this.byName.values()].map((f) => f.path); }

  /** Reads the files added since the last job (a directory only with recursive, as Spark refuses it otherwise). */
  async load(fs: FileSystem): Promise<void> {
    for (const [name, f] of this.byName) {
      if (this.loaded.has(name)) continue;
      if (!(await fs.exists(f.path))) throw errors.fileNotFound(f.path);
      const st = await fs.stat(f.path);
      if (st.isDirectory && !f.recursive) throw errors.addFileDirectory(f.path);
      if (st.isDirectory) {
        for (const child of await fs.list(f.path)) if (!child.isDirectory) this.put(`${name}/${fileName(child.path)}`, await fs.readFile(child.path));
      } else {
        this.put(name, await fs.readFile(f.path));
      }
      this.loaded.add(name);
    }
  }

  private put(name: string, text: string): void { this.texts = { ...this.texts, [name]: text }; }

  /** What every task carries (undefined when nothing was added). */
  shipped(): Record<string, string> | undefined { return this.texts; }
}

/** Spark's SparkFiles, inside a task: where an added file is, and (this engine's stand-in for opening it) its text. */
export const SparkFiles = Object.freeze({
  getRootDirectory(): string { return 'spark-files'; },
  get(filename: string): string { addedText(filename); return `spark-files/${filename}`; },
  read(filename: string): string { return addedText(filename); },
});

function addedText(filename: string): string {
  const files = TaskContext.get()?.addedFiles() ?? {};
  const name = filename.startsWith('spark-files/') ? filename.slice('spark-files/'.length) : filename;
  const text = files[name];
  if (text === undefined) throw errors.sparkFileNotAdded(filename, Object.keys(files));
  return text;
}
