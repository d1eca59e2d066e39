/** The text of the files chosen in a file input, by file name. */
export async function readFiles(list: FileList | null): Promise<Record<string, string>> {
  const files = Array.from(list ?? []);
  const texts = await Promise.all(files.map((f) => f.text()));
  return Object.fromEntries(files.map((f, i) => [f.name, texts[i] ?? '']));
}
