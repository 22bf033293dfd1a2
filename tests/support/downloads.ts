/**
 * Stands in for utils/export/download.ts in component tests, which cannot follow a download: a test mocks
 * that module with this one (`vi.mock('@/utils/export/download', () => import('…/support/downloads'))`) and
 * reads what would have been saved from `downloads` (empty it between tests).
 */
export const downloads: { blob: Blob; name: string }[] = [];

export function downloadBlob(blob: Blob, fileName: string): void {
  downloads.push({ blob, name: fileName });
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloads.push({ blob: new Blob([text], { type }), name: fileName });
}
