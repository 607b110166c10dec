/** Test helpers (Node only): read and validate the lesson files of public/lessons. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateLesson, type Lesson } from './schema';

export const publicDir = join(__dirname, '../../public');
export const exampleFiles = readdirSync(join(publicDir, 'examples')).filter((f) => f.endsWith('.json') && f !== 'index.json');
export const lessonFiles = readdirSync(join(publicDir, 'lessons')).filter((f) => f.endsWith('.json') && f !== 'index.json');
export const readPublicJson = (p: string) => JSON.parse(readFileSync(join(publicDir, p), 'utf8')) as unknown;

export function loadLessonFile(file: string): Lesson {
  const v = validateLesson(readPublicJson(`lessons/${file}`), { examples: exampleFiles });
  if (!v.ok) throw new Error(`${file}:\n${v.issues.join('\n')}`);
  return v.value;
}
