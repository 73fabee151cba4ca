export const KNOWN_UNEXPORTED: Readonly<Record<string, string>>;
export function reportName(key: string): string;
export function reportEntries(pkg: { exports: Record<string, string | { types?: string }> }): { key: string; name: string; types: string }[];
export function lineDifference(before: string, after: string, limit?: number): string[];
export function exportedNames(report: string): string[];
export interface ApiReportResult {
  entries: { key: string; name: string; types: string }[];
  changed: { name: string; file: string; difference: string[] }[];
  problems: string[];
}
export function runApiReports(options: { root: string; update: boolean }): Promise<ApiReportResult>;
export function describeFailure(result: ApiReportResult): string;
