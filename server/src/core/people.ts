/**
 * Who the document talks about: every speaker with the roles the corpus gives them and how
 * many statements they make, across articles.
 */
import { DocumentAnalysis } from './analysis';
import { Span } from './text';

export interface PersonSummary {
  name: string;
  kind: 'person' | 'body';
  roles: string[];
  statements: number;
  articles: number;
  /** Where the name is written as a speaker's subject. */
  subjects: Span[];
}

const summaries = new WeakMap<DocumentAnalysis, Map<string, PersonSummary>>();

/** Every speaker of the document (computed once per analysis; treat as read-only). */
export function summarizePeople(analysis: DocumentAnalysis): Map<string, PersonSummary> {
  const known = summaries.get(analysis);
  if (known) return known;
  const people = new Map<string, PersonSummary>();
  summaries.set(analysis, people);
  for (const article of analysis.articles) {
    for (const speaker of article.speakers) {
      let person = people.get(speaker.name);
      if (!person) {
        person = { name: speaker.name, kind: speaker.kind, roles: [], statements: 0, articles: 0, subjects: [] };
        people.set(speaker.name, person);
      }
      if (speaker.role && !person.roles.includes(speaker.role)) person.roles.push(speaker.role);
      person.statements += speaker.statements.length;
      person.articles += 1;
      for (const statement of speaker.statements) person.subjects.push(statement.span);
    }
  }
  return people;
}

/** The person whose name covers `offset` in the text, if the name belongs to a known speaker. */
export function personAt(people: Map<string, PersonSummary>, text: string, offset: number): PersonSummary | null {
  for (const person of people.values()) {
    const from = Math.max(0, offset - person.name.length + 1);
    const at = text.indexOf(person.name, from);
    if (at >= 0 && at <= offset && offset < at + person.name.length) return person;
  }
  return null;
}
