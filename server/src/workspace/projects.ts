/**
 * The projects files belong to, each read once. A file's project is the nearest folder above it
 * that has a `.corpus-lens` folder, else (in the editor) the innermost workspace folder holding
 * it, where "Ignore here" then creates one; a file in neither is in no project.
 */
import * as path from 'node:path';
import { Segmenter, lazySegmenter } from '../core/segmenter';
import { FileReport, PROJECT_DIR, findProjectRoot } from '../io/project';
import { WORKSPACE_GLOSSARY } from './glossaries';
import { Project, ProjectSettings, readProject } from './project';

export class Projects {
  private readonly projects = new Map<string | null, Project>();
  /** Each file's project folder, found once (a new .corpus-lens folder comes with a reload). */
  private readonly roots = new Map<string, string | null>();
  private readonly backend: Segmenter;

  constructor(
    private settings: ProjectSettings,
    /** The segmenter backend, loaded when a project's first text is segmented. */
    loadBackend: () => Segmenter,
    /** Workspace folders (none on the command line). */
    private folders: readonly string[] = [],
    /** Hears of each project read (the first time, or again after its files changed). */
    private readonly onRead: (project: Project) => void = () => undefined,
  ) {
    this.backend = lazySegmenter(loadBackend);
  }

  /** Forgets every project: the settings, the folders or a project file changed. */
  configure(settings: ProjectSettings, folders: readonly string[] = this.folders): void {
    this.settings = settings;
    this.folders = folders;
    this.projects.clear();
    this.roots.clear();
  }

  /**
   * Reads again the projects that `files` (changed project files or glossaries) belong to; a
   * project whose glossaries did not change keeps its glossary and segmenter, so that the
   * documents' analyses stay valid.
   */
  filesChanged(files: readonly string[]): void {
    this.roots.clear();
    const changed = new Set(files.map((f) => path.resolve(f)));
    for (const [root, project] of this.projects) {
      const ownFile = root !== null && [...changed].some((f) => path.dirname(f) === path.join(root, PROJECT_DIR));
      const ownGlossary = root !== null && changed.has(path.join(root, WORKSPACE_GLOSSARY));
      const named = this.settings.glossaries.some((f) => changed.has(path.resolve(f)));
      const glossaryChanged = ownGlossary || named || project.loaded.files.some((f) => changed.has(path.resolve(f)));
      if (!ownFile && !glossaryChanged) continue;
      const read = readProject(root, this.settings, this.backend, glossaryChanged ? null : project);
      this.projects.set(root, read);
      this.onRead(read);
    }
  }

  /** The innermost workspace folder holding `file`, or null. */
  folderOf(file: string): string | null {
    const holding = this.folders.filter((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    return holding.sort((a, b) => b.length - a.length)[0] ?? null;
  }

  /** The project folder of `file` (or of a folder). */
  rootOf(file: string): string | null {
    const resolved = path.resolve(file);
    let root = this.roots.get(resolved);
    if (root === undefined) {
      root = findProjectRoot(resolved) ?? this.folderOf(resolved);
      this.roots.set(resolved, root);
    }
    return root;
  }

  /**
   * The project of `file` (or of a folder, such as the current one); null, for a document that
   * is no file, gives the one of no project.
   */
  of(file: string | null): Project {
    return this.at(file === null ? null : this.rootOf(file));
  }

  /** The project at `root`, read the first time it is asked for. */
  at(root: string | null): Project {
    let project = this.projects.get(root);
    if (!project) {
      project = readProject(root, this.settings, this.backend);
      this.projects.set(root, project);
      this.onRead(project);
    }
    return project;
  }

  /** The projects of the workspace folders, read now (their problems are shown at once). */
  readFolders(): void {
    for (const folder of this.folders) this.at(findProjectRoot(folder) ?? folder);
  }

  /** The problems of every project file read so far (a file without problems has an empty list). */
  reports(): FileReport[] {
    const byFile = new Map<string, FileReport>();
    for (const project of this.projects.values()) for (const report of project.reports) byFile.set(report.file, report);
    return [...byFile.values()];
  }
}
