/**
 * One thing wrong with a STIX object: which object (`id`, or `objects[3]` when it has no usable
 * id), where inside it (a JSON path such as `.modified` or `.external_references[0].url`), and why.
 */
export interface ValidationIssue {
  readonly id: string;
  readonly path: string;
  readonly message: string;
}

/**
 * The one-line form of an issue: `incident--… .modified: earlier than created`.
 *
 * @example formatIssue({ id: 'incident--…', path: '.modified', message: 'earlier than created' })
 */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.id}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
}

/** Collects the issues of one object; validators push through `fail`. */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly id: string) {}

  fail(path: string, message: string): void {
    this.issues.push({ id: this.id, path, message });
  }
}
