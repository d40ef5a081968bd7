/**
 * Hands a file to the browser's downloads, as a click on an `<a download>` would: the checklist's
 * JSON, the HTML report, a bundle. Plain DOM, no extension API.
 */
export function saveFile(doc: Document, name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
