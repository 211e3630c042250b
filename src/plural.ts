/**
 * `1 record`, `2 records`, `0 warnings`: a count with its noun in the right number. Every
 * message and report that counts something goes through this, so that none says `1 warnings`.
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
